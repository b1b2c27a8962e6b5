package io.fulfil.cli;

import io.fulfil.imports.ImportReport;
import io.fulfil.imports.Imports;
import io.fulfil.imports.InboxImports;
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
                "wave (gather allocated work into waves and write their pick lists; see jobs/wave.md),",
                "import-picks, import-manifests, import-carrier-events (without file=: every file waiting in",
                "<inbox>/<kind>/; see jobs/import-*.md),",
                "cancel (compensate the orders the shop cancelled; see jobs/cancel.md),",
                "nightly: reconcile [repair=true], purge-history [keep-days=N], daily-report [date=YYYY-MM-DD],",
                "backorder-retry (see jobs/<job>.md)."},
        footer = {"", "Example: fulfil run split",
                "A failed run prints its execution id; after fixing the cause: fulfil restart <id>"})
final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        Imports imports = AppContext.bean(Imports.class);
        String kind = imports.kindOfJob(job);
        if (kind != null) {
            return runImport(imports, kind, params);
        }
        JobExecution execution;
        try {
            execution = AppContext.bean(Jobs.class).start(job, params);
        } catch (org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            // a parameter the job does not take is a usage error (exit 2), named in one line
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return RunReport.print(execution);
    }

    /** An import job: one file (file=..., partial=true), or without file every file waiting in the inbox. */
    private static int runImport(Imports imports, String kind, Map<String, String> params) throws Exception {
        java.util.Set<String> unknown = new java.util.TreeSet<>(params.keySet());
        unknown.removeAll(java.util.Set.of("file", "partial"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) for job import-" + kind + ": "
                    + String.join(", ", unknown) + "; it takes: [file=<path>] [partial=true]");
        }
        if (params.containsKey("file")) {
            return ImportCommand.print(imports.importFile(kind, java.nio.file.Path.of(params.get("file")),
                    Boolean.parseBoolean(params.getOrDefault("partial", "false"))));
        }
        List<ImportReport> reports = AppContext.bean(InboxImports.class).importWaiting(kind);
        if (reports.isEmpty()) {
            System.out.println("import-" + kind + ": no files waiting in the inbox");
        }
        int exit = 0;
        for (ImportReport report : reports) {
            exit = Math.max(exit, ImportCommand.print(report));
        }
        return exit;
    }
}
