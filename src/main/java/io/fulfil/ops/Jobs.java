package io.fulfil.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starting and restarting jobs for the command line and the schedules. Every start is a new job
 * instance (a {@code run.id} is added); a restart continues a failed instance from the repository.
 */
@Service
public class Jobs {

    /** A process that is alive updates its step execution at every chunk; this much silence means dead. */
    static final Duration SILENCE_OF_A_DEAD_RUN = Duration.ofMinutes(2);

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Map<String, Job> jobs = new TreeMap<>();
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    public Jobs(Map<String, Job> jobBeans, JobOperator jobOperator, JobRepository jobRepository) {
        jobBeans.values().forEach(j -> jobs.put(j.getName(), j));
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    public JobExecution start(String jobName, Map<String, String> parameters) throws Exception {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalArgumentException("unknown job '" + jobName + "'; jobs: " + String.join(", ", jobs.keySet()));
        }
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        if (!parameters.containsKey("run.id")) {
            // unique even for two runs started in the same millisecond, from two processes
            builder.addString("run.id", Instant.now() + "-" + Long.toHexString(RANDOM.nextLong() & 0xffffffL));
        }
        JobParameters jobParameters = builder.toJobParameters();
        return jobOperator.start(job, jobParameters);
    }

    /**
     * Restarts a FAILED or STOPPED execution, or one left STARTED by a process that died: that one is
     * first marked failed ({@code recover}), but only if it has been silent long enough or
     * {@code force} says its process is known to be dead. Refusals are {@link RunRefusedException}s
     * that say why and what to do instead.
     */
    public JobExecution restart(long executionId, boolean force) throws Exception {
        JobExecution execution = execution(executionId);
        String job = execution.getJobInstance().getJobName();
        BatchStatus status = execution.getStatus();
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != execution.getId()) {
            throw new RunRefusedException("execution " + executionId + " (" + job + ") was already restarted as execution "
                    + last.getId() + ", which is " + last.getStatus()
                    + (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED
                            ? "; restart that one: fulfil restart " + last.getId() : ""));
        }
        if (status == BatchStatus.COMPLETED) {
            throw new RunRefusedException("execution " + executionId + " (" + job + ") completed, so there is nothing"
                    + " to restart; a new run is: fulfil run " + job);
        }
        if (status == BatchStatus.ABANDONED) {
            throw new RunRefusedException("execution " + executionId + " (" + job + ") was abandoned, which marks it"
                    + " never to be restarted; a new run is: fulfil run " + job);
        }
        if (status.isRunning()) {
            Duration silence = Duration.between(lastSignOfLife(execution), LocalDateTime.now());
            if (!force && silence.compareTo(SILENCE_OF_A_DEAD_RUN) < 0) {
                throw new RunRefusedException("execution " + executionId + " (" + job + ") is " + status
                        + " and was updated " + silence.toSeconds() + "s ago, so its process may still be running; "
                        + "if that process is dead, use: fulfil restart --force " + executionId);
            }
            execution = jobOperator.recover(execution);
        }
        return jobOperator.restart(execution);
    }

    /**
     * Asks a running execution to stop after its current chunk: STOPPING is written to the job
     * repository, and the process running it, on whatever machine, reads it at its next chunk
     * boundary and ends the run as STOPPED, restartable.
     *
     * @return the execution as it is now (STOPPING, or as it was if it was already stopping)
     */
    public JobExecution stop(long executionId) throws Exception {
        JobExecution execution = execution(executionId);
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.STOPPING) {
            return execution;
        }
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            throw new RunRefusedException("execution " + executionId + " (" + execution.getJobInstance().getJobName()
                    + ") is " + status + ", not running; there is nothing to stop");
        }
        // Only the job execution's status is written. JobOperator.stop would also stop the step
        // objects it finds in this JVM, writing their rows behind the back of the process that runs
        // them; that process is, in general, another one, and reads STOPPING at its next chunk.
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
        return execution(executionId);
    }

    /**
     * Marks a STOPPED or FAILED execution ABANDONED: never to be restarted. A running one is refused
     * unless {@code force} says its process is dead (it is then first marked failed).
     */
    public JobExecution abandon(long executionId, boolean force) throws Exception {
        JobExecution execution = execution(executionId);
        String job = execution.getJobInstance().getJobName();
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.ABANDONED) {
            return execution;
        }
        if (status == BatchStatus.COMPLETED) {
            throw new RunRefusedException("execution " + executionId + " (" + job + ") completed; only a stopped or"
                    + " failed execution can be abandoned");
        }
        if (status.isRunning()) {
            if (!force) {
                throw new RunRefusedException("execution " + executionId + " (" + job + ") is " + status
                        + ", so its process may still be running; stop it first (fulfil stop " + executionId
                        + "), or if that process is dead: fulfil abandon --force " + executionId);
            }
            execution = jobOperator.recover(execution);
        }
        return jobOperator.abandon(execution);
    }

    /** An execution from the repository, or a refusal naming the id that does not exist. */
    private JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            execution = null; // Spring Batch 6.0.4 throws where its interface says it returns null
        }
        if (execution == null) {
            throw new RunRefusedException("there is no execution " + executionId + " (see: fulfil runs)");
        }
        return execution;
    }

    private static LocalDateTime lastSignOfLife(JobExecution execution) {
        LocalDateTime last = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getStartTime();
        if (last == null) {
            last = execution.getCreateTime();
        }
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(last)) {
                last = step.getLastUpdated();
            }
        }
        return last;
    }

    public java.util.Set<String> names() {
        return jobs.keySet();
    }
}
