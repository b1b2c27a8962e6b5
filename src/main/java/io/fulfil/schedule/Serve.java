package io.fulfil.schedule;

import io.fulfil.picking.wave.WaveSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.core.env.Environment;

/**
 * The {@code serve} command's work (CONTRACT §10): reads the schedules, makes the scheduler's
 * triggers match them, starts the scheduler, and at the end stops the running jobs after their
 * current chunk and the scheduler after them.
 *
 * <p>Triggers live in the database, shared by every {@code serve} on it; a trigger whose schedule is
 * unchanged is left as it is, so a second {@code serve} starting does not move its next fire.
 */
public class Serve {

    static final String GROUP = "fulfil";

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    private final Scheduler scheduler;
    private final ScheduledRuns runs;
    private final Map<String, Job> jobs = new java.util.TreeMap<>();
    private final Set<String> importJobs;
    private final WaveSettings waveSettings;
    private final Environment environment;
    private final Path folder;

    public Serve(Scheduler scheduler, ScheduledRuns runs, Map<String, Job> jobBeans,
                 Set<String> importJobs, WaveSettings waveSettings, Environment environment, Path folder) {
        this.scheduler = scheduler;
        this.runs = runs;
        jobBeans.values().forEach(j -> jobs.put(j.getName(), j));
        this.importJobs = importJobs;
        this.waveSettings = waveSettings;
        this.environment = environment;
        this.folder = folder;
    }

    /** Reads and checks the schedules, installs their triggers and starts the scheduler. */
    public List<Schedule> start() throws SchedulerException {
        List<Schedule> schedules = install();
        runs.allowStarting();
        scheduler.start();
        return schedules;
    }

    /** Reads and checks the schedules and makes the scheduler's triggers match them (without starting it). */
    public List<Schedule> install() throws SchedulerException {
        List<Schedule> schedules = ScheduleFiles.read(folder, environment, jobs.keySet());
        schedules.stream().filter(Schedule::enabled).forEach(this::checkParameters);
        Set<JobKey> wanted = new HashSet<>();
        for (Schedule schedule : schedules) {
            if (schedule.enabled()) {
                JobKey key = install(schedule);
                wanted.add(key);
            }
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                log.info("schedule {}: disabled or removed; its trigger is deleted", key.getName());
                scheduler.deleteJob(key);
            }
        }
        return schedules;
    }

    private JobKey install(Schedule schedule) throws SchedulerException {
        JobKey key = JobKey.jobKey(schedule.name(), GROUP);
        JobDetail detail = JobBuilder.newJob(ScheduledBatchJob.class).withIdentity(key)
                .withDescription(schedule.file().toString())
                .usingJobData(ScheduledBatchJob.SCHEDULE, schedule.name())
                .usingJobData(ScheduledBatchJob.JOB, schedule.job())
                .usingJobData(ScheduledBatchJob.PARAMETERS, Parameters.format(schedule.parameters()))
                .storeDurably().requestRecovery().build();
        Set<Trigger> triggers = new LinkedHashSet<>();
        triggers.add(trigger(schedule, schedule.name(), schedule.cron(), schedule.timeZone()));
        if (schedule.atCutOffs()) {
            waveSettings.warehouses().keySet().forEach(code -> {
                LocalTime cutOff = waveSettings.cutOff(code);
                if (cutOff != null) {
                    triggers.add(trigger(schedule, schedule.name() + ".cut-off." + code,
                            "0 " + cutOff.getMinute() + " " + cutOff.getHour() + " * * ?", waveSettings.timeZone(code)));
                }
            });
        }
        if (!sameAsInstalled(detail, triggers)) {
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
            scheduler.scheduleJob(detail, triggers, true);
            log.info("schedule {}: {} at '{}' ({}){}", schedule.name(), schedule.job(), schedule.cron(),
                    schedule.timeZone(), triggers.size() > 1 ? " and " + (triggers.size() - 1) + " cut-off(s)" : "");
        }
        return key;
    }

    private static Trigger trigger(Schedule schedule, String name, String cron, ZoneId zone) {
        CronScheduleBuilder when = CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone));
        when = schedule.misfire() == Schedule.Misfire.SKIP ? when.withMisfireHandlingInstructionDoNothing()
                : when.withMisfireHandlingInstructionFireAndProceed();
        return TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(schedule.name(), GROUP).withSchedule(when)
                .build();
    }

    private boolean sameAsInstalled(JobDetail detail, Set<Trigger> triggers) throws SchedulerException {
        JobDetail installed = scheduler.getJobDetail(detail.getKey());
        if (installed == null || !installed.getJobClass().equals(detail.getJobClass())
                || !Objects.equals(installed.getDescription(), detail.getDescription())
                || !dataOf(installed.getJobDataMap()).equals(dataOf(detail.getJobDataMap()))) {
            return false;
        }
        List<? extends Trigger> installedTriggers = scheduler.getTriggersOfJob(detail.getKey());
        if (installedTriggers.size() != triggers.size()) {
            return false;
        }
        for (Trigger wanted : triggers) {
            CronTrigger want = (CronTrigger) wanted;
            boolean found = installedTriggers.stream().anyMatch(t -> t instanceof CronTrigger has
                    && has.getKey().equals(want.getKey()) && has.getCronExpression().equals(want.getCronExpression())
                    && has.getTimeZone().getID().equals(want.getTimeZone().getID())
                    && has.getMisfireInstruction() == want.getMisfireInstruction());
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> dataOf(JobDataMap data) {
        Map<String, String> strings = new java.util.TreeMap<>();
        data.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    /** The job's own validator sees the parameters now, so a typo stops start-up rather than every fire. */
    private void checkParameters(Schedule schedule) {
        if (importJobs.contains(schedule.job())) {
            if (!schedule.parameters().isEmpty()) {
                throw new BrokenScheduleException(schedule.file() + ": parameters: an import schedule takes none "
                        + "(it imports every file waiting in its inbox folder)");
            }
            return;
        }
        JobParametersBuilder builder = new JobParametersBuilder();
        ScheduledRuns.parameters(schedule.parameters(), ScheduledRuns.runId(schedule.name(), Instant.EPOCH))
                .forEach(builder::addString);
        try {
            jobs.get(schedule.job()).getJobParametersValidator().validate(builder.toJobParameters());
        } catch (InvalidJobParametersException e) {
            throw new BrokenScheduleException(schedule.file() + ": parameters: " + e.getMessage());
        }
    }

    /**
     * Stops: no new fires on this node; each job this node runs is asked to stop after its current
     * chunk (it ends STOPPED, restartable); then the scheduler waits for the fires to end and shuts down.
     */
    public void stop() throws SchedulerException, InterruptedException {
        runs.stopStarting();
        scheduler.standby();
        Set<Long> asked = new HashSet<>();
        List<JobExecutionContext> executing;
        while (!(executing = scheduler.getCurrentlyExecutingJobs()).isEmpty()) {
            for (JobExecutionContext fire : executing) {
                JobDataMap data = fire.getMergedJobDataMap();
                JobExecution running = runs.runningExecution(data.getString(ScheduledBatchJob.SCHEDULE),
                        data.getString(ScheduledBatchJob.JOB), ScheduledBatchJob.parameters(data),
                        ScheduledBatchJob.scheduledFireTime(fire));
                if (running != null && asked.add(running.getId())) {
                    log.info("stopping execution {} of {} after its current chunk", running.getId(),
                            running.getJobInstance().getJobName());
                    try {
                        runs.askToStop(running);
                    } catch (Exception e) {
                        log.warn("execution {} could not be asked to stop: {}", running.getId(), e.getMessage());
                    }
                }
            }
            Thread.sleep(200);
        }
        scheduler.shutdown(true);
    }
}
