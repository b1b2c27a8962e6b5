package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The {@code validate} step of every import: streams the file once, parses each row (every error of a
 * row is collected), finds rows repeated in the file, checks chunks of rows against the database and
 * writes the rejects file beside the input; for a kind that groups its rows, it also writes the good
 * rows sorted by group to a copy for {@code apply} ({@link GroupedRows}), and for a kind applied in
 * partitions, the good rows cut into partitions ({@link PartitionedRows}). It writes nothing to the
 * database; it leaves the file's fingerprint, its counts and the copy's path in the job execution
 * context for {@code apply}. Its exit code is
 * {@value ImportContext#REJECTED_EXIT} when nothing may be applied: a file-level problem, or a bad row
 * without {@code partial}.
 */
final class ValidateFileTasklet<R extends ImportRow> implements Tasklet {

    private final ImportKind<R> kind;
    private final int chunkSize;
    private final GroupedCopies copies;
    /** Partitions of apply: 1, or more for a kind applied in partitions. */
    private final int partitions;

    ValidateFileTasklet(ImportKind<R> kind, int chunkSize, GroupedCopies copies, int partitions) {
        this.kind = kind;
        this.chunkSize = chunkSize;
        this.copies = copies;
        this.partitions = partitions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobExecution().getJobParameters();
        Path file = Path.of(parameters.getString(ImportContext.FILE));
        boolean partial = Boolean.parseBoolean(parameters.getString(ImportContext.PARTIAL));
        FileFingerprint fingerprint = FileFingerprint.of(file);
        if (!fingerprint.sha256().equals(parameters.getString(ImportContext.SHA256))) {
            throw new IllegalStateException(file.getFileName() + " changed after the import was started; import it again");
        }
        // which rows were rejected (their lines, in order): the copy of the good rows depends on it
        MessageDigest verdicts = FileFingerprint.newDigest();
        long rows = 0;
        long rejected = 0;
        boolean fileProblem;
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        Path copy = null;
        try (RejectFile rejects = RejectFile.beside(file); CsvInput input = CsvInput.open(file, kind.requiredColumns());
             GroupedRows grouped = groupedCopy(input, step);
             PartitionedRows partitioned = partitionedCopy(input, step);
             CheckAhead<R> checking = new CheckAhead<>(kind.jobName())) {
            reservedColumns(input, grouped != null || partitioned != null);
            RowKeys seen = new RowKeys();
            List<RowKeys> seenAlso = kind.alsoUnique().stream().map(u -> new RowKeys()).toList();
            List<ParsedRow<R>> batch = new ArrayList<>(chunkSize);
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                rows++;
                R value = kind.parse(row);
                String key = kind.key(row);
                if (key != null && kind.rejectsRepeatedRows()) {
                    long first = seen.firstLineOf(key, row.line());
                    if (first >= 0) {
                        row.reject(kind.keyColumn(), kind.describeKey(row) + " is repeated in the file (first on line "
                                + first + ")");
                    }
                }
                for (int u = 0; u < seenAlso.size(); u++) {
                    ImportKind.UniqueCells unique = kind.alsoUnique().get(u);
                    String cells = unique.key().apply(row);
                    long first = cells == null ? -1 : seenAlso.get(u).firstLineOf(cells, row.line());
                    if (first >= 0) {
                        row.reject(unique.column(), unique.describe().apply(row) + " is already on line " + first
                                + " of the file");
                    }
                }
                batch.add(new ParsedRow<>(row, value));
                if (batch.size() == chunkSize) {
                    List<ParsedRow<R>> checked = checking.submit(batch, this::check);
                    batch = new ArrayList<>(chunkSize);
                    if (checked != null) {
                        rejected += write(checked, rejects, grouped, partitioned, verdicts);
                    }
                }
            }
            List<ParsedRow<R>> last = checking.submit(batch, this::check);
            if (last != null) {
                rejected += write(last, rejects, grouped, partitioned, verdicts);
            }
            for (List<ParsedRow<R>> checked = checking.oldest(); checked != null; checked = checking.oldest()) {
                rejected += write(checked, rejects, grouped, partitioned, verdicts);
            }
            List<RowError> problems = input.problems();
            fileProblem = !problems.isEmpty() || rows == 0;
            if (rows == 0 && problems.isEmpty()) {
                problems = List.of(new RowError(file.getFileName().toString(), 1, null, "the file has no rows"));
            }
            rejects.addAll(problems);
            rejected += problems.size();
            rejects.finish();
            if ((grouped != null || partitioned != null) && !fileProblem && (rejected == 0 || partial)) {
                if (grouped != null) {
                    grouped.finish();
                } else {
                    partitioned.finish();
                }
                copy = groupedCopyPath(step);
            }
        }
        contribution.incrementReadCount();
        if (copy != null) {
            job.putString(ImportContext.GROUPED_COPY, copy.toString());
            job.putString(ImportContext.GROUPED_VERDICTS, HexFormat.of().formatHex(verdicts.digest()));
        } else {
            job.remove(ImportContext.GROUPED_COPY);
            // a copy an earlier run made (under another fulfil.import.partitions, perhaps) is not read again
            Files.deleteIfExists(groupedCopyPath(step));
        }
        job.putInt(ImportContext.PARTITIONS, partitions);
        job.putString(ImportContext.VALIDATED_SHA256, fingerprint.sha256());
        job.putLong(ImportContext.VALIDATED_SIZE, fingerprint.size());
        job.putLong(ImportContext.ROWS, rows);
        job.putLong(ImportContext.REJECTED, rejected);
        if (fileProblem || (rejected > 0 && !partial)) {
            contribution.setExitStatus(new ExitStatus(ImportContext.REJECTED_EXIT, rejected + " row(s) rejected"
                    + (fileProblem ? " (the file as a whole)" : "") + "; nothing applied; see " + RejectFile.pathFor(file)));
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The grouped copy's own first columns cannot also be the file's: a file naming one is rejected as a
     * whole (line 1), since its copy could not be read back.
     */
    private void reservedColumns(CsvInput input, boolean copied) {
        if (!copied) {
            return;
        }
        for (String reserved : List.of(GroupedRows.GROUP, GroupedRows.LINE)) {
            if (input.header().contains(reserved)) {
                input.addProblem(new RowError(input.fileName(), 1, reserved, "the column name " + reserved
                        + " is reserved for the import's own use; rename or remove the column"));
            }
        }
    }

    /** For a kind that groups its rows, the sort that makes their grouped copy; else null. */
    private GroupedRows groupedCopy(CsvInput input, StepExecution step) {
        return kind.groupKey()
                .map(groupOf -> new GroupedRows(groupedCopyPath(step), input.header(), groupOf, GroupedRows.RUN_ROWS))
                .orElse(null);
    }

    /** For a kind applied in partitions (more than one), the cut that makes their copy; else null. */
    private PartitionedRows partitionedCopy(CsvInput input, StepExecution step) {
        return partitions > 1 ? new PartitionedRows(groupedCopyPath(step), input.header(), partitions) : null;
    }

    /** One copy per job instance: a restart validates again and writes it again, the same. */
    private Path groupedCopyPath(StepExecution step) {
        return copies.of(kind.jobName(), step.getJobExecution().getJobInstance().getInstanceId());
    }

    /**
     * Checks batches against the database on two threads of their own while the file is parsed and
     * the checked batches written, in file order, by the step's thread. Checking waits for the
     * database, parsing for nothing, so with the checks of two batches at once the work overlaps on two
     * cores and on the database's side too. Batches are independent (rows repeated across batches are
     * found while parsing), so they may be checked in any order; the rejects file, the copy and the
     * verdicts' digest are written by the step's thread alone, batch after batch in file order. The
     * checks' reads run outside the step's transaction, each in its own: they write nothing, and
     * {@code apply} judges every row again under its locks. At most {@value #AHEAD} batches wait or run.
     */
    static final class CheckAhead<R extends ImportRow> implements AutoCloseable {

        static final int AHEAD = 2;

        private final ExecutorService threads;
        private final ArrayDeque<Checked<R>> inFlight = new ArrayDeque<>();

        private record Checked<R extends ImportRow>(List<ParsedRow<R>> batch, Future<?> check) {
        }

        CheckAhead(String jobName) {
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newFixedThreadPool(AHEAD, task -> {
                Thread t = new Thread(task, jobName + "-validate-check-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        /**
         * Starts checking this batch; when {@value #AHEAD} are already in flight, first waits for the
         * oldest and returns it, checked, to be written; otherwise returns null.
         */
        List<ParsedRow<R>> submit(List<ParsedRow<R>> batch, Consumer<List<ParsedRow<R>>> check) {
            List<ParsedRow<R>> oldest = inFlight.size() >= AHEAD ? oldest() : null;
            inFlight.add(new Checked<>(batch, threads.submit(() -> check.accept(batch))));
            return oldest;
        }

        /** Waits for the oldest batch in flight and returns it, checked; null when none is. */
        List<ParsedRow<R>> oldest() {
            Checked<R> first = inFlight.poll();
            if (first == null) {
                return null;
            }
            try {
                first.check().get();
                return first.batch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking rows", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * Ends the threads. After a success every check has been waited for; after a failure the
         * checks still in flight are cancelled: their results would be written by nobody (the check
         * threads never touch the rejects file or the copy, so those close safely meanwhile).
         */
        @Override
        public void close() {
            inFlight.forEach(checked -> checked.check().cancel(true));
            inFlight.clear();
            threads.shutdownNow();
        }
    }

    /** Checks the good rows of a batch against the database (rejecting rows, giving partition keys). */
    private void check(List<ParsedRow<R>> batch) {
        List<ParsedRow<R>> readable = batch.stream().filter(p -> p.value() != null && !p.row().hasErrors()).toList();
        if (!readable.isEmpty()) {
            kind.check(readable);
        }
    }

    /**
     * Writes a checked batch: the bad rows to the rejects file in line order, the good ones to the
     * grouped or partitioned copy, if any; returns the bad rows.
     */
    private int write(List<ParsedRow<R>> batch, RejectFile rejects, GroupedRows grouped, PartitionedRows partitioned,
                      MessageDigest verdicts) {
        int rejected = 0;
        for (ParsedRow<R> parsed : batch) {
            if (parsed.row().hasErrors()) {
                rejects.addRow(parsed.row().errors());
                rejected++;
                verdicts.update(Long.toString(parsed.row().line()).getBytes(StandardCharsets.US_ASCII));
                verdicts.update((byte) ',');
            } else if (grouped != null) {
                grouped.add(parsed.row());
            } else if (partitioned != null) {
                if (parsed.partitionKey() == null) {
                    throw new IllegalStateException(kind.kind() + ": line " + parsed.row().line()
                            + " passed its check without a partition key");
                }
                partitioned.add(parsed.row(), parsed.partitionKey());
            }
        }
        return rejected;
    }
}
