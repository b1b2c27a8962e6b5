package io.fulfil.cli;

import io.fulfil.ops.Jobs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Resumes a FAILED or STOPPED execution, or one left STARTED by a dead process.",
                "Such a one must have been silent for 2 minutes, or --force. Committed work is kept; the",
                "restarted run does the rest and nothing twice. A COMPLETED or ABANDONED execution is",
                "refused (exit 1), saying why."})
final class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<execution_id>", description = "from: fulfil runs")
    long executionId;

    @Option(names = "--force", description = "the STARTED execution's process is known to be dead; recover it now")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return RunReport.print(AppContext.bean(Jobs.class).restart(executionId, force));
    }
}
