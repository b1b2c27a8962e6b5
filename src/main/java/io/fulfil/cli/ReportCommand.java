package io.fulfil.cli;

import io.fulfil.tracking.TrackingReports;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report <name>}: a table for people on the terminal, and the same rows as CSV under the outbox. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for operators: a table here, and CSV under <outbox>/reports/.",
        subcommands = {ReportCommand.Stalled.class, ReportCommand.Intercepts.class, ReportCommand.Daily.class})
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

    @Command(name = "daily", mixinStandardHelpOptions = true,
            description = {"A business day's figures (fulfil.time-zone, default Asia/Shanghai): orders split, waved,",
                    "picked, short-picked, shipped, delivered, backordered; orders on hold and stalled parcels now.",
                    "A run of the daily-report job; see jobs/daily-report.md."})
    static final class Daily implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--date", paramLabel = "D", description = "the day, YYYY-MM-DD (default: yesterday)")
        String date;

        @Override
        public Integer call() throws Exception {
            java.util.Map<String, String> parameters = date == null ? java.util.Map.of() : java.util.Map.of("date", date);
            org.springframework.batch.core.job.JobExecution run;
            try {
                run = AppContext.bean(io.fulfil.ops.Jobs.class).start(
                        io.fulfil.report.DailyReportJobConfiguration.JOB_NAME, parameters);
            } catch (org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--date: " + e.getMessage());
            }
            if (run.getStatus() != org.springframework.batch.core.BatchStatus.COMPLETED) {
                return RunReport.print(run);
            }
            java.nio.file.Path file = java.nio.file.Path.of(run.getExecutionContext()
                    .getString(io.fulfil.report.DailyReportJobConfiguration.REPORT_KEY));
            List<String[]> rows = new java.util.ArrayList<>();
            rows.add(new String[] {"figure", "count", "units", "meaning"});
            try (var csv = io.fulfil.support.csv.CsvInput.open(file, List.of(io.fulfil.report.DailyReport.HEADER))) {
                for (var row = csv.next(); row != null; row = csv.next()) {
                    rows.add(new String[] {row.cell("figure"), row.cell("count"), row.cell("units"), row.cell("meaning")});
                }
            }
            System.out.println("daily report for " + run.getExecutionContext()
                    .getString(io.fulfil.report.DailyReportJobConfiguration.DATE_KEY));
            return print(rows, file);
        }
    }

    /** Prints the rows as an aligned table and names the CSV file. */
    static int print(TrackingReports.Report report) {
        return print(report.rows(), report.file());
    }

    /** Prints the rows (the first is the header) as an aligned table and names the CSV file. */
    static int print(List<String[]> rows, java.nio.file.Path file) {
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
        System.out.println((rows.size() - 1) + " row(s); CSV: " + file);
        return 0;
    }
}
