package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The {@code apply} step's reader: streams the file again and returns its good rows. It first makes
 * sure the file is the one {@code validate} read (same SHA-256 and size, else one line and nothing is
 * applied); a partial import skips the lines of the rejects file. Its position (rows of the file read)
 * is saved at every chunk commit, so a restarted step continues after the last committed chunk.
 *
 * <p>For a kind that {@link ImportKind#groupKey() groups its rows} it streams instead the grouped
 * copy that {@code validate} made of the good rows ({@link GroupedRows}); rows keep their line in the
 * file. Its position is then the group and line of the last row read, and a restarted step continues
 * after it in the copy made again by the restarted validation, when that rejected the same rows; when
 * it rejected others (rows may pass now that failed before: a time no longer in the future), one
 * before the position may be new, so the step reads the copy from its start and the rows applied
 * before change nothing. The copy is deleted once read to the end.
 *
 * <p>In a partition of a kind applied in partitions, it reads the copy validate cut into partitions
 * ({@link PartitionedRows}) and returns only its own partition's rows, resuming the same way; the copy
 * is then the job's to delete (the other partitions may still be reading it).
 */
public class ImportFileReader<R extends ImportRow> implements ItemStreamReader<R> {

    private static final Logger log = LoggerFactory.getLogger(ImportFileReader.class);

    private final ImportKind<R> kind;
    private final Path file;
    private final boolean partial;
    private final ExecutionContext jobContext;
    private final ImportChunkHook hook;
    private CsvInput input;
    private RejectedLines rejected;
    private long position;
    /** The grouped copy being read, or null when reading the file itself. */
    private Path copy;
    private String lastGroup = "";
    private long lastLine = -1;
    private boolean ended;
    /** The digest of the rows validation rejected, which fixes the rows in the copy. */
    private String verdicts = "";
    private final PushBack peekable = new PushBack();
    /** This partition's label in the copy, or null when one reader reads every row. */
    private final String partition;
    private final int partitions;

    ImportFileReader(ImportKind<R> kind, Path file, boolean partial, ExecutionContext jobContext, ImportChunkHook hook) {
        this(kind, file, partial, jobContext, hook, -1, 1);
    }

    /** The reader of partition {@code partition} (from 0) of {@code partitions}; -1 and 1: every row. */
    ImportFileReader(ImportKind<R> kind, Path file, boolean partial, ExecutionContext jobContext, ImportChunkHook hook,
                     int partition, int partitions) {
        this.partition = partition < 0 ? null : PartitionedRows.label(partition);
        this.partitions = partitions;
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
        String grouped = jobContext.getString(ImportContext.GROUPED_COPY, null);
        copy = grouped == null ? null : Path.of(grouped);
        if (partition != null) {
            int cut = jobContext.getInt(ImportContext.PARTITIONS, 1);
            if (cut != partitions || copy == null) {
                throw new ItemStreamException(file.getFileName() + " was validated for " + cut + " partition(s) of apply,"
                        + " but its apply was started in " + partitions + " (fulfil.import.partitions changed since the"
                        + " first run?); nothing applied: restart it with fulfil.import.partitions=" + partitions);
            }
        }
        try {
            if (copy != null) {
                input = CsvInput.openCopy(copy, file.getFileName().toString(), kind.requiredColumns(), GroupedRows.LINE);
                rejected = RejectedLines.none();
            } else {
                input = CsvInput.open(file, kind.requiredColumns());
                rejected = partial ? RejectedLines.of(RejectFile.pathFor(file)) : RejectedLines.none();
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot read " + (copy != null ? copy : file) + ": " + e.getMessage(), e);
        }
        if (copy != null) {
            verdicts = jobContext.getString(ImportContext.GROUPED_VERDICTS, "");
            String group = context.getString(ImportContext.LAST_GROUP, null);
            if (group != null && verdicts.equals(context.getString(ImportContext.LAST_VERDICTS, ""))) {
                skipToAfter(group, context.getLong(ImportContext.LAST_LINE, -1));
            } else if (group != null) {
                // validation now lets other rows through (a time no longer in the future): a row before
                // the point reached may be new, so read the copy from its start; rows applied before
                // are unchanged the second time (applied by their natural key)
                log.info("{}: the rows rejected differ from the run being restarted; reading every row again",
                        file.getFileName());
            }
            return;
        }
        long skip = context.getLong(ImportContext.POSITION, 0);
        while (position < skip && input.next() != null) {
            position++;
        }
    }

    /** Skips the rows of the grouped copy up to and including (group, line), read before a restart. */
    private void skipToAfter(String group, long line) {
        lastGroup = group;
        lastLine = line;
        while (true) {
            CsvRow row = peekable.next(input);
            if (row == null) {
                return;
            }
            int byGroup = row.raw(GroupedRows.GROUP).compareTo(group);
            if (byGroup > 0 || (byGroup == 0 && row.line() > line)) {
                peekable.pushBack(row);
                return;
            }
            position++;
        }
    }

    @Override
    public R read() {
        for (CsvRow row = peekable.next(input); row != null; row = peekable.next(input)) {
            if (partition != null) {
                int byPartition = row.raw(GroupedRows.GROUP).compareTo(partition);
                if (byPartition < 0) {
                    continue; // an earlier partition's row
                }
                if (byPartition > 0) {
                    break; // this partition's rows are done
                }
            }
            position++;
            if (copy != null) {
                lastGroup = row.raw(GroupedRows.GROUP);
                lastLine = row.line();
            }
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
        ended = true;
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ImportContext.POSITION, position);
        if (copy != null && lastLine >= 0) {
            context.putString(ImportContext.LAST_GROUP, lastGroup);
            context.putLong(ImportContext.LAST_LINE, lastLine);
            context.putString(ImportContext.LAST_VERDICTS, verdicts);
        }
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
            if (copy != null && ended && partition == null) {
                // read to the end, and so applied: a restart of a later step validates afresh anyway
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new ItemStreamException(e);
        }
    }

    /** Reads the input's rows, with one row put back after a look ahead. */
    private static final class PushBack {
        private CsvRow back;

        CsvRow next(CsvInput input) {
            CsvRow row = back != null ? back : input.next();
            back = null;
            return row;
        }

        void pushBack(CsvRow row) {
            back = row;
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
