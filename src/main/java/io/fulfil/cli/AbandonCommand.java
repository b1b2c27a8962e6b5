package io.fulfil.cli;

import io.fulfil.ops.Jobs;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = {"Marks a STOPPED or FAILED execution never to be restarted (ABANDONED).",
                "Its work stays as it was committed; the next run of the job starts afresh and picks up",
                "what is left.",
                "A running execution is refused: stop it first, or use --force if its process is dead."})
final class AbandonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<execution_id>", description = "from: fulfil runs")
    long executionId;

    @Option(names = "--force", description = "the execution shows STARTED but its process is known to be dead")
    boolean force;

    @Override
    public Integer call() throws Exception {
        JobExecution execution = AppContext.bean(Jobs.class).abandon(executionId, force);
        System.out.println("abandon: execution " + executionId + " (" + execution.getJobInstance().getJobName()
                + ") is " + execution.getStatus() + "; it will not be restarted");
        return 0;
    }
}
