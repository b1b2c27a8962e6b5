package io.fulfil.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code scheduler} part of serve's health: up while Quartz runs and is not in standby. */
public class SchedulerHealth extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    public SchedulerHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
        SchedulerMetaData meta = scheduler.getMetaData();
        boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
        (running ? builder.up() : builder.down())
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("state", meta.isShutdown() ? "shut down" : meta.isInStandbyMode() ? "standby" : "started")
                .withDetail("running", scheduler.getCurrentlyExecutingJobs().size());
    }
}
