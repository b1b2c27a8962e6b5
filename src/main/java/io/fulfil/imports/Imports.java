package io.fulfil.imports;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Imports one file of a kind as a run of the kind's job, and reports the outcome. The same content
 * (SHA-256) with the same {@code partial} flag is one job instance: imported once, it is reported as
 * "already imported" and nothing runs; two processes importing it at once run it once (Spring Batch
 * refuses a second execution of a running instance; the second waits for the first and reports it).
 */
@Service
public class Imports {

    private static final long WAIT_MILLIS = 200;

    private final Map<String, ImportKind<?>> kinds = new TreeMap<>();
    private final Map<String, Job> jobs = new TreeMap<>();
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public Imports(List<ImportKind<?>> kinds, Map<String, Job> jobBeans, JobOperator jobOperator,
                   JobRepository jobRepository) {
        kinds.forEach(k -> this.kinds.put(k.kind(), k));
        jobBeans.values().forEach(j -> jobs.put(j.getName(), j));
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** The kinds that can be imported now, e.g. {@code picks}. */
    public java.util.Set<String> kinds() {
        return kinds.keySet();
    }

    /** The kind whose job this is, or null when it is no import job. */
    public String kindOfJob(String jobName) {
        return kinds.values().stream().filter(k -> k.jobName().equals(jobName)).map(ImportKind::kind)
                .findFirst().orElse(null);
    }

    public ImportReport importFile(String kindName, Path file, boolean partial) throws Exception {
        ImportKind<?> kind = kind(kindName);
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no file " + path);
        }
        Job job = jobs.get(kind.jobName());
        FileFingerprint fingerprint = FileFingerprint.of(path);
        JobParameters parameters = new JobParametersBuilder()
                .addString(ImportContext.FILE, path.toString(), false)
                .addString(ImportContext.SHA256, fingerprint.sha256())
                .addString(ImportContext.PARTIAL, Boolean.toString(partial))
                .toJobParameters();
        for (int attempt = 1; ; attempt++) {
            try {
                return report(kind, path, jobOperator.start(job, parameters), null);
            } catch (JobInstanceAlreadyCompleteException e) {
                JobExecution done = jobRepository.getLastJobExecution(kind.jobName(), parameters);
                return report(kind, path, done, done.getId());
            } catch (JobExecutionAlreadyRunningException e) {
                return report(kind, path, awaitEnd(kind.jobName(), parameters), null);
            } catch (DataAccessException | IllegalStateException e) {
                // two processes created the same job instance at the same moment ("JobInstance must not
                // already exist", or the unique key): the other one won; ask again, and find it running
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(WAIT_MILLIS * attempt);
            }
        }
    }

    private JobExecution awaitEnd(String jobName, JobParameters parameters) throws InterruptedException {
        while (true) {
            try {
                JobExecution running = jobRepository.getLastJobExecution(jobName, parameters);
                if (running != null && !running.getStatus().isRunning()) {
                    return running;
                }
            } catch (RuntimeException instanceStillBeingCreated) {
                // the other process has created the instance but not yet its execution
            }
            Thread.sleep(WAIT_MILLIS);
        }
    }

    private ImportKind<?> kind(String kindName) {
        ImportKind<?> kind = kinds.get(kindName);
        if (kind == null) {
            throw new IllegalArgumentException("cannot import '" + kindName + "' yet; kinds: " + String.join(", ", kinds.keySet()));
        }
        return kind;
    }

    private ImportReport report(ImportKind<?> kind, Path file, JobExecution execution, Long alreadyBy) {
        JobInstance instance = execution.getJobInstance();
        List<Long> executionIds = jobRepository.getJobExecutions(instance).stream().map(JobExecution::getId).toList();
        var context = execution.getExecutionContext();
        long rows = context.getLong(ImportContext.ROWS, 0);
        long rejected = context.getLong(ImportContext.REJECTED, 0);
        for (StepExecution step : execution.getStepExecutions()) {
            rejected += step.getExecutionContext().getLong(ImportContext.REJECTED_LATE, 0);
        }
        Map<String, Long> counts = new LinkedHashMap<>(kind.outcome(executionIds));
        Path rejectsFile = RejectFile.pathFor(file);
        List<RowError> rejects = rejected > 0 ? firstRejects(rejectsFile) : List.of();
        String failure = null;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            boolean rejectedByValidation = execution.getStepExecutions().stream()
                    .anyMatch(s -> s.getExitStatus().getExitCode().equals(ImportContext.REJECTED_EXIT));
            if (!rejectedByValidation) {
                failure = io.fulfil.ops.RunLogContext.failuresOf(execution).stream().findFirst()
                        .map(t -> oneLine(t)).orElse(execution.getExitStatus().getExitDescription());
                failure = (failure == null || failure.isBlank() ? execution.getStatus().toString() : failure)
                        + "; after fixing the cause, import the file again (or: fulfil restart " + execution.getId() + ")";
            }
        }
        return new ImportReport(kind.kind(), file, execution.getId(), execution.getStatus().toString(), alreadyBy,
                rows, rejected, counts, rejects, rejected > 0 ? rejectsFile : null, failure);
    }

    /** The innermost cause's message ("Unable to process chunk" wraps what went wrong), on one line. */
    private static String oneLine(Throwable t) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(t);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The first rejected rows, read back from the rejects file (it holds them all). */
    private static List<RowError> firstRejects(Path rejectsFile) {
        List<RowError> rejects = new ArrayList<>();
        if (!Files.exists(rejectsFile)) {
            return rejects;
        }
        try (CsvInput input = CsvInput.open(rejectsFile, List.of(RejectFile.HEADER))) {
            for (CsvRow row = input.next(); row != null && rejects.size() < RejectFile.KEPT; row = input.next()) {
                String column = row.cell("column");
                rejects.add(new RowError(rejectsFile.getFileName().toString(), Long.parseLong(row.cell("line")),
                        column.isEmpty() ? null : column, row.cell("value"), row.cell("reason")));
            }
        } catch (IOException | RuntimeException e) {
            rejects.add(new RowError(rejectsFile.getFileName().toString(), 0, null, "cannot read: " + e.getMessage()));
        }
        return rejects;
    }
}
