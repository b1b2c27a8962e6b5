package io.fulfil.cli;

import io.fulfil.ops.Jobs;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Asks a running execution to stop after its current chunk.",
                "The request is written to the job repository, so the process running it sees it on",
                "whatever machine it runs. The run ends STOPPED, with its committed work kept, and is",
                "resumed with: fulfil restart <id>"})
final class StopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<execution_id>", description = "from: fulfil runs --status STARTED")
    long executionId;

    @Override
    public Integer call() throws Exception {
        JobExecution execution = AppContext.bean(Jobs.class).stop(executionId);
        String job = execution.getJobInstance().getJobName();
        if (execution.getStatus() == BatchStatus.STOPPING) {
            System.out.println("stop: execution " + executionId + " (" + job + ") is STOPPING: it ends, as STOPPED,"
                    + " after its current chunk (fulfil runs " + executionId + " shows when);"
                    + " resume it with: fulfil restart " + executionId);
        } else {
            System.out.println("stop: execution " + executionId + " (" + job + ") is " + execution.getStatus());
        }
        return 0;
    }
}
