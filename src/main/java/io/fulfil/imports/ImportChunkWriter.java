package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The {@code apply} step's writer: hands each chunk to its kind, which locks, re-checks and applies it
 * in the chunk's transaction. A row that passed validation but fails under lock (someone changed the
 * rows in between) fails the chunk, and with it the job, unless the import is partial: then the row
 * is rejected and added to the rejects file when the step ends.
 */
public class ImportChunkWriter<R extends ImportRow> implements ItemWriter<R>, StepExecutionListener {

    private final ImportKind<R> kind;
    private final Path file;
    private final boolean partial;
    private final long jobExecutionId;
    private final ImportChunkHook hook;
    private final List<List<RowError>> lateRejects = new ArrayList<>();
    private StepExecution stepExecution;

    ImportChunkWriter(ImportKind<R> kind, Path file, boolean partial, long jobExecutionId, ImportChunkHook hook) {
        this.kind = kind;
        this.file = file;
        this.partial = partial;
        this.jobExecutionId = jobExecutionId;
        this.hook = hook;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends R> chunk) {
        List<R> rows = new ArrayList<>(chunk.getItems());
        List<List<RowError>> rejected = kind.apply(rows, file.getFileName().toString(), jobExecutionId);
        if (!rejected.isEmpty()) {
            if (!partial) {
                throw new IllegalStateException(rejected.get(0).get(0) + " (the row was valid when the file was"
                        + " validated; nothing of this chunk is applied)");
            }
            lateRejects.addAll(rejected);
            if (stepExecution != null) {
                stepExecution.getExecutionContext().putLong(ImportContext.REJECTED_LATE,
                        stepExecution.getExecutionContext().getLong(ImportContext.REJECTED_LATE, 0) + rejected.size());
            }
        }
        hook.chunkApplied(kind.jobName(), rows);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (!lateRejects.isEmpty()) {
            appendToRejectsFile();
        }
        return null;
    }

    /** The partitions of one import end side by side: one rewrites the rejects file at a time. */
    private static final Object REJECTS_FILE = new Object();

    /** Rewrites the rejects file with its rows and then the late ones (rare: a race under lock). */
    private void appendToRejectsFile() {
        synchronized (REJECTS_FILE) {
            rewriteRejectsFile();
        }
    }

    private void rewriteRejectsFile() {
        Path rejects = RejectFile.pathFor(file);
        try (CsvOutput out = CsvOutput.create(rejects, RejectFile.HEADER)) {
            if (Files.exists(rejects)) {
                try (CsvInput old = CsvInput.open(rejects, List.of(RejectFile.HEADER))) {
                    for (CsvRow row = old.next(); row != null; row = old.next()) {
                        out.row(row.cell("line"), row.cell("column"), row.cell("value"), row.cell("reason"));
                    }
                }
            }
            for (List<RowError> errors : lateRejects) {
                out.row(Long.toString(errors.get(0).line()), join(errors, 0), join(errors, 1), join(errors, 2));
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the late rejects to " + rejects, e);
        }
    }

    private static String join(List<RowError> errors, int part) {
        return String.join("; ", errors.stream().map(e -> switch (part) {
            case 0 -> e.column() == null ? "" : e.column();
            case 1 -> e.value() == null ? "" : e.value();
            default -> e.reason();
        }).toList());
    }
}
