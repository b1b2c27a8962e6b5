package io.fulfil.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The apply step's reader over a grouped copy ({@link GroupedRows}): rows in group order with their
 * lines, a restart resuming after the last (group, line) read, or reading every row again when the
 * restarted validation let other rows through, and the copy deleted once read to the end.
 */
class GroupedApplyReaderTests {

    @TempDir
    Path dir;

    record Scan(long line, String parcel, String code) implements ImportRow {
    }

    /** A kind grouping scans by parcel; {@code bad} lines are rejected by validation. */
    static final class Scans implements ImportKind<Scan> {
        final Set<Long> bad;

        Scans(Set<Long> bad) {
            this.bad = bad;
        }

        @Override public String kind() { return "scans"; }
        @Override public List<String> requiredColumns() { return List.of("parcel", "code"); }
        @Override public String key(CsvRow row) { return row.cell("parcel") + " " + row.cell("code"); }
        @Override public String keyColumn() { return "code"; }
        @Override public String describeKey(CsvRow row) { return key(row); }
        @Override public Optional<Function<CsvRow, String>> groupKey() { return Optional.of(row -> row.cell("parcel")); }

        @Override
        public Scan parse(CsvRow row) {
            return new Scan(row.line(), row.cell("parcel"), row.cell("code"));
        }

        @Override
        public void check(List<ParsedRow<Scan>> rows) {
            rows.stream().filter(r -> bad.contains(r.row().line())).forEach(r -> r.row().reject("code", "bad"));
        }

        @Override
        public List<List<RowError>> apply(List<Scan> rows, String fileName, long jobExecutionId) {
            return List.of();
        }

        @Override
        public Map<String, Long> outcome(List<Long> jobExecutionIds) {
            return Map.of();
        }
    }

    @Test
    void aRestartResumesAfterTheLastGroupAndLineReadWhenValidationRejectsTheSameRows() throws IOException {
        Path file = scans();
        Scans kind = new Scans(Set.of(6L));
        ExecutionContext job = validated(file, copy(file, kind), "rejected 6");
        ExecutionContext step = new ExecutionContext();

        List<String> read = read(kind, file, job, step, 4);

        // P1 at lines 3, 6 (rejected), 9, then P2 at 2, 5, 8: grouped, each group in line order
        assertThat(read).containsExactly("P13", "P19", "P22", "P25");
        assertThat(dir.resolve("copy.csv")).as("not read to the end: kept for the restart").exists();

        copy(file, kind);
        List<String> rest = read(kind, file, job, step, Integer.MAX_VALUE);

        assertThat(rest).as("after (P2, 5): nothing read twice, nothing skipped").containsExactly("P28", "P34", "P37");
        assertThat(dir.resolve("copy.csv")).as("read to the end: deleted").doesNotExist();
    }

    @Test
    void aRestartWhoseValidationLetsOtherRowsThroughReadsEveryRowAgain() throws IOException {
        Path file = scans();
        ExecutionContext step = new ExecutionContext();
        read(new Scans(Set.of(6L)), file, validated(file, copy(file, new Scans(Set.of(6L))), "rejected 6"), step, 4);

        // the restart validates again: line 6 is good now (say its time is no longer in the future); it
        // lies before the point reached, so resuming there would never apply it
        Scans now = new Scans(Set.of());
        ExecutionContext again = validated(file, copy(file, now), "rejected none");
        List<String> rest = read(now, file, again, step, Integer.MAX_VALUE);

        assertThat(rest).as("every row again, line 6 among them; those applied before change nothing")
                .containsExactly("P13", "P16", "P19", "P22", "P25", "P28", "P34", "P37");
    }

    /** Lines 2..9: parcels interleaved as carriers send them. */
    private Path scans() throws IOException {
        Path file = dir.resolve("scans.csv");
        Files.writeString(file, "parcel,code\nP2,a\nP1,a\nP3,a\nP2,b\nP1,b\nP3,b\nP2,c\nP1,c\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Opens a reader as a (re)started step does, reads up to {@code rows} rows, saves its state, closes. */
    private static List<String> read(Scans kind, Path file, ExecutionContext job, ExecutionContext step, int rows) {
        ImportFileReader<Scan> reader = new ImportFileReader<>(kind, file, true, job, ImportChunkHook.NONE);
        reader.open(step);
        List<String> read = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Scan s = reader.read();
            if (s == null) {
                break;
            }
            read.add(s.parcel() + s.line());
        }
        reader.update(step);
        reader.close();
        return read;
    }

    /** Writes the grouped copy of the good rows, as validation does. */
    private Path copy(Path file, Scans kind) throws IOException {
        Path copy = dir.resolve("copy.csv");
        try (CsvInput input = CsvInput.open(file, kind.requiredColumns());
             GroupedRows grouped = new GroupedRows(copy, input.header(), kind.groupKey().orElseThrow(), 3)) {
            List<ParsedRow<Scan>> rows = new ArrayList<>();
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                rows.add(new ParsedRow<>(row, kind.parse(row)));
            }
            kind.check(rows);
            rows.stream().filter(r -> !r.row().hasErrors()).forEach(r -> grouped.add(r.row()));
            grouped.finish();
        }
        return copy;
    }

    private static ExecutionContext validated(Path file, Path copy, String verdicts) {
        FileFingerprint fingerprint = FileFingerprint.of(file);
        ExecutionContext job = new ExecutionContext();
        job.putString(ImportContext.VALIDATED_SHA256, fingerprint.sha256());
        job.putLong(ImportContext.VALIDATED_SIZE, fingerprint.size());
        job.putString(ImportContext.GROUPED_COPY, copy.toString());
        job.putString(ImportContext.GROUPED_VERDICTS, verdicts);
        return job;
    }
}
