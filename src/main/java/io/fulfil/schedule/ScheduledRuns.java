package io.fulfil.schedule;

import io.fulfil.imports.ImportReport;
import io.fulfil.imports.Imports;
import io.fulfil.imports.InboxImports;
import io.fulfil.ops.Jobs;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What one fire of a schedule does. A run of a scheduled job is the job instance
 * {@code run.id=schedule <name> <scheduled fire time>}: a fire recovered after its {@code serve}
 * died (Quartz re-fires it on a live node with the same scheduled time) finds that instance and
 * restarts its execution instead of starting the work again as a new instance. An import schedule
 * imports the files waiting in its inbox folder, each file its own instance (as {@code fulfil run
 * import-picks} does).
 */
public class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final Jobs jobs;
    private final JobRepository jobRepository;
    private final Imports imports;
    private final InboxImports inboxImports;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ScheduledRuns(Jobs jobs, JobRepository jobRepository, Imports imports,
                         InboxImports inboxImports) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.imports = imports;
        this.inboxImports = inboxImports;
    }

    /** The identifying run id of a schedule's run for one scheduled fire time. */
    public static String runId(String schedule, Instant scheduledFireTime) {
        return "schedule " + schedule + " " + scheduledFireTime;
    }

    /** The job parameters of a schedule's run: its own parameters and the run id. */
    static Map<String, String> parameters(Map<String, String> scheduleParameters, String runId) {
        Map<String, String> parameters = new LinkedHashMap<>(scheduleParameters);
        parameters.put("run.id", runId);
        return parameters;
    }

    /** Runs the schedule's job for one fire and waits for it; returns the execution, or null when nothing ran. */
    public JobExecution fire(String schedule, String job, Map<String, String> scheduleParameters, Instant scheduledFireTime,
                             boolean recovering) throws Exception {
        if (stopping.get()) {
            log.info("schedule {}: not started, serve is stopping", schedule);
            return null;
        }
        String kind = imports.kindOfJob(job);
        if (kind != null) {
            // an import running elsewhere (an operator's, or one a dead process left STARTED, which
            // importing its file again would wait for) is left alone: the next poll tries again
            if (!runningElsewhere(schedule, job)) {
                importWaiting(schedule, kind);
            }
            return null;
        }
        String runId = runId(schedule, scheduledFireTime);
        Map<String, String> parameters = parameters(scheduleParameters, runId);
        JobExecution previous = lastExecution(job, parameters);
        JobExecution execution;
        if (previous != null) {
            execution = continueInstance(schedule, previous, recovering);
        } else {
            if (runningElsewhere(schedule, job)) {
                return null;
            }
            log.info("schedule {}: starting {} ({})", schedule, job, runId);
            execution = jobs.start(job, parameters);
        }
        if (execution != null) {
            report(schedule, execution);
        }
        return execution;
    }

    /** Whether another process (a serve elsewhere, an operator's fulfil run) has the job running; says so. */
    private boolean runningElsewhere(String schedule, String job) {
        Set<JobExecution> running = jobRepository.findRunningJobExecutions(job);
        if (running.isEmpty()) {
            return false;
        }
        JobExecution other = running.iterator().next();
        String runId = other.getJobParameters().getString("run.id");
        log.warn("schedule {}: {} not started, it is running already as execution {}{}; if its process is dead: "
                + "fulfil restart --force {}", schedule, job, other.getId(), runId == null ? "" : " (" + runId + ")",
                other.getId());
        return true;
    }

    private JobExecution continueInstance(String schedule, JobExecution previous, boolean recovering) throws Exception {
        BatchStatus status = previous.getStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            log.info("schedule {}: {} for this fire time is {} already (execution {})", schedule,
                    previous.getJobInstance().getJobName(), status, previous.getId());
            return null;
        }
        if (status.isRunning()) {
            if (!recovering) {
                log.warn("schedule {}: execution {} for this fire time is {}; left alone", schedule, previous.getId(), status);
                return null;
            }
        }
        log.info("schedule {}: restarting execution {} ({}) of the same fire", schedule, previous.getId(), status);
        // as fulfil restart --force does: Quartz recovers a fire only when the node that ran it is dead,
        // so a running execution of it is dead too
        return jobs.restart(previous.getId(), true);
    }

    private JobExecution lastExecution(String job, Map<String, String> parameters) {
        JobInstance instance = jobRepository.getJobInstance(job, identifying(parameters));
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    private static JobParameters identifying(Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        return builder.toJobParameters();
    }

    /** The execution this node runs for a fire, if it is running now. */
    JobExecution runningExecution(String schedule, String job, Map<String, String> scheduleParameters,
                                  Instant scheduledFireTime) {
        if (imports.kindOfJob(job) != null) {
            return null;
        }
        JobExecution last = lastExecution(job, parameters(scheduleParameters, runId(schedule, scheduledFireTime)));
        return last != null && last.getStatus().isRunning() ? last : null;
    }

    /**
     * Asks a running execution to stop after its current chunk, the way {@code fulfil stop} does
     * (ops/Jobs#stop: STOPPING in the job repository, read by the running step at its next chunk).
     * Not {@code JobOperator.stop}: in Spring Batch 6 that also marks the step STOPPED from outside,
     * on a copy, while it still runs; the split then failed instead of stopping.
     */
    void askToStop(JobExecution execution) throws Exception {
        jobs.stop(execution.getId());
    }

    /** No new runs from now on: serve is shutting down. */
    void stopStarting() {
        stopping.set(true);
    }

    /** Runs may start (again): a scheduler of this process has started. */
    void allowStarting() {
        stopping.set(false);
    }

    private void importWaiting(String schedule, String kind) throws Exception {
        List<ImportReport> reports = inboxImports.importWaiting(kind);
        for (ImportReport report : reports) {
            log.info("schedule {}: {}", schedule, String.join(" ", report.lines()).replaceAll("\\s+", " "));
        }
    }

    private static void report(String schedule, JobExecution execution) {
        BatchStatus status = execution.getStatus();
        if (status == BatchStatus.COMPLETED) {
            log.info("schedule {}: execution {} COMPLETED", schedule, execution.getId());
        } else if (status == BatchStatus.STOPPED) {
            log.info("schedule {}: execution {} STOPPED; to go on from where it stopped: fulfil restart {}", schedule,
                    execution.getId(), execution.getId());
        } else {
            String reason = io.fulfil.ops.RunLogContext.failuresOf(execution).stream().findFirst()
                    .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                    .orElse(execution.getExitStatus().getExitDescription());
            log.warn("schedule {}: execution {} {}{}; after fixing the cause: fulfil restart {}", schedule,
                    execution.getId(), status, reason == null || reason.isBlank() ? "" : ": " + reason.replaceAll("\\s+", " "),
                    execution.getId());
        }
    }
}
