package io.fulfil.cli;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.imports.ImportReport;
import io.fulfil.imports.InboxImports;
import io.fulfil.ops.FloorSummary;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.SplitSummary;
import io.fulfil.ops.Jobs;
import io.fulfil.cancel.CancelJobConfiguration;
import io.fulfil.split.job.SplitJobConfiguration;
import io.fulfil.tracking.TrackingReports;
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
                "that serves the short picks from stock, carrier events before their manifest, the manifest,",
                "shuffled, repeated and late events, three orders cancelled at three stages, the reports of",
                "intercepts and stalled parcels, the final statuses, and the contract's invariants checked.",
                "Explore it afterwards with FULFIL_DATA_DIR=<data-dir>/demo, e.g. fulfil explain SO2026112100639."})
final class DemoCommand implements Callable<Integer> {

    /** The sample confirmations: one wave picked with two short picks, one wave's file broken on purpose. */
    static final String GOOD_CONFIRMATION = "W000008-confirmed.csv";
    static final String BROKEN_CONFIRMATION = "W000072-confirmed-broken.csv";
    /** The sample shipping files (sample-data/shipping/, see sample-data/README.md). */
    static final String EVENTS_BEFORE_MANIFEST = "carrier-events-1-before-manifest.csv";
    static final String MANIFEST = "manifest-GZ-BY.csv";
    static final String SHUFFLED_EVENTS = "carrier-events-2-shuffled.csv";
    static final String LATE_EVENTS = "carrier-events-3-late-and-repeated.csv";
    /** Cancelled by the shop after waving: waved in W000072, picked and not shipped, shipped. */
    static final String[] CANCELLED = {"SO2026112102563", "SO2026112000050", "SO2026112102514"};

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

        Path shipping = sampleData.resolve("shipping");
        step("6. a carrier's first scans arrive before the warehouse's manifest: they wait for it");
        failed |= importExpectingOk("carrier-events", shipping, EVENTS_BEFORE_MANIFEST);

        step("7. the warehouse hands 16 picked parcels to five carriers (the manifest)");
        failed |= importExpectingOk("manifests", shipping, MANIFEST);

        step("8. carrier events arrive shuffled, repeated, late and with a code nobody mapped");
        failed |= importExpectingOk("carrier-events", shipping, SHUFFLED_EVENTS, LATE_EVENTS);

        step("9. the shop cancels three orders: one waved, one picked, one already with its carrier");
        int cancelledByShop = AppContext.bean(org.springframework.jdbc.core.JdbcTemplate.class).update(
                "UPDATE customer_order SET status = 'CANCELLED' WHERE order_no IN (?, ?, ?)", (Object[]) CANCELLED);
        System.out.println("  the shop set " + cancelledByShop + " orders CANCELLED: " + String.join(", ", CANCELLED));
        failed |= RunReport.print(jobs.start(CancelJobConfiguration.JOB_NAME, Map.of()));
        ReportCommand.print(AppContext.bean(TrackingReports.class).intercepts());

        step("10. parcels to chase");
        ReportCommand.print(AppContext.bean(TrackingReports.class).stalled(48));

        step("11. where things stand");
        printSummary();
        printOrders(DemoOrders.SHOWN);
        int checked = CheckCommand.report(AppContext.bean(InvariantChecks.class).check());
        System.out.println("next: FULFIL_DATA_DIR=" + dataDir.resolve("demo")
                + " scripts/fulfil explain SO2026112100511   (a parcel that left an exception)");
        return failed != 0 ? 1 : checked;
    }

    /** Copies the sample files into the kind's inbox and imports what waits there; each must be applied. */
    private static int importExpectingOk(String kind, Path from, String... names) throws Exception {
        Path inbox = AppContext.bean(FileRoots.class).inboxFolder(kind);
        for (String name : names) {
            Files.copy(from.resolve(name), inbox.resolve(name));
        }
        List<ImportReport> reports = AppContext.bean(InboxImports.class).importWaiting(kind);
        reports.forEach(r -> r.lines().forEach(System.out::println));
        if (reports.size() != names.length || !reports.stream().allMatch(ImportReport::ok)) {
            System.err.println("fulfil: demo: expected " + String.join(", ", names) + " imported whole");
            return 1;
        }
        return 0;
    }

    private static void printOrders(List<String> orderNos) {
        var jdbc = AppContext.bean(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class);
        System.out.println("  final status of the orders shipped or cancelled in this demo:");
        jdbc.query("""
                        SELECT o.order_no, o.status, f.fulfilment_no, f.status, f.carrier_code, f.tracking_no
                          FROM customer_order o LEFT JOIN fulfilment_order f ON %s
                         WHERE o.order_no IN (:nos) ORDER BY o.order_no, f.fulfilment_no""".formatted(
                        FulfilmentOrders.OF_ORDER),
                Map.of("nos", orderNos), rs -> {
                    String parcel = rs.getString(5) == null ? "" : "  " + rs.getString(5) + " " + rs.getString(6);
                    System.out.printf("    %-16s %-20s %-19s %-16s%s%n", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), parcel);
                });
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
