package io.fulfil.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupedRowsTests {

    @TempDir
    Path dir;

    @Test
    void rowsComeBackGroupedInLineOrderWithTheirLinesAndCellsWhateverTheRuns() throws IOException {
        List<String> lines = new ArrayList<>(List.of("\uFEFFcarrier_code,tracking_no,event_code,location"));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            lines.add("SF,T" + random.nextInt(30) + ",5" + i + ",hub " + i);
        }
        // cells that must survive the copy as read: a comma, a quote, a line break, a neutralised formula
        lines.add("JD,T3,\"a,b\",\"say \"\"hi\"\"\"");
        lines.add("JD,T3,\"two\nlines\",'=SUM(A1)");
        Path file = dir.resolve("events.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);

        for (int runRows : List.of(7, 1000)) {
            Path copy = dir.resolve("copy-" + runRows + ".csv");
            long written;
            try (CsvInput input = CsvInput.open(file, List.of("tracking_no"));
                 GroupedRows grouped = new GroupedRows(copy, input.header(),
                         row -> row.cell("carrier_code") + " " + row.cell("tracking_no"), runRows)) {
                for (CsvRow row = input.next(); row != null; row = input.next()) {
                    grouped.add(row);
                }
                written = grouped.finish();
            }

            assertThat(written).isEqualTo(202);
            assertThat(names()).as("runs deleted, no file written aside left")
                    .noneMatch(n -> n.contains(".run") || n.endsWith(".partial"));
            List<CsvRow> back = new ArrayList<>();
            try (CsvInput input = CsvInput.openCopy(copy, "events.csv", List.of("tracking_no"), GroupedRows.LINE)) {
                for (CsvRow row = input.next(); row != null; row = input.next()) {
                    back.add(row);
                }
                assertThat(input.problems()).isEmpty();
            }
            assertThat(back).hasSize(202);
            for (int i = 1; i < back.size(); i++) {
                CsvRow before = back.get(i - 1);
                CsvRow row = back.get(i);
                int byGroup = row.cell(GroupedRows.GROUP).compareTo(before.cell(GroupedRows.GROUP));
                assertThat(byGroup > 0 || (byGroup == 0 && row.line() > before.line()))
                        .as("row %d after row %d", row.line(), before.line()).isTrue();
            }
            for (CsvRow row : back) {
                assertThat(row.file()).isEqualTo("events.csv");
                if (row.line() <= 201) {
                    // lines 2..201 are the generated rows: line n holds event code 5(n-2)
                    assertThat(row.cell("event_code")).isEqualTo("5" + (row.line() - 2));
                }
            }
            CsvRow quoted = back.stream().filter(r -> r.line() == 202).findFirst().orElseThrow();
            assertThat(quoted.cell("event_code")).isEqualTo("a,b");
            assertThat(quoted.cell("location")).isEqualTo("say \"hi\"");
            CsvRow multiline = back.stream().filter(r -> r.line() == 203).findFirst().orElseThrow();
            assertThat(multiline.cell("event_code")).isEqualTo("two\nlines");
            assertThat(multiline.cells()[5]).as("copied as read, still neutralised").isEqualTo("'=SUM(A1)");
            assertThat(multiline.cell("location")).isEqualTo("=SUM(A1)");
        }
    }

    @Test
    void anUnfinishedSortLeavesNoRunsBehind() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, "tracking_no\nB\nA\nC\nA\n", StandardCharsets.UTF_8);
        Path copy = dir.resolve("copy.csv");
        try (CsvInput input = CsvInput.open(file, List.of("tracking_no"));
             GroupedRows grouped = new GroupedRows(copy, input.header(), row -> row.cell("tracking_no"), 2)) {
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                grouped.add(row);
            }
            // validation found the file rejected: the copy is never finished
        }
        assertThat(names()).containsExactly("events.csv");
    }

    private List<String> names() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }
}
