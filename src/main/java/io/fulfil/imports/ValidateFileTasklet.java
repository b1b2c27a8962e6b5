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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
             PartitionedRows partitioned = partitionedCopy(input, step)) {
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
                    rejected += check(batch, rejects, grouped, partitioned, verdicts);
                }
            }
            rejected += check(batch, rejects, grouped, partitioned, verdicts);
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
     * Checks the good rows of a batch against the database, then writes the bad ones in line order;
     * the good ones go to the grouped or partitioned copy, if any.
     */
    private int check(List<ParsedRow<R>> batch, RejectFile rejects, GroupedRows grouped, PartitionedRows partitioned,
                      MessageDigest verdicts) {
        List<ParsedRow<R>> readable = batch.stream().filter(p -> p.value() != null && !p.row().hasErrors()).toList();
        if (!readable.isEmpty()) {
            kind.check(readable);
        }
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
        batch.clear();
        return rejected;
    }
}
