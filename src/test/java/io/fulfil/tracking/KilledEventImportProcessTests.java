package io.fulfil.tracking;

import static io.fulfil.support.FulfilProcesses.count;
import static io.fulfil.support.FulfilProcesses.rows;
import static io.fulfil.support.FulfilProcesses.run;
import static io.fulfil.support.FulfilProcesses.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.support.FulfilProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carrier events import killed with SIGKILL part-way, as an operator would meet it: the command line
 * runs in separate JVMs on an embedded H2 file database (see KilledFloorProcessTests). Generated
 * orders are split, waved, picked and shipped by the real commands; then a file of several thousand
 * events (shuffled, some repeated, some for parcels no manifest has shipped) is imported in small
 * chunks and killed once it reports progress (chunks have committed). The invariants hold after the kill, {@code restart
 * --force} finishes the run, every event is recorded once, and the database ends as that of a run
 * that was never killed.
 */
class KilledEventImportProcessTests {

    private static final List<String> SMALL_CHUNKS = List.of("-Dfulfil.import.chunk-size=2");
    private static final String[] CARRIERS = {"SF", "ZTO", "YTO", "JD", "KD100"};
    /** Per carrier, a parcel's script: code and hour of 2026-11-22 (UTC+8). */
    private static final String[][][] SCRIPTS = {
            {{"50", "8"}, {"30", "9"}, {"X1", "9"}, {"70", "10"}, {"31", "11"}, {"44", "12"}, {"80", "13"}},
            {{"收件", "8"}, {"派件", "9"}, {"问题件", "10"}, {"到件", "11"}},
            {{"GOT", "8"}, {"FAILED", "9"}, {"ARRIVAL", "10"}, {"SENT_SCAN", "11"}, {"SIGNED", "12"}},
            {{"100", "8"}, {"600", "9"}, {"700", "10"}, {"200", "11"}},
            {{"0", "8"}, {"5", "9"}, {"14", "10"}, {"3", "11"}, {"1", "12"}},
    };

    @TempDir
    Path tmp;

    @Test
    void aKilledEventImportIsRestartedAndRecordsEachEventOnce() throws Exception {
        Path template = tmp.resolve("template");
        assertThat(run(template, List.of(), "generate", "--orders", "600", "--seed", "23").exitCode()).isZero();
        assertThat(run(template, List.of(), "run", "split").exitCode()).isZero();
        assertThat(run(template, List.of(), "run", "wave").exitCode()).isZero();
        Path picks = tmp.resolve("picks.csv");
        assertThat(run(template, List.of(), "generate", "--pick-confirmations", picks.toString(), "--short-every", "0")
                .exitCode()).isZero();
        assertThat(run(template, List.of(), "import", "picks", picks.toString()).exitCode()).isZero();
        List<String> picked = rows(template, List.of(
                "SELECT fulfilment_no FROM fulfilment_order WHERE status = 'PICKED' ORDER BY fulfilment_no"));
        assertThat(picked.size()).as("parcels to ship").isGreaterThan(300);

        // ship them all, each with one of the five carriers
        List<String> manifest = new ArrayList<>(List.of("fulfilment_no,carrier_code,tracking_no,shipped_at,weight_grams"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            String carrier = CARRIERS[i % CARRIERS.length];
            String tracking = carrier + String.format("%08d", i);
            manifest.add(picked.get(i).replace("|", "") + "," + carrier + "," + tracking + ",2026-11-21T20:00:00+08:00,900");
            addEvents(events, i % CARRIERS.length, tracking);
        }
        // and parcels nobody shipped: their events wait
        for (int i = 0; i < 20; i++) {
            addEvents(events, i % CARRIERS.length, "NOMANIFEST" + i);
        }
        int distinct = events.size();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            events.add(events.get(random.nextInt(distinct)));
        }
        Collections.shuffle(events, random);
        events.add(0, "carrier_code,tracking_no,event_code,event_time,location,description");
        Path manifestFile = Files.writeString(tmp.resolve("manifest.csv"), String.join("\n", manifest) + "\n",
                StandardCharsets.UTF_8);
        Path eventsFile = Files.writeString(tmp.resolve("events.csv"), String.join("\n", events) + "\n",
                StandardCharsets.UTF_8);
        FulfilProcesses.Result shipped = run(template, List.of(), "import", "manifests", manifestFile.toString());
        assertThat(shipped.exitCode()).as(shipped.output()).isZero();

        Path clean = copy(template, "clean");
        FulfilProcesses.Result cleanRun = run(clean, SMALL_CHUNKS, "import", "carrier-events", eventsFile.toString());
        assertThat(cleanRun.exitCode()).as(cleanRun.output()).isZero();
        assertThat(count(clean, "SELECT COUNT(*) FROM carrier_event")).isEqualTo(distinct);
        List<String> expected = tracked(clean);

        Path killed = copy(template, "killed");
        Path log = tmp.resolve("killed.log");
        Process process = start(killed, SMALL_CHUNKS, "import", "carrier-events", eventsFile.toString())
                .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        // the apply step reports progress every three seconds: by then chunks have committed
        while (!(Files.exists(log) && Files.readString(log).contains("import-carrier-events: "))) {
            assertThat(process.isAlive()).as("the run ended before it could be killed: "
                    + Files.readString(tmp.resolve("killed.log"))).isTrue();
            assertThat(Instant.now()).as("no progress within three minutes").isBefore(deadline);
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(run(killed, List.of(), "check").exitCode()).as("invariants right after the kill").isZero();
        long afterKill = count(killed, "SELECT COUNT(*) FROM carrier_event");
        assertThat(afterKill).as("the kill left events unrecorded").isLessThan(distinct);
        long execution = count(killed, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        FulfilProcesses.Result restart = run(killed, SMALL_CHUNKS, "restart", "--force", String.valueOf(execution));

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(run(killed, List.of(), "check").exitCode()).isZero();
        assertThat(count(killed, "SELECT COUNT(*) FROM carrier_event")).as("each event once").isEqualTo(distinct);
        assertThat(tracked(killed)).isEqualTo(expected);
        assertThat(count(killed, "SELECT COUNT(*) FROM waiting_parcel")).isEqualTo(20);
    }

    private static void addEvents(List<String> events, int carrier, String tracking) {
        for (String[] e : SCRIPTS[carrier]) {
            events.add(String.join(",", CARRIERS[carrier], tracking, e[0],
                    String.format("2026-11-22T%02d:00:00+08:00", Integer.parseInt(e[1])), "杭州", "scan"));
        }
    }

    /** What the events changed: parcels, parents, recorded events, waiting parcels. */
    private static List<String> tracked(Path dataDir) throws SQLException {
        return rows(dataDir, List.of(
                """
                SELECT fulfilment_no, status, exception_from, delivered_at, last_event_at, carrier_code, tracking_no
                  FROM fulfilment_order ORDER BY fulfilment_no""",
                "SELECT order_no, status FROM customer_order ORDER BY order_no",
                """
                SELECT tracking_no, carrier_code, event_code, event_time, mapped_status, fulfilment_no FROM carrier_event
                 ORDER BY tracking_no, carrier_code, event_code, event_time""",
                "SELECT tracking_no, carrier_code, first_event_at FROM waiting_parcel ORDER BY tracking_no",
                "SELECT warehouse_code, sku_code, on_hand, allocated FROM stock ORDER BY warehouse_code, sku_code"));
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
