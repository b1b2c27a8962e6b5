package io.fulfil.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * A file's good rows cut into partitions ({@link PartitionedRows}) and read back by the reader of each
 * partition: its own rows only, in file order, each row in exactly one partition, rows of one key in
 * one partition; a restarted partition resumes after its last row; a copy cut for another number of
 * partitions is refused, and nothing is deleted while other partitions may still read.
 */
class PartitionedApplyReaderTests {

    @TempDir
    Path dir;

    record Parcel(long line, String order, String parcel) implements ImportRow {
    }

    /** A kind partitioned by order, as manifests are by parent; {@code bad} lines are rejected by its check. */
    static final class Parcels implements ImportKind<Parcel> {
        final Set<Long> bad;

        Parcels(Set<Long> bad) {
            this.bad = bad;
        }

        @Override public String kind() { return "parcels"; }
        @Override public List<String> requiredColumns() { return List.of("order", "parcel"); }
        @Override public String key(CsvRow row) { return row.cell("parcel"); }
        @Override public String keyColumn() { return "parcel"; }
        @Override public String describeKey(CsvRow row) { return key(row); }
        @Override public boolean partitioned() { return true; }

        @Override
        public Parcel parse(CsvRow row) {
            return new Parcel(row.line(), row.cell("order"), row.cell("parcel"));
        }

        @Override
        public void check(List<ParsedRow<Parcel>> rows) {
            for (ParsedRow<Parcel> r : rows) {
                if (bad.contains(r.row().line())) {
                    r.row().reject("parcel", "bad");
                } else {
                    r.partitionKey(r.value().order());
                }
            }
        }

        @Override
        public List<List<RowError>> apply(List<Parcel> rows, String fileName, long jobExecutionId) {
            return List.of();
        }

        @Override
        public Map<String, Long> outcome(List<Long> jobExecutionIds) {
            return Map.of();
        }
    }

    @Test
    void everyGoodRowIsInExactlyOnePartitionInFileOrderWithTheRowsOfItsKey() throws IOException {
        Path file = parcels(40);
        Parcels kind = new Parcels(Set.of(7L, 20L));
        ExecutionContext job = validated(file, copy(file, kind, 3), 3);

        List<List<Parcel>> partitions = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            partitions.add(read(kind, file, job, new ExecutionContext(), p, 3, Integer.MAX_VALUE));
        }

        List<Long> lines = partitions.stream().flatMap(List::stream).map(Parcel::line).sorted().toList();
        assertThat(lines).as("every good line once, the rejected ones in none")
                .isEqualTo(Stream.iterate(2L, l -> l + 1).limit(40).filter(l -> l != 7 && l != 20).toList());
        for (List<Parcel> partition : partitions) {
            assertThat(partition).as("a partition of 38 rows over 3").isNotEmpty();
            assertThat(partition).extracting(Parcel::line).as("file order").isSorted();
            for (List<Parcel> other : partitions) {
                if (other != partition) {
                    assertThat(other).extracting(Parcel::order).as("an order's rows in one partition")
                            .doesNotContainAnyElementsOf(partition.stream().map(Parcel::order).toList());
                }
            }
        }
        assertThat(dir.resolve("copy.csv")).as("kept for the other partitions; the job deletes it").exists();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no part files left")
                    .containsExactlyInAnyOrder("parcels.csv", "copy.csv");
        }
    }

    @Test
    void aRestartedPartitionResumesAfterItsLastRowAndTheCopyIsCutTheSameAgain() throws IOException {
        Path file = parcels(40);
        Parcels kind = new Parcels(Set.of());
        ExecutionContext job = validated(file, copy(file, kind, 2), 2);
        List<Parcel> whole = read(kind, file, job, new ExecutionContext(), 1, 2, Integer.MAX_VALUE);
        String before = Files.readString(dir.resolve("copy.csv"));

        ExecutionContext step = new ExecutionContext();
        List<Parcel> first = read(kind, file, job, step, 1, 2, 5);
        copy(file, kind, 2); // the restart validates again
        List<Parcel> rest = read(kind, file, job, step, 1, 2, Integer.MAX_VALUE);

        assertThat(Files.readString(dir.resolve("copy.csv"))).as("the same cut").isEqualTo(before);
        List<Parcel> both = new ArrayList<>(first);
        both.addAll(rest);
        assertThat(first).hasSize(5);
        assertThat(both).as("nothing read twice, nothing skipped").isEqualTo(whole);
    }

    @Test
    void aCopyCutForAnotherNumberOfPartitionsIsRefusedNamingTheSetting() throws IOException {
        Path file = parcels(10);
        Parcels kind = new Parcels(Set.of());
        ExecutionContext job = validated(file, copy(file, kind, 3), 3);

        ImportFileReader<Parcel> reader = new ImportFileReader<>(kind, file, false, job, ImportChunkHook.NONE, 0, 2);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("validated for 3 partition(s)").hasMessageContaining("fulfil.import.partitions=2")
                .hasMessageContaining("nothing applied");
    }

    /** Lines 2..n+1: parcel Pn of order O(n mod 7), orders interleaved as a warehouse sends them. */
    private Path parcels(int n) throws IOException {
        StringBuilder text = new StringBuilder("order,parcel\n");
        for (int i = 0; i < n; i++) {
            text.append("O").append(i % 7).append(",P").append(i).append('\n');
        }
        Path file = dir.resolve("parcels.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Opens partition {@code p}'s reader as a (re)started step does, reads up to {@code rows}, saves, closes. */
    private static List<Parcel> read(Parcels kind, Path file, ExecutionContext job, ExecutionContext step, int p,
                                     int partitions, int rows) {
        ImportFileReader<Parcel> reader = new ImportFileReader<>(kind, file, false, job, ImportChunkHook.NONE, p,
                partitions);
        reader.open(step);
        List<Parcel> read = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Parcel parcel = reader.read();
            if (parcel == null) {
                break;
            }
            read.add(parcel);
        }
        reader.update(step);
        reader.close();
        return read;
    }

    /** Cuts the good rows into partitions, as validation does. */
    private Path copy(Path file, Parcels kind, int partitions) throws IOException {
        Path copy = dir.resolve("copy.csv");
        try (CsvInput input = CsvInput.open(file, kind.requiredColumns());
             PartitionedRows cut = new PartitionedRows(copy, input.header(), partitions)) {
            List<ParsedRow<Parcel>> rows = new ArrayList<>();
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                rows.add(new ParsedRow<>(row, kind.parse(row)));
            }
            kind.check(rows);
            rows.stream().filter(r -> !r.row().hasErrors()).forEach(r -> cut.add(r.row(), r.partitionKey()));
            cut.finish();
        }
        return copy;
    }

    private static ExecutionContext validated(Path file, Path copy, int partitions) {
        FileFingerprint fingerprint = FileFingerprint.of(file);
        ExecutionContext job = new ExecutionContext();
        job.putString(ImportContext.VALIDATED_SHA256, fingerprint.sha256());
        job.putLong(ImportContext.VALIDATED_SIZE, fingerprint.size());
        job.putString(ImportContext.GROUPED_COPY, copy.toString());
        job.putString(ImportContext.GROUPED_VERDICTS, "");
        job.putInt(ImportContext.PARTITIONS, partitions);
        return job;
    }
}
