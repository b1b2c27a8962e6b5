package io.fulfil.imports;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.fulfil.support.csv.CsvRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A copy of an import file's good rows cut into partitions, for the {@code apply} step of a kind applied
 * by several workers at once ({@link ImportKind#partitioned()}): the rows of partition 0 in file order,
 * then those of partition 1, and so on, each with its partition as its group and its line in the
 * original file. It has the layout of a {@link GroupedRows grouped copy} (the same first two columns,
 * rows in (group, line) order), so {@link ImportFileReader} reads and resumes in it the same way; a
 * worker reads only its own partition's rows.
 *
 * <p>Nothing is sorted: each partition's rows go to a file of their own as validation passes them, in
 * file order, and {@link #finish} joins the files into the copy, written aside and renamed. Memory stays
 * flat whatever the file's size. The cut depends only on the rows' partition keys and the number of
 * partitions, so a restarted validation that rejects the same rows writes the same copy.
 */
final class PartitionedRows implements Closeable {

    /** At most this many partitions: a label is three digits, so labels sort as numbers. */
    static final int MAX_PARTITIONS = 64;

    /** Each partition's label in the copy's group column: its number in three digits. */
    private static final String[] LABELS = IntStream.range(0, MAX_PARTITIONS)
            .mapToObj(p -> String.format(Locale.ROOT, "%03d", p)).toArray(String[]::new);

    private final Path copy;
    private final List<String> header;
    private final int partitions;
    private final List<Path> parts = new ArrayList<>();
    private final List<ICSVWriter> writers = new ArrayList<>();
    private long rows;

    PartitionedRows(Path copy, List<String> header, int partitions) {
        if (partitions < 2 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be between 2 and " + MAX_PARTITIONS + ", not " + partitions);
        }
        this.copy = copy;
        this.header = List.copyOf(header);
        this.partitions = partitions;
    }

    /** A partition's label: its number in three digits. */
    static String label(int partition) {
        return LABELS[partition];
    }

    /** Adds a good row of the original file to the partition of its key. */
    void add(CsvRow row, String partitionKey) {
        int partition = Math.floorMod(partitionKey.hashCode(), partitions);
        writer(partition).writeNext(GroupedRows.copyRow(label(partition), row.line(), row.cells()), false);
        rows++;
    }

    /** Writes the copy (the partitions joined in order) and deletes the parts; returns the rows in it. */
    long finish() {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        try {
            closeWriters();
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(headerLine().getBytes(StandardCharsets.UTF_8));
                for (Path part : parts) {
                    if (part == null) {
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(part)) {
                        in.transferTo(out);
                    }
                }
            }
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + copy + ": " + e.getMessage(), e);
        } finally {
            deleteParts();
            deleteQuietly(partial);
        }
        return rows;
    }

    /** Deletes what an unfinished copy left (its parts); the copy, once finished, is the readers'. */
    @Override
    public void close() {
        try {
            closeWriters();
        } catch (IOException e) {
            // only disk space: the parts are deleted below or by purge-history
        }
        deleteParts();
    }

    private ICSVWriter writer(int partition) {
        while (writers.size() <= partition) {
            writers.add(null);
            parts.add(null);
        }
        ICSVWriter writer = writers.get(partition);
        if (writer == null) {
            Path part = copy.resolveSibling(copy.getFileName() + ".part" + partition);
            try {
                BufferedWriter text = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                writer = new CSVWriterBuilder(text).withLineEnd("\n").build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
            }
            writers.set(partition, writer);
            parts.set(partition, part);
        }
        return writer;
    }

    private String headerLine() throws IOException {
        StringWriter text = new StringWriter();
        try (ICSVWriter out = new CSVWriterBuilder(text).withLineEnd("\n").build()) {
            out.writeNext(GroupedRows.copyHeader(header), false);
        }
        return text.toString();
    }

    private void closeWriters() throws IOException {
        IOException failed = null;
        for (int i = 0; i < writers.size(); i++) {
            ICSVWriter writer = writers.get(i);
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failed = e;
                }
                writers.set(i, null);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void deleteParts() {
        parts.forEach(part -> {
            if (part != null) {
                deleteQuietly(part);
            }
        });
        parts.clear();
        writers.clear();
    }

    /** A part or a half-written copy left behind is only disk space: purge-history takes it later. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // see above
        }
    }
}
