package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The {@code apply} step's reader: streams the file again and returns its good rows. It first makes
 * sure the file is the one {@code validate} read (same SHA-256 and size, else one line and nothing is
 * applied); a partial import skips the lines of the rejects file. Its position (rows of the file read)
 * is saved at every chunk commit, so a restarted step continues after the last committed chunk.
 */
public class ImportFileReader<R extends ImportRow> implements ItemStreamReader<R> {

    private final ImportKind<R> kind;
    private final Path file;
    private final boolean partial;
    private final ExecutionContext jobContext;
    private final ImportChunkHook hook;
    private CsvInput input;
    private RejectedLines rejected;
    private long position;

    ImportFileReader(ImportKind<R> kind, Path file, boolean partial, ExecutionContext jobContext, ImportChunkHook hook) {
        this.hook = hook;
        this.kind = kind;
        this.file = file;
        this.partial = partial;
        this.jobContext = jobContext;
    }

    @Override
    public void open(ExecutionContext context) {
        hook.applyStarting(kind.jobName());
        FileFingerprint validated = new FileFingerprint(jobContext.getString(ImportContext.VALIDATED_SHA256, ""),
                jobContext.getLong(ImportContext.VALIDATED_SIZE, -1));
        FileFingerprint now = FileFingerprint.of(file);
        if (!now.equals(validated)) {
            throw new ItemStreamException(file.getFileName() + " changed since it was validated (SHA-256 "
                    + abbreviate(validated.sha256()) + ", now " + abbreviate(now.sha256()) + "); nothing applied,"
                    + " import it again");
        }
        try {
            input = CsvInput.open(file, kind.requiredColumns());
            rejected = partial ? RejectedLines.of(RejectFile.pathFor(file)) : RejectedLines.none();
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + file + ": " + e.getMessage(), e);
        }
        long skip = context.getLong(ImportContext.POSITION, 0);
        while (position < skip && input.next() != null) {
            position++;
        }
    }

    @Override
    public R read() {
        for (CsvRow row = input.next(); row != null; row = input.next()) {
            position++;
            if (rejected.contains(row.line())) {
                continue;
            }
            R value = kind.parse(row);
            if (value == null) {
                throw new IllegalStateException(file.getFileName() + ":" + row.line() + " changed since it was"
                        + " validated: " + row.errors().get(0).reason() + "; import the file again");
            }
            return value;
        }
        if (!input.problems().isEmpty()) {
            throw new IllegalStateException(input.problems().get(0) + " (the file changed since it was validated)");
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ImportContext.POSITION, position);
    }

    @Override
    public void close() {
        try {
            if (input != null) {
                input.close();
            }
            if (rejected != null) {
                rejected.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException(e);
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
