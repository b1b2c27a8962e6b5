package io.fulfil.cli;

import io.fulfil.ops.JobRuns;
import io.fulfil.ops.RunRefusedException;
import io.fulfil.support.Progress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Lists job executions, newest first, or shows one with its steps.",
                "A step shows its read, write, skip and commit counts, duration, exit status, and a",
                "failure's message and root cause.",
                "A FAILED or STOPPED run is resumed with: fulfil restart <id>"},
        footer = {"", "Times are the local time of the machine that ran the job.",
                "Examples: fulfil runs --job split --status FAILED --since 7d",
                "          fulfil runs 12 --json"})
final class RunsCommand implements Callable<Integer> {

    /**
     * A small mapper of our own (the command line has no web stack and needs nothing configured),
     * built on first use: picocli creates every command object for any command line, {@code --help}
     * included, and building it cost about a tenth of a second of CPU on every start.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<execution_id>", description = "show this execution's steps")
    Long executionId;

    @Option(names = "--job", paramLabel = "J", description = "only executions of this job, e.g. split")
    String job;

    @Option(names = "--status", paramLabel = "S", converter = StatusConverter.class,
            description = "only executions with this status: COMPLETED, FAILED, STOPPED, STARTED, STOPPING, ABANDONED, ...")
    String status;

    @Option(names = "--since", paramLabel = "T", converter = TimeArgument.class,
            description = "only executions started at or after T: 2026-12-01, 2026-12-01T08:00, or an age: 30m, 12h, 7d")
    LocalDateTime since;

    @Option(names = "--until", paramLabel = "T", converter = TimeArgument.class,
            description = "only executions started before T (same forms as --since)")
    LocalDateTime until;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "how many executions (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, is " + limit);
        }
        if (executionId != null && (job != null || status != null || since != null || until != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--job, --status, --since and --until filter the list; they do not go with an <execution_id>");
        }
        JobRuns runs = AppContext.bean(JobRuns.class);
        if (executionId != null) {
            return show(runs, executionId);
        }
        List<JobRuns.Run> found = runs.find(new JobRuns.Filter(job, status, since, until, limit));
        if (json) {
            System.out.println(Json.MAPPER.writeValueAsString(found.stream().map(RunsCommand::asJson).toList()));
            return 0;
        }
        if (found.isEmpty()) {
            System.out.println("no job executions" + (job == null && status == null && since == null && until == null
                    ? " yet" : " match"));
            return 0;
        }
        System.out.printf("%-10s %-22s %-10s %-19s %-9s %s%n", "EXECUTION", "JOB", "STATUS", "STARTED",
                "DURATION", "EXIT");
        for (JobRuns.Run r : found) {
            System.out.printf("%-10d %-22s %-10s %-19s %-9s %s%n", r.executionId(), r.jobName(), r.status(),
                    r.started() == null ? "-" : r.started().withNano(0).toString().replace('T', ' '),
                    duration(r.started(), r.ended()), exit(r.exitCode(), r.failure()));
        }
        return 0;
    }

    private int show(JobRuns runs, long id) {
        JobRuns.Run run = runs.execution(id)
                .orElseThrow(() -> new RunRefusedException("there is no execution " + id + " (see: fulfil runs)"));
        List<JobRuns.StepRun> steps = runs.steps(id);
        if (json) {
            Map<String, Object> out = asJson(run);
            out.put("steps", steps.stream().map(RunsCommand::asJson).toList());
            System.out.println(Json.MAPPER.writeValueAsString(out));
            return 0;
        }
        System.out.printf("execution %d of %s (instance %d): %s, exit %s, started %s, took %s%n", id, run.jobName(),
                run.instanceId(), run.status(), run.exitCode(),
                run.started() == null ? "-" : run.started().withNano(0).toString().replace('T', ' '),
                duration(run.started(), run.ended()));
        for (JobRuns.StepRun s : steps) {
            System.out.printf(Locale.ROOT, "  step %-27s %-10s read %,d, written %,d, skipped %,d, commits %,d,"
                            + " rollbacks %,d, exit %s, %s%n",
                    s.stepName(), s.status(), s.readCount(), s.writeCount(), s.skipCount(), s.commitCount(),
                    s.rollbackCount(), s.exitCode(), seconds(s.started(), s.ended()));
            printFailure("    ", s.failure());
        }
        if (steps.stream().allMatch(s -> s.failure() == null)) {
            printFailure("  ", run.failure());
        }
        if (BatchStatus.FAILED.name().equals(run.status()) || BatchStatus.STOPPED.name().equals(run.status())) {
            System.out.println("  resume it with: fulfil restart " + id);
        }
        return 0;
    }

    private static void printFailure(String indent, JobRuns.Failure failure) {
        if (failure == null || failure.message().startsWith("org.springframework.batch.core.job.JobInterruptedException")
                || failure.message().equals("JobInterruptedException")) {
            return;
        }
        System.out.println(indent + "failure: " + failure.message());
        if (failure.cause() != null) {
            System.out.println(indent + "cause:   " + failure.cause());
        }
    }

    private static Map<String, Object> asJson(JobRuns.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_id", r.executionId());
        m.put("instance_id", r.instanceId());
        m.put("job", r.jobName());
        m.put("status", r.status());
        m.put("exit_code", r.exitCode());
        m.put("started", text(r.started()));
        m.put("ended", text(r.ended()));
        m.put("duration_ms", millis(r.started(), r.ended()));
        m.put("failure", asJson(r.failure()));
        return m;
    }

    private static Map<String, Object> asJson(JobRuns.StepRun s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.stepName());
        m.put("status", s.status());
        m.put("exit_code", s.exitCode());
        m.put("read", s.readCount());
        m.put("written", s.writeCount());
        m.put("skipped", s.skipCount());
        m.put("filtered", s.filterCount());
        m.put("commits", s.commitCount());
        m.put("rollbacks", s.rollbackCount());
        m.put("started", text(s.started()));
        m.put("ended", text(s.ended()));
        m.put("duration_ms", millis(s.started(), s.ended()));
        m.put("failure", asJson(s.failure()));
        return m;
    }

    private static Map<String, Object> asJson(JobRuns.Failure f) {
        if (f == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", f.message());
        m.put("cause", f.cause());
        return m;
    }

    private static String text(LocalDateTime t) {
        return t == null ? null : t.toString();
    }

    private static Long millis(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        return end == null ? "running?" : Progress.format(Duration.between(start, end));
    }

    /** A step's time to a tenth of a second, last on its line (scripts/bench reads it). */
    private static String seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        return end == null ? "running?"
                : String.format(Locale.ROOT, "%.1fs", Duration.between(start, end).toMillis() / 1000.0);
    }

    private static String exit(String code, JobRuns.Failure failure) {
        if (failure == null || failure.message().contains("JobInterruptedException")) {
            return code;
        }
        String first = failure.message();
        if (first.length() > 120) {
            first = first.substring(0, 117) + "...";
        }
        return code + ": " + first;
    }

    /** A status name in any case; anything else is a usage error (exit 2) listing the statuses. */
    static final class StatusConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String upper = value.toUpperCase(Locale.ROOT);
            for (BatchStatus s : BatchStatus.values()) {
                if (s.name().equals(upper)) {
                    return upper;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is no status; statuses: "
                    + String.join(", ", java.util.Arrays.stream(BatchStatus.values()).map(Enum::name).toList()));
        }
    }
}
