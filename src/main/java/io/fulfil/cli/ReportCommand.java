package io.fulfil.cli;

import io.fulfil.tracking.TrackingReports;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report <name>}: a table for people on the terminal, and the same rows as CSV under the outbox. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for operators: a table here, and CSV under <outbox>/reports/.",
        subcommands = {ReportCommand.Stalled.class, ReportCommand.Intercepts.class})
final class ReportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "which report? "
                + String.join(", ", spec.subcommands().keySet()));
    }

    @Command(name = "stalled", mixinStandardHelpOptions = true,
            description = {"Parcels on the way with no carrier event for H hours, parcels in EXCEPTION, events",
                    "waiting for a tracking number no manifest shipped, and carrier codes nobody mapped."})
    static final class Stalled implements Callable<Integer> {

        @Option(names = "--hours", paramLabel = "H", description = "hours without news (default: ${DEFAULT-VALUE})",
                defaultValue = "48")
        int hours;

        @Override
        public Integer call() throws Exception {
            return print(AppContext.bean(TrackingReports.class).stalled(hours));
        }
    }

    @Command(name = "intercepts", mixinStandardHelpOptions = true,
            description = "Intercept requests for parcels of cancelled orders that a carrier already had.")
    static final class Intercepts implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            return print(AppContext.bean(TrackingReports.class).intercepts());
        }
    }

    /** Prints the rows as an aligned table and names the CSV file. */
    static int print(TrackingReports.Report report) {
        List<String[]> rows = report.rows();
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], Math.min(60, row[c] == null ? 0 : row[c].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row[c] == null ? "" : row[c];
                line.append(c == columns - 1 ? cell : String.format("%-" + widths[c] + "s  ", cell));
            }
            System.out.println(line.toString().stripTrailing());
        }
        System.out.println((rows.size() - 1) + " row(s); CSV: " + report.file());
        return 0;
    }
}
