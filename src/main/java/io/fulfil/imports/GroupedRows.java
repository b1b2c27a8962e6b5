package io.fulfil.imports;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import io.fulfil.support.csv.CsvRow;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A copy of an import file's good rows ordered by a group key (a carrier event's parcel), each with its
 * line in the original file, for the {@code apply} step of a kind that {@link ImportKind#groupKey groups
 * its rows}: the rows of one group then lie together, in one chunk where they fit, so what a group
 * changes (a parcel's status, its order's roll-up) is looked up, locked and written once per file rather
 * than once per row. Carriers send a parcel's scans hours apart, so in the file as sent each chunk holds
 * one scan of a thousand parcels.
 *
 * <p>An external merge sort, so memory stays flat whatever the file's size: rows are held
 * {@code runRows} at a time, sorted by (group, line) and written to a run file beside the copy; the runs
 * are then merged into the copy, written aside and renamed. The order is total and depends only on the
 * rows, so the copy made again by a restarted validation that rejected the same rows is the same, and
 * {@code apply} resumes after the last (group, line) it committed (see {@link ImportFileReader}). Cells
 * are copied as read: a neutralised cell keeps its leading quote, which the reader takes off as from the
 * original.
 */
final class GroupedRows implements Closeable {

    /** The copy's first columns: the group key, and the row's line in the original file. */
    static final String GROUP = "__group";
    static final String LINE = "__line";

    /** Rows held in memory before a run is written: about 25 MB for carrier events. */
    static final int RUN_ROWS = 50_000;

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::group).thenComparingLong(Row::line);

    private final Path copy;
    private final List<String> header;
    private final Function<CsvRow, String> groupOf;
    private final int runRows;
    private final List<Row> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long rows;

    private record Row(String group, long line, String[] cells) {
    }

    GroupedRows(Path copy, List<String> header, Function<CsvRow, String> groupOf, int runRows) {
        this.copy = copy;
        this.header = List.copyOf(header);
        this.groupOf = groupOf;
        this.runRows = runRows;
    }

    /** Adds a good row of the original file under its group. */
    void add(CsvRow row) {
        held.add(new Row(groupOf.apply(row), row.line(), row.cells()));
        rows++;
        if (held.size() >= runRows) {
            writeRun();
        }
    }

    /** Writes the copy (the runs merged) and deletes the runs; returns the rows in it. */
    long finish() {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        try {
            if (runs.isEmpty()) {
                held.sort(ORDER);
                try (ICSVWriter out = writer(partial)) {
                    out.writeNext(headerRow(), false);
                    for (Row row : held) {
                        out.writeNext(cellsOf(row), false);
                    }
                }
            } else {
                if (!held.isEmpty()) {
                    writeRun();
                }
                merge(partial);
            }
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + copy + ": " + e.getMessage(), e);
        } finally {
            held.clear();
            deleteRuns();
            deleteQuietly(partial);
        }
        return rows;
    }

    /** Deletes what an unfinished sort left (its runs); the copy, once finished, is the reader's. */
    @Override
    public void close() {
        held.clear();
        deleteRuns();
    }

    private void writeRun() {
        held.sort(ORDER);
        Path run = copy.resolveSibling(copy.getFileName() + ".run" + runs.size());
        runs.add(run);
        try (ICSVWriter out = writer(run)) {
            for (Row row : held) {
                out.writeNext(cellsOf(row), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run + ": " + e.getMessage(), e);
        }
        held.clear();
    }

    private void merge(Path target) throws IOException {
        List<RunReader> readers = new ArrayList<>();
        PriorityQueue<RunReader> next = new PriorityQueue<>(Comparator.comparing(RunReader::head, ORDER));
        try (ICSVWriter out = writer(target)) {
            for (Path run : runs) {
                RunReader reader = new RunReader(run);
                readers.add(reader);
                if (reader.advance()) {
                    next.add(reader);
                }
            }
            out.writeNext(headerRow(), false);
            while (!next.isEmpty()) {
                RunReader reader = next.poll();
                out.writeNext(cellsOf(reader.head()), false);
                if (reader.advance()) {
                    next.add(reader);
                }
            }
        } finally {
            for (RunReader reader : readers) {
                reader.close();
            }
        }
    }

    private String[] headerRow() {
        return copyHeader(header);
    }

    private static String[] cellsOf(Row row) {
        return copyRow(row.group(), row.line(), row.cells());
    }

    /** A copy's header: the group and line columns, then the file's own (also {@link PartitionedRows}'). */
    static String[] copyHeader(List<String> header) {
        List<String> names = new ArrayList<>(header.size() + 2);
        names.add(GROUP);
        names.add(LINE);
        names.addAll(header);
        return names.toArray(String[]::new);
    }

    /** A copy's row: its group and line in the original file, then its cells as read. */
    static String[] copyRow(String group, long line, String[] cells) {
        String[] row = new String[cells.length + 2];
        row[0] = group;
        row[1] = Long.toString(line);
        System.arraycopy(cells, 0, row, 2, cells.length);
        return row;
    }

    private static ICSVWriter writer(Path file) throws IOException {
        BufferedWriter text = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVWriterBuilder(text).withLineEnd("\n").build();
    }

    private void deleteRuns() {
        runs.forEach(GroupedRows::deleteQuietly);
        runs.clear();
    }

    /** A run or a half-written copy left behind is only disk space: purge-history takes it later. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // see above
        }
    }

    /** One run file, read a row at a time. */
    private static final class RunReader implements Closeable {
        private final Path file;
        private final CSVReader reader;
        private Row head;

        RunReader(Path file) throws IOException {
            this.file = file;
            BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.reader = new CSVReaderBuilder(text).withCSVParser(new RFC4180ParserBuilder().build()).build();
        }

        Row head() {
            return head;
        }

        boolean advance() throws IOException {
            String[] cells;
            try {
                cells = reader.readNext();
            } catch (CsvValidationException e) {
                throw new IOException("cannot read back " + file + ": " + e.getMessage(), e);
            }
            if (cells == null) {
                head = null;
                return false;
            }
            String[] original = new String[cells.length - 2];
            System.arraycopy(cells, 2, original, 0, original.length);
            head = new Row(cells[0], Long.parseLong(cells[1]), original);
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
