package io.fulfil.cli;

import io.fulfil.ops.JobRuns;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Lists recent job executions, newest first, or shows one with its steps.",
                "A FAILED run, or a STARTED one whose process died, is resumed with: fulfil restart <id>"})
final class RunsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<execution_id>", description = "show this execution's steps")
    Long executionId;

    @Option(names = "--limit", defaultValue = "20", description = "how many executions (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--status", description = "only executions with this status, e.g. FAILED")
    String status;

    @Override
    public Integer call() {
        JobRuns runs = AppContext.bean(JobRuns.class);
        if (executionId != null) {
            return show(runs, executionId);
        }
        List<JobRuns.Run> recent = runs.recent(limit, status == null ? null : status.toUpperCase(Locale.ROOT));
        if (recent.isEmpty()) {
            System.out.println("no job executions yet");
            return 0;
        }
        System.out.printf("%-10s %-10s %-10s %-19s %-9s %s%n", "EXECUTION", "JOB", "STATUS", "STARTED (UTC)",
                "DURATION", "EXIT");
        for (JobRuns.Run r : recent) {
            System.out.printf("%-10d %-10s %-10s %-19s %-9s %s%n", r.executionId(), r.jobName(), r.status(),
                    r.started() == null ? "-" : r.started().withNano(0).toString().replace('T', ' '),
                    duration(r.started(), r.ended()), firstLine(r.exitCode(), r.exitMessage()));
        }
        return 0;
    }

    private static int show(JobRuns runs, long id) {
        List<JobRuns.StepRun> steps = runs.steps(id);
        JobRuns.Run run = runs.recent(Integer.MAX_VALUE, null).stream().filter(r -> r.executionId() == id)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no job execution " + id));
        System.out.printf("execution %d of %s (instance %d): %s, %s%n", id, run.jobName(), run.instanceId(),
                run.status(), firstLine(run.exitCode(), run.exitMessage()));
        for (JobRuns.StepRun s : steps) {
            System.out.printf("  step %-14s %-10s read %,d, written %,d, commits %,d, rollbacks %,d, %s%n",
                    s.stepName(), s.status(), s.readCount(), s.writeCount(), s.commitCount(), s.rollbackCount(),
                    seconds(s.started(), s.ended()));
            if (s.exitMessage() != null && !s.exitMessage().isBlank()) {
                System.out.println("    " + s.exitMessage().lines().findFirst().orElse(""));
            }
        }
        return 0;
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        return end == null ? "running?" : io.fulfil.support.Progress.format(Duration.between(start, end));
    }

    /** A step's time to a tenth of a second (the benchmark reads it). */
    private static String seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        return end == null ? "running?"
                : String.format(java.util.Locale.ROOT, "%.1fs", Duration.between(start, end).toMillis() / 1000.0);
    }

    private static String firstLine(String code, String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        if (first.length() > 120) {
            first = first.substring(0, 117) + "...";
        }
        return first.isBlank() ? code : code + ": " + first;
    }
}
