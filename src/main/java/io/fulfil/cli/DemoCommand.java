package io.fulfil.cli;

import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.split.job.SplitJobConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Loads sample-data/ into a fresh embedded H2 database (under <data-dir>/demo), runs the",
                "split, prints a summary and checks the contract's invariants. Explore it afterwards with",
                "FULFIL_DATA_DIR=<data-dir>/demo, e.g. fulfil explain SO2026112000001."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--sample-data", defaultValue = "${env:FULFIL_HOME:-.}/sample-data",
            description = "default: ${DEFAULT-VALUE}")
    Path sampleData;

    @Option(names = "--data-dir", defaultValue = "${env:FULFIL_DATA_DIR:-data}",
            description = "parent of the demo database directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(sampleData)) {
            throw new IllegalArgumentException("no sample data directory " + sampleData.toAbsolutePath()
                    + " (run from the project directory, or pass --sample-data)");
        }
        Path demoDir = dataDir.resolve("demo").toAbsolutePath();
        deleteRecursively(demoDir);
        // the demo always runs on a fresh embedded database, whatever SPRING_DATASOURCE_URL says
        AppContext.override("spring.datasource.url", "jdbc:h2:file:" + demoDir + "/fulfil;AUTO_SERVER=TRUE");
        AppContext.override("spring.datasource.username", "sa");
        AppContext.override("spring.datasource.password", "");
        System.out.println("demo database: " + demoDir);
        int loaded = LoadCommand.load(sampleData);
        if (loaded != 0) {
            return loaded;
        }
        int ran = RunReport.print(AppContext.bean(Jobs.class).start(SplitJobConfiguration.JOB_NAME, Map.of()));
        int checked = CheckCommand.report(AppContext.bean(InvariantChecks.class).check());
        System.out.println("next: FULFIL_DATA_DIR=" + dataDir.resolve("demo") + " scripts/fulfil explain SO2026112000001");
        return ran != 0 ? ran : checked;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
