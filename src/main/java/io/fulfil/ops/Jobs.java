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
     * {@code force} says its process is known to be dead.
     */
    public JobExecution restart(long executionId, boolean force) throws Exception {
        JobExecution execution = jobRepository.getJobExecution(executionId);
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + executionId + " (see: fulfil runs)");
        }
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            throw new IllegalStateException("execution " + executionId + " completed; there is nothing to restart");
        }
        if (status == BatchStatus.ABANDONED) {
            throw new IllegalStateException("execution " + executionId + " was abandoned and cannot be restarted");
        }
        if (status.isRunning()) {
            Duration silence = Duration.between(lastSignOfLife(execution), LocalDateTime.now());
            if (!force && silence.compareTo(SILENCE_OF_A_DEAD_RUN) < 0) {
                throw new IllegalStateException("execution " + executionId + " is " + status + " and was updated "
                        + silence.toSeconds() + "s ago, so its process may still be running; "
                        + "if that process is dead, use: fulfil restart --force " + executionId);
            }
            execution = jobOperator.recover(execution);
        }
        return jobOperator.restart(execution);
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
