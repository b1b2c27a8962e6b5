package io.fulfil.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Names the run in every log line written while it runs, {@code [job #execution step]} (MDC key
 * {@value #RUN}, with {@value #JOB}, {@value #EXECUTION} and {@value #STEP} apart), and keeps what
 * an operator needs once a step has failed: the failure's message and its root cause, each on one
 * line, in the step's execution context ({@value #FAILURE_MESSAGE}, {@value #FAILURE_CAUSE}); the
 * exit message Spring Batch keeps is a stack trace cut at 2,500 characters, before its "Caused by".
 * Added to every job and step by {@link RunLogContextRegistrar}.
 */
public final class RunLogContext implements JobExecutionListener, StepExecutionListener, Ordered {

    public static final String RUN = "run";
    public static final String JOB = "job";
    public static final String EXECUTION = "execution";
    public static final String STEP = "step";
    public static final String FAILURE_MESSAGE = "fulfil.failure.message";
    public static final String FAILURE_CAUSE = "fulfil.failure.cause";

    /** The run this process started last, for a failure that outlives it (the database went away). */
    public record Run(String jobName, long executionId, BatchStatus status) {
    }

    private static volatile Run last;

    /** First before a job or step and last after it, so that the job's own listeners' lines are named too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The run this process started last, or null if it started none. */
    public static Run last() {
        return last;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        last = new Run(jobExecution.getJobInstance().getJobName(), jobExecution.getId(), BatchStatus.STARTED);
        MDC.put(JOB, jobExecution.getJobInstance().getJobName());
        MDC.put(EXECUTION, String.valueOf(jobExecution.getId()));
        MDC.remove(STEP);
        MDC.put(RUN, jobExecution.getJobInstance().getJobName() + " #" + jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        last = new Run(jobExecution.getJobInstance().getJobName(), jobExecution.getId(), jobExecution.getStatus());
        MDC.remove(JOB);
        MDC.remove(EXECUTION);
        MDC.remove(STEP);
        MDC.remove(RUN);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String job = stepExecution.getJobExecution().getJobInstance().getJobName();
        MDC.put(JOB, job);
        MDC.put(EXECUTION, String.valueOf(stepExecution.getJobExecutionId()));
        MDC.put(STEP, stepExecution.getStepName());
        MDC.put(RUN, job + " #" + stepExecution.getJobExecutionId() + " " + stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // saved with the step's execution context right after this listener
        stepExecution.getFailureExceptions().stream().filter(e -> !(e instanceof JobInterruptedException))
                .findFirst().map(RunLogContext::withoutBatchWrappers).ifPresent(failure -> {
                    stepExecution.getExecutionContext().putString(FAILURE_MESSAGE, oneLine(failure));
                    Throwable root = rootCause(failure);
                    if (root != failure) {
                        stepExecution.getExecutionContext().putString(FAILURE_CAUSE, oneLine(root));
                    }
                });
        if (MDC.get(EXECUTION) != null && MDC.get(JOB) != null) {
            MDC.put(RUN, MDC.get(JOB) + " #" + MDC.get(EXECUTION));
        }
        MDC.remove(STEP);
        return null;
    }

    /** What Spring Batch's partitioned step fails with when one of its partitions failed (which says why). */
    private static final String PARTITION_FAILED = "Partition handler returned an unsuccessful step";

    /**
     * A run's failures, the ones that say why first: a partitioned step's own failure only says that a
     * partition failed, and comes after the partition's.
     */
    public static List<Throwable> failuresOf(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getAllFailureExceptions());
        failures.sort(Comparator.comparing(
                (Throwable e) -> e.getMessage() != null && e.getMessage().startsWith(PARTITION_FAILED)));
        return failures;
    }

    /**
     * A run's failure for the operator, on one line: the first failure that is not Spring Batch's
     * wrapper, and its root cause if that is another exception; null if the run has none.
     */
    public static String failureOf(List<Throwable> failures) {
        return failures.stream().filter(e -> !(e instanceof JobInterruptedException)).findFirst()
                .map(RunLogContext::withoutBatchWrappers).map(failure -> {
                    Throwable root = rootCause(failure);
                    return oneLine(failure) + (root == failure ? "" : " (cause: " + oneLine(root) + ")");
                }).orElse(null);
    }

    /** "IllegalStateException: the reason", on one line and at most 1,000 characters. */
    static String oneLine(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }

    /** Spring Batch wraps a writer's exception ("Unable to process chunk"); the operator wants the writer's. */
    static Throwable withoutBatchWrappers(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getClass().getName().startsWith("org.springframework.batch.")) {
            t = t.getCause();
        }
        return t;
    }

    static Throwable rootCause(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        Throwable t = e;
        while (t.getCause() != null && !seen.contains(t.getCause())) {
            seen.add(t);
            t = t.getCause();
        }
        return t;
    }
}
