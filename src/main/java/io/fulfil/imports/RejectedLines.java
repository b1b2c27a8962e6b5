package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The line numbers in a rejects file, streamed in ascending order (validate writes them so): the
 * apply step of a partial import skips those lines without holding them in memory.
 */
final class RejectedLines implements Closeable {

    private final CsvInput input;
    private long next = -1;

    private RejectedLines(CsvInput input) {
        this.input = input;
        advance();
    }

    static RejectedLines of(Path rejectsFile) throws IOException {
        return new RejectedLines(Files.exists(rejectsFile) ? CsvInput.open(rejectsFile, List.of("line")) : null);
    }

    /** No line is rejected. */
    static RejectedLines none() {
        return new RejectedLines(null);
    }

    /** Whether {@code line} is rejected; lines must be asked in ascending order. */
    boolean contains(long line) {
        while (next >= 0 && next < line) {
            advance();
        }
        return next == line;
    }

    private void advance() {
        CsvRow row = input == null ? null : input.next();
        next = row == null ? -1 : Long.parseLong(row.cell("line"));
    }

    @Override
    public void close() throws IOException {
        if (input != null) {
            input.close();
        }
    }
}
