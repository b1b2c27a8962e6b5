package io.fulfil.support.csv;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one CSV file the way every file of this project is written: UTF-8 with a BOM (so Excel shows
 * Chinese text), CRLF line ends, quotes only where needed, and every cell
 * {@linkplain CsvCells#neutralise neutralised} against formula injection.
 *
 * <p>The file appears whole or not at all: rows go to a hidden {@code .<name>.….part} file beside the
 * target, and {@link #commit()} renames it onto the target (replacing an older file). Closing without
 * committing deletes the partial file, so a failure leaves the old file, if any, in place.
 */
public final class CsvOutput implements Closeable {

    private static final long PROCESS = ProcessHandle.current().pid();
    private static final AtomicLong WRITERS = new AtomicLong();

    private final Path target;
    private final Path partial;
    private final ICSVWriter writer;
    private boolean committed;

    private CsvOutput(Path target, Path partial, ICSVWriter writer) {
        this.target = target;
        this.partial = partial;
        this.writer = writer;
    }

    /**
     * Starts writing {@code target} (its directory must exist) with the given header row. The hidden
     * part file is this writer's own ({@code .<name>.<process>-<n>.part}): two writers of one target at
     * once, in one process or two (a schedule and an operator writing the same report), each write a
     * whole file, and the last to commit is the one in place, instead of both writing into one part file.
     */
    public static CsvOutput create(Path target, String... header) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + PROCESS + "-"
                + WRITERS.incrementAndGet() + ".part");
        var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        ICSVWriter writer = new CSVWriterBuilder(out).withLineEnd("\r\n").build();
        CsvOutput output = new CsvOutput(target, partial, writer);
        output.row(header);
        return output;
    }

    public Path target() {
        return target;
    }

    /** Writes one row; cells are neutralised, nulls written as empty cells. */
    public void row(String... cells) {
        String[] safe = Arrays.stream(cells).map(cell -> cell == null ? "" : CsvCells.neutralise(cell))
                .toArray(String[]::new);
        writer.writeNext(safe, false);
    }

    /** Finishes the file and puts it in place of the target. */
    public void commit() throws IOException {
        writer.flush();
        if (writer.checkError()) {
            throw new IOException("could not write " + partial);
        }
        writer.close();
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Abandons the file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(partial);
        }
    }
}
