package io.fulfil.cli;

import io.fulfil.ops.Jobs;
import io.fulfil.reconcile.ReconcileJobConfiguration;
import io.fulfil.reconcile.ReconcileReport;
import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconcile [--repair]}: a run of the reconcile job, its differences printed (exit 1 if any). */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Compares stock counters with open fulfilment lines and the stock ledger, and checks money",
                "and quantities (contract §5); writes a CSV under <outbox>/reports/. Exit 1 when it finds a difference.",
                "See jobs/reconcile.md."})
final class ReconcileCommand implements Callable<Integer> {

    /** Differences printed on the terminal; the CSV has them all. */
    private static final int SHOWN = 20;

    @Option(names = "--repair", description = "reset stock.allocated to what open fulfilment lines hold (journalled as RECONCILE)")
    boolean repair;

    @Override
    public Integer call() throws Exception {
        JobExecution execution = AppContext.bean(Jobs.class).start(ReconcileJobConfiguration.JOB_NAME,
                Map.of("repair", String.valueOf(repair)));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return RunReport.print(execution);
        }
        ExecutionContext context = execution.getExecutionContext();
        int found = context.getInt(ReconcileJobConfiguration.FOUND_KEY, 0);
        Path report = Path.of(context.getString(ReconcileJobConfiguration.REPORT_KEY));
        if (found == 0) {
            System.out.println("reconcile: stock counters, ledger, money and quantities all agree; report: " + report);
            return 0;
        }
        try (CsvInput csv = CsvInput.open(report, List.of(ReconcileReport.HEADER))) {
            CsvRow row;
            for (int shown = 0; shown < SHOWN && (row = csv.next()) != null; shown++) {
                String where = row.cell("warehouse_code").isEmpty() ? ""
                        : row.cell("warehouse_code") + "/" + row.cell("sku_code") + ": ";
                System.out.println("  " + row.cell("check") + " " + where + row.cell("detail")
                        + ("yes".equals(row.cell("repaired")) ? " [repaired]" : ""));
            }
        }
        System.err.println("fulfil: reconcile found " + found + " difference(s), repaired "
                + context.getInt(ReconcileJobConfiguration.REPAIRED_KEY, 0) + "; report: " + report);
        return 1;
    }
}
