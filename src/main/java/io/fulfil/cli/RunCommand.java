package io.fulfil.cli;

import io.fulfil.ops.Jobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a job as a new instance and waits for it.",
                "Jobs: split (split paid orders and allocate stock; see jobs/split.md),",
                "wave (gather allocated work into waves and write their pick lists; see jobs/wave.md)."},
        footer = {"", "Example: fulfil run split",
                "A failed run prints its execution id; after fixing the cause: fulfil restart <id>"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<job>", description = "job name, e.g. split")
    String job;

    @Parameters(index = "1..*", paramLabel = "key=value", description = "job parameters")
    List<String> parameters = List.of();

    @Override
    public Integer call() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("job parameter '" + p + "' is not key=value");
            }
            params.put(p.substring(0, eq), p.substring(eq + 1));
        }
        JobExecution execution = AppContext.bean(Jobs.class).start(job, params);
        return RunReport.print(execution);
    }
}
