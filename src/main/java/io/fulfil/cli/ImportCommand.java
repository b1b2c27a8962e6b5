package io.fulfil.cli;

import io.fulfil.imports.ImportReport;
import io.fulfil.imports.Imports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports one file now (a run of the job import-<kind> with file=<path>) and prints the",
                "outcome: rows applied, unchanged, short picks, and rejected rows with line, column and reason",
                "(the first 200; <file>.rejects.csv beside it has all). Whole or nothing unless --partial.",
                "The same content imported again changes nothing. Kinds: picks (pick confirmations),",
                "manifests (parcels handed to carriers), carrier-events (carriers' tracking events)."})
final class ImportCommand implements Callable<Integer> {

    /** The kinds of file it imports (each the job import-<kind>). */
    private static final java.util.List<String> KINDS = java.util.List.of("picks", "manifests", "carrier-events");

    @Parameters(index = "0", paramLabel = "<kind>", description = "picks | manifests | carrier-events")
    String kind;

    @Parameters(index = "1", paramLabel = "<file>", description = "the CSV file")
    Path file;

    @Option(names = "--partial", description = "apply the good rows of a file that has bad ones")
    boolean partial;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!KINDS.contains(kind)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown kind '" + kind
                    + "'; kinds: " + String.join(", ", KINDS));
        }
        Imports imports = AppContext.bean(Imports.class);
        return print(imports.importFile(kind, file, partial));
    }

    static int print(ImportReport report) {
        report.lines().forEach(System.out::println);
        System.out.printf(java.util.Locale.ROOT, "  heap: live after GC at most %d MiB, peak use %d MiB, max %d MiB%n",
                io.fulfil.support.Heap.maxLiveMiB(), io.fulfil.support.Heap.peakUsedMiB(), io.fulfil.support.Heap.maxMiB());
        if (report.exitCode() != 0) {
            System.err.println("fulfil: " + report.file().getFileName() + ": " + (report.failure() != null
                    ? report.failure() : report.rejected() + " row(s) rejected" + (report.completed()
                            ? "; the good rows were applied" : "; nothing applied")));
        }
        return report.exitCode();
    }
}
