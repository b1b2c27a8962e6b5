package io.fulfil.cli;

import io.fulfil.ops.SplitSummary;
import io.fulfil.picking.wave.WaveJobConfiguration;
import io.fulfil.picking.wave.WaveStore;
import io.fulfil.split.job.SplitJobConfiguration;
import io.fulfil.support.Heap;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** What an operator sees after a run: status, counts, rate, and on failure how to resume it. */
final class RunReport {

    private RunReport() {
    }

    static int print(JobExecution execution) {
        long id = execution.getId();
        Duration elapsed = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        long written = execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%s: execution %d %s in %.1fs%n", execution.getJobInstance().getJobName(), id,
                execution.getStatus(), seconds);
        // backorder-retry runs the split's step over part of its demand: the same summary tells what it did
        boolean splitStep = SplitJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())
                || io.fulfil.backorder.BackorderRetryJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName());
        if (splitStep) {
            SplitSummary summary = AppContext.bean(SplitSummary.class);
            Map<String, Long> byStatus = summary.ordersByStatus();
            System.out.printf(Locale.ROOT, "  orders read %,d (%,.0f orders/s): split or re-split %,d; on hold now %,d%n",
                    written, written / seconds, summary.ordersTouchedBy(id), byStatus.getOrDefault("ON_HOLD", 0L));
            System.out.printf(Locale.ROOT, "  fulfilment orders created %,d; backorder lines open %,d%n",
                    summary.fulfilmentOrdersCreatedBy(id), summary.backorderLines());
            System.out.println("  orders by status: " + byStatus.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        } else if (WaveJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            WaveStore.RunCounts created = AppContext.bean(WaveStore.class).createdBy(id);
            long pickLists = execution.getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("writePickLists")).mapToLong(StepExecution::getWriteCount).sum();
            System.out.printf(Locale.ROOT, "  waves created %,d: %,d fulfilment orders, %,d lines (%,.0f lines/s);"
                    + " pick lists written %,d%n", created.waves(), created.fulfilmentOrders(), created.lines(),
                    created.lines() / seconds, pickLists);
        }
        if (!splitStep) {
            for (StepExecution step : execution.getStepExecutions()) {
                double stepSeconds = step.getStartTime() == null || step.getEndTime() == null ? 0
                        : Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "  step %s %s: read %,d, written %,d, skipped %,d, commits %,d in %.1fs%n",
                        step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
                        step.getSkipCount(), step.getCommitCount(), stepSeconds);
            }
        }
        System.out.printf(Locale.ROOT, "  heap: live after GC at most %d MiB, peak use %d MiB, max %d MiB%n",
                Heap.maxLiveMiB(), Heap.peakUsedMiB(), Heap.maxMiB());
        if (execution.getStatus() == BatchStatus.COMPLETED
                && io.fulfil.reconcile.ReconcileJobConfiguration.DIFFERENCES.equals(execution.getExitStatus().getExitCode())) {
            // the run did its work and found something wrong: the operator (or cron) must see a failure
            System.err.println("fulfil: " + execution.getJobInstance().getJobName() + " execution " + id + ": "
                    + execution.getExitStatus().getExitDescription());
            return 1;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = io.fulfil.ops.RunLogContext.failureOf(io.fulfil.ops.RunLogContext.failuresOf(execution));
            if (reason == null && execution.getStatus() == BatchStatus.STOPPED) {
                reason = "stopped on request (fulfil stop)";
            } else if (reason == null) {
                String description = execution.getExitStatus().getExitDescription();
                reason = description == null || description.isBlank() ? execution.getStatus().toString()
                        : description.lines().findFirst().orElse("");
            }
            System.err.println("fulfil: " + execution.getJobInstance().getJobName() + " execution " + id + " "
                    + execution.getStatus() + ": " + reason + (execution.getStatus() == BatchStatus.STOPPED
                            ? "; resume it with: fulfil restart " + id
                            : "; after fixing the cause: fulfil restart " + id + " (details: fulfil runs " + id + ")"));
            return 1;
        }
        return 0;
    }
}
