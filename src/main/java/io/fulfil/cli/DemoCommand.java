package io.fulfil.cli;

import io.fulfil.imports.ImportReport;
import io.fulfil.imports.InboxImports;
import io.fulfil.ops.FloorSummary;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.SplitSummary;
import io.fulfil.ops.Jobs;
import io.fulfil.split.job.SplitJobConfiguration;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole flow on sample-data/ in a fresh embedded H2 database (under <data-dir>/demo):",
                "load, split, waves with their pick lists, the warehouse's confirmation of one wave (with",
                "short picks) and a broken one (rejected, nothing applied) through the inbox, a second split",
                "that serves the short picks from stock, a summary, and the contract's invariants checked.",
                "Explore it afterwards with FULFIL_DATA_DIR=<data-dir>/demo, e.g. fulfil explain SO2026112100639."})
final class DemoCommand implements Callable<Integer> {

    /** The sample confirmations: one wave picked with two short picks, one wave's file broken on purpose. */
    static final String GOOD_CONFIRMATION = "W000010-confirmed.csv";
    static final String BROKEN_CONFIRMATION = "W000040-confirmed-broken.csv";

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
        AppContext.override("fulfil.data-dir", demoDir);
        AppContext.override("fulfil.outbox-dir", demoDir.resolve("outbox"));
        AppContext.override("fulfil.inbox-dir", demoDir.resolve("inbox"));
        System.out.println("demo database: " + demoDir);

        step("1. load the shop's files");
        int loaded = LoadCommand.load(sampleData);
        if (loaded != 0) {
            return loaded;
        }
        Jobs jobs = AppContext.bean(Jobs.class);
        step("2. split paid orders and allocate stock");
        int failed = RunReport.print(jobs.start(SplitJobConfiguration.JOB_NAME, Map.of()));
        step("3. gather allocated work into waves and write their pick lists");
        failed |= RunReport.print(jobs.start("wave", Map.of()));
        FileRoots roots = AppContext.bean(FileRoots.class);
        printPickLists(roots.outbox().resolve("pick-lists"));

        step("4. the warehouse sends back two confirmations (into the inbox): one good, one broken");
        Path inbox = roots.inboxFolder("picks");
        Files.copy(sampleData.resolve("picks").resolve(GOOD_CONFIRMATION), inbox.resolve(GOOD_CONFIRMATION));
        Files.copy(sampleData.resolve("picks").resolve(BROKEN_CONFIRMATION), inbox.resolve(BROKEN_CONFIRMATION));
        List<ImportReport> reports = AppContext.bean(InboxImports.class).importWaiting("picks");
        reports.forEach(r -> r.lines().forEach(System.out::println));
        failed |= expectGoodAndBroken(reports, inbox);

        step("5. split again: the short-picked units are served from wherever stock is");
        failed |= RunReport.print(jobs.start(SplitJobConfiguration.JOB_NAME, Map.of()));

        step("6. where things stand");
        printSummary();
        int checked = CheckCommand.report(AppContext.bean(InvariantChecks.class).check());
        System.out.println("next: FULFIL_DATA_DIR=" + dataDir.resolve("demo")
                + " scripts/fulfil explain SO2026112100639   (a short pick served again)");
        return failed != 0 ? 1 : checked;
    }

    private static void step(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void printPickLists(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> warehouses = Files.list(root)) {
            for (Path warehouse : warehouses.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(warehouse)) {
                    List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                            .sorted().toList();
                    System.out.printf("  %s: %d pick lists (%s ... %s)%n", root.relativize(warehouse), names.size(),
                            names.get(0), names.get(names.size() - 1));
                }
            }
        }
        System.out.println("  under " + root);
    }

    /** The good file must be applied whole, the broken one refused whole: anything else fails the demo. */
    private static int expectGoodAndBroken(List<ImportReport> reports, Path inbox) {
        ImportReport good = reports.stream().filter(r -> r.file().endsWith(GOOD_CONFIRMATION)).findFirst().orElse(null);
        ImportReport broken = reports.stream().filter(r -> r.file().endsWith(BROKEN_CONFIRMATION)).findFirst()
                .orElse(null);
        if (good == null || !good.ok() || broken == null || broken.ok() || broken.applied() != 0) {
            System.err.println("fulfil: demo: expected the good confirmation applied and the broken one rejected whole");
            return 1;
        }
        System.out.println("  as expected: " + GOOD_CONFIRMATION + " applied (now in " + inbox.resolve("processed")
                + "); " + BROKEN_CONFIRMATION + " rejected, nothing of it applied (now in " + inbox.resolve("rejected")
                + ", with its .rejects.csv)");
        return 0;
    }

    private static void printSummary() {
        SplitSummary split = AppContext.bean(SplitSummary.class);
        FloorSummary floor = AppContext.bean(FloorSummary.class);
        System.out.println("  orders by status: " + join(split.ordersByStatus()));
        System.out.println("  fulfilment orders by status: " + join(floor.fulfilmentOrdersByStatus()));
        System.out.println("  waves by status: " + join(floor.wavesByStatus()));
        long[] shortPicks = floor.shortPicks();
        System.out.printf("  short picks: %d pick lines, %d units back to backorder; backorder lines open now: %d%n",
                shortPicks[0], shortPicks[1], split.backorderLines());
    }

    private static String join(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
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
