package io.fulfil.schedule;

import java.time.Instant;
import java.util.Map;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of every schedule: one fire starts (or continues) one run of the schedule's job.
 * {@code @DisallowConcurrentExecution} holds per schedule across the whole cluster (the JDBC store
 * keeps it), so a fire that comes while the previous one still runs waits for it instead of running
 * beside it.
 */
@DisallowConcurrentExecution
public class ScheduledBatchJob extends QuartzJobBean {

    static final String SCHEDULE = "schedule";
    static final String JOB = "job";
    static final String PARAMETERS = "parameters";

    private static final Logger log = LoggerFactory.getLogger(ScheduledBatchJob.class);

    private final ScheduledRuns runs;

    public ScheduledBatchJob(ScheduledRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String schedule = data.getString(SCHEDULE);
        try {
            runs.fire(schedule, data.getString(JOB), parameters(data), scheduledFireTime(context), context.isRecovering());
        } catch (Exception e) {
            // the run's failure is in the job repository; Quartz need only know this fire is over
            log.warn("schedule {}: {}", schedule, e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " "));
        }
    }

    static Map<String, String> parameters(JobDataMap data) {
        return Parameters.parse(data.getString(PARAMETERS));
    }

    /**
     * The time the fire was due. A recovered fire runs on a trigger of its own; the time of the fire it
     * recovers is in its data, and that is the one that names the run.
     */
    static Instant scheduledFireTime(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        return context.getScheduledFireTime().toInstant();
    }
}
