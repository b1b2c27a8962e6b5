package io.fulfil.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.reference.TemperatureZone;
import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV conventions of {@code io.fulfil.support.csv}, as the loader relies on them. (They live here
 * because this test package is the loader's; they need no Spring.)
 */
class CsvSupportTests {

    @TempDir
    Path tmp;

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(CsvCells.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.neutralise("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.neutralise("-12.30")).isEqualTo("-12.30");
        assertThat(CsvCells.neutralise("A-03-12-2")).isEqualTo("A-03-12-2");
        assertThat(CsvCells.neutralise("牛奶")).isEqualTo("牛奶");
        assertThat(CsvCells.neutralise("")).isEmpty();
    }

    @Test
    void writesUtf8WithBomAndNeutralisedCells() throws IOException {
        Path target = tmp.resolve("out.csv");
        try (CsvOutput out = CsvOutput.create(target, "a", "b")) {
            out.row("=1+1", "牛奶, \"鲜\"");
            out.row("-5", null);
            out.commit();
        }

        assertThat(Files.readString(target, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFa,b\r\n'=1+1,\"牛奶, \"\"鲜\"\"\"\r\n-5,\r\n");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anUncommittedOutputLeavesTheOldFileAlone() throws IOException {
        Path target = tmp.resolve("out.csv");
        Files.writeString(target, "old");
        try (CsvOutput out = CsvOutput.create(target, "a")) {
            out.row("new");
        }
        assertThat(target).hasContent("old");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void rowErrorsReadLikeCompilerMessages() {
        assertThat(new RowError("orders.csv", 17, "paid_at", "not an ISO-8601 timestamp with offset: '2026-13-01'"))
                .hasToString("orders.csv:17: column paid_at: not an ISO-8601 timestamp with offset: '2026-13-01'");
        assertThat(new RowError("stock.csv", 0, null, "nothing written: boom")).hasToString("stock.csv: nothing written: boom");
    }

    @Test
    void skipsTheBomAndFindsColumnsByName() throws IOException {
        Path file = write("\uFEFF b , a ,extra\r\n2,1,x\r\n", StandardCharsets.UTF_8);
        try (CsvInput input = CsvInput.open(file, List.of("a", "b"))) {
            CsvRow row = input.next();
            assertThat(input.problems()).isEmpty();
            assertThat(row.text("a")).isEqualTo("1");
            assertThat(row.text("b")).isEqualTo("2");
            assertThat(row.line()).isEqualTo(2);
            assertThat(input.next()).isNull();
        }
    }

    @Test
    void numbersRowsByThePhysicalLineTheyStartOn() throws IOException {
        Path file = write("a,b\n1,\"two\nlines\"\n\n3,back\\slash\n", StandardCharsets.UTF_8);
        try (CsvInput input = CsvInput.open(file, List.of("a", "b"))) {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                rows.add(row);
            }
            assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L);
            assertThat(rows.get(0).text("b")).isEqualTo("two\nlines");
            assertThat(rows.get(1).text("b")).isEqualTo("back\\slash");
        }
    }

    @Test
    void reportsMissingAndRepeatedColumnsOnTheHeaderLine() throws IOException {
        Path file = write("a,a\n1,2\n", StandardCharsets.UTF_8);
        try (CsvInput input = CsvInput.open(file, List.of("a", "b"))) {
            assertThat(input.next()).isNull();
            assertThat(input.problems()).containsExactly(
                    new RowError("in.csv", 1, "a", "the column appears more than once in the header"),
                    new RowError("in.csv", 1, "b", "required column is missing from the header"));
        }
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        Path file = write("a\n牛奶\n", Charset.forName("GBK"));
        try (CsvInput input = CsvInput.open(file, List.of("a"))) {
            assertThat(input.next()).isNull();
            assertThat(input.problems()).singleElement().extracting(RowError::reason).asString().contains("not UTF-8");
        }
    }

    @Test
    void aCodeWithASpaceLineBreakOrInvisibleCharacterInsideIsRejected() throws IOException {
        Path file = write("tracking\nSF123\n\"SF\n123\"\nSF 123\nSF\u200B123\n  SF123  \n", StandardCharsets.UTF_8);
        try (CsvInput input = CsvInput.open(file, List.of("tracking"))) {
            assertThat(input.next().code("tracking", 64)).isEqualTo("SF123");
            CsvRow lineBreak = input.next();
            CsvRow space = input.next();
            CsvRow invisible = input.next();
            assertThat(lineBreak.code("tracking", 64)).isNull();
            assertThat(space.code("tracking", 64)).isNull();
            assertThat(invisible.code("tracking", 64)).isNull();
            assertThat(input.next().code("tracking", 64)).as("spaces around are trimmed").isEqualTo("SF123");
            assertThat(List.of(lineBreak, space, invisible)).flatExtracting(CsvRow::errors)
                    .extracting(RowError::toString).containsExactly(
                            "in.csv:3: column tracking: has a space, line break or invisible character (U+000A) at"
                                    + " position 3: 'SF\n123'",
                            "in.csv:5: column tracking: has a space, line break or invisible character (U+0020) at"
                                    + " position 3: 'SF 123'",
                            "in.csv:6: column tracking: has a space, line break or invisible character (U+200B) at"
                                    + " position 3: 'SF\u200B123'");
        }
    }

    @Test
    void typedGettersCollectEveryError() throws IOException {
        Path file = write("""
                int,pos,money,flag,zone,ts,dec,txt
                7,3,12.30,YES,CHILLED,2026-11-21T10:15:00+08:00,-31.5,x
                x,0,1.234,maybe,WARM,2026-11-21T10:15:00,1e3,
                """, StandardCharsets.UTF_8);
        try (CsvInput input = CsvInput.open(file, List.of("int"))) {
            CsvRow good = input.next();
            assertThat(good.integer("int")).isEqualTo(7);
            assertThat(good.positiveInt("pos")).isEqualTo(3);
            assertThat(good.decimal2("money")).isEqualTo(1230L);
            assertThat(good.bool("flag")).isTrue();
            assertThat(good.enumValue("zone", TemperatureZone.class)).isEqualTo(TemperatureZone.CHILLED);
            assertThat(good.offsetDateTime("ts")).isEqualTo(LocalDateTime.of(2026, 11, 21, 2, 15));
            assertThat(good.decimal("dec")).isEqualTo(new BigDecimal("-31.5"));
            assertThat(good.optionalText("missing")).isNull();
            assertThat(good.hasErrors()).isFalse();

            CsvRow bad = input.next();
            bad.integer("int");
            bad.positiveInt("pos");
            bad.decimal2("money");
            bad.bool("flag");
            bad.enumValue("zone", TemperatureZone.class);
            bad.offsetDateTime("ts");
            bad.decimal("dec");
            bad.text("txt");
            assertThat(bad.errors()).extracting(RowError::toString).containsExactly(
                    "in.csv:3: column int: not a whole number: 'x'",
                    "in.csv:3: column pos: must be a positive whole number: '0'",
                    "in.csv:3: column money: more than 2 decimals: '1.234'",
                    "in.csv:3: column flag: not a boolean (true/false, 1/0, yes/no): 'maybe'",
                    "in.csv:3: column zone: not one of AMBIENT, CHILLED, FROZEN: 'WARM'",
                    "in.csv:3: column ts: not an ISO-8601 timestamp with offset: '2026-11-21T10:15:00'",
                    "in.csv:3: column dec: not a decimal number: '1e3'",
                    "in.csv:3: column txt: a value is required");
        }
    }

    @Test
    void rejectFilesAreWrittenBesideTheInputAndRemovedWhenClean() throws IOException {
        Path input = tmp.resolve("orders.csv");
        assertThat(RejectFile.pathFor(input)).isEqualTo(tmp.resolve("orders.rejects.csv"));
        try (RejectFile rejects = RejectFile.beside(input)) {
            rejects.add(new RowError("orders.csv", 3, "name", "-1+2 is not a name"));
            assertThat(rejects.finish()).contains(tmp.resolve("orders.rejects.csv"));
        }
        assertThat(Files.readString(tmp.resolve("orders.rejects.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFline,column,value,reason\r\n3,name,,'-1+2 is not a name\r\n");

        try (RejectFile rejects = RejectFile.beside(input)) {
            rejects.addRow(java.util.List.of(new RowError("orders.csv", 4, "qty", "x", "not a whole number: 'x'"),
                    new RowError("orders.csv", 4, "paid_at", "=1", "not an ISO-8601 timestamp with offset: '=1'")));
            rejects.finish();
        }
        assertThat(Files.readString(tmp.resolve("orders.rejects.csv"), StandardCharsets.UTF_8))
                .as("one row per bad input row, its errors joined in the same order")
                .isEqualTo("\uFEFFline,column,value,reason\r\n4,qty; paid_at,x; =1,"
                        + "not a whole number: 'x'; not an ISO-8601 timestamp with offset: '=1'\r\n");

        try (RejectFile clean = RejectFile.beside(input)) {
            assertThat(clean.finish()).isEmpty();
        }
        assertThat(tmp.resolve("orders.rejects.csv")).doesNotExist();
    }

    private Path write(String text, Charset charset) throws IOException {
        Path file = tmp.resolve("in.csv");
        Files.write(file, text.getBytes(charset));
        return file;
    }
}
