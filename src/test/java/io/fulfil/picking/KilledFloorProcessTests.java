package io.fulfil.picking;

import static org.assertj.core.api.Assertions.assertThat;

import static io.fulfil.support.FulfilProcesses.count;
import static io.fulfil.support.FulfilProcesses.rows;
import static io.fulfil.support.FulfilProcesses.run;
import static io.fulfil.support.FulfilProcesses.start;

import io.fulfil.support.FulfilProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse floor's jobs killed with SIGKILL part-way, as an operator would meet them: the command
 * line runs in separate JVMs on an embedded H2 file database. After each kill the invariants hold and
 * no half pick list is in the outbox; {@code restart --force} finishes the run, and the result equals
 * that of a run that was never killed. (Two processes importing one file at once are tested on MariaDB,
 * by MySqlPickImportFunctionalTests: two processes sharing an embedded H2 file is not a deployment.)
 */
class KilledFloorProcessTests {

    private static final String ORDERS = "2000";
    /**
     * Small waves and one per transaction, so that the run takes long enough to be killed part-way: it
     * is killed once it has reported progress, which it does after three seconds.
     */
    private static final List<String> SMALL_WAVES = List.of("-Dfulfil.wave.max-orders=2", "-Dfulfil.wave.chunk-size=1");
    /** One row per transaction, for the same reason (5,046 rows in chunks of ten took under three seconds). */
    private static final List<String> SMALL_CHUNKS = List.of("-Dfulfil.import.chunk-size=1");

    @TempDir
    Path tmp;

    /** The generated orders, split once for both tests and copied for each run. */
    @TempDir
    static Path shared;

    private static Path splitTemplate;
    private static Path wavedTemplate;

    @Test
    void aKilledWaveRunIsRestartedAndEndsAsARunThatWasNeverKilled() throws Exception {
        List<String> expected = waves(wavedData("clean"));

        Path killed = splitData("killed");
        killPartWay(killed, SMALL_WAVES, "wave: ", "run", "wave");

        assertThat(run(killed, List.of(), "check").exitCode()).as("invariants right after the kill").isZero();
        assertThat(count(killed, "SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'"))
                .as("the kill left work undone").isPositive();
        assertNoHalfFile(killed);
        long execution = count(killed, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        FulfilProcesses.Result restart = run(killed, SMALL_WAVES, "restart", "--force", String.valueOf(execution));

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(run(killed, List.of(), "check").exitCode()).isZero();
        assertThat(waves(killed)).isEqualTo(expected);
        assertThat(count(killed, "SELECT COUNT(*) FROM wave WHERE status <> 'RELEASED'")).isZero();
        assertNoHalfFile(killed);
        assertThat(pickListFiles(killed)).hasSize((int) count(killed, "SELECT COUNT(*) FROM wave"));
    }

    @Test
    void aKilledImportIsRestartedAndAppliesNoRowTwice() throws Exception {
        Path clean = wavedData("clean-import");
        Path picks = tmp.resolve("picks.csv");
        assertThat(run(clean, List.of(), "generate", "--pick-confirmations", picks.toString(), "--short-every", "7")
                .exitCode()).isZero();
        Path killed = wavedData("killed-import");
        assertThat(run(clean, List.of(), "import", "picks", picks.toString()).exitCode()).isZero();
        List<String> expected = confirmed(clean);

        killPartWay(killed, SMALL_CHUNKS, "import-picks: ", "import", "picks", picks.toString());

        assertThat(run(killed, List.of(), "check").exitCode()).as("invariants right after the kill").isZero();
        assertThat(count(killed, "SELECT COUNT(*) FROM pick_line p WHERE NOT EXISTS (SELECT 1 FROM pick_confirmation c"
                + " WHERE c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq)"))
                .as("the kill left rows unapplied").isPositive();
        long execution = count(killed, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        // restarted with the default chunks: the position saved is in rows, whatever the chunk size
        FulfilProcesses.Result restart = run(killed, List.of(), "restart", "--force", String.valueOf(execution));

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(run(killed, List.of(), "check").exitCode()).isZero();
        assertThat(confirmed(killed)).isEqualTo(expected);

    }

    /** A copy of a database with the generated orders split, ready for the floor. */
    private Path splitData(String name) throws Exception {
        return copy(splitTemplate(), name);
    }

    private static synchronized Path splitTemplate() throws Exception {
        if (splitTemplate == null) {
            // a directory of its own each attempt, so that a second test after a failed attempt fails for the same reason
            Path dir = Files.createTempDirectory(shared, "split");
            assertThat(run(dir, List.of(), "generate", "--orders", ORDERS, "--seed", "11").exitCode()).isZero();
            assertThat(run(dir, List.of(), "run", "split").exitCode()).isZero();
            splitTemplate = dir;
        }
        return splitTemplate;
    }

    /**
     * A copy of a database with the generated orders split and waved by a run that was not killed: the
     * wave test's expected outcome and the import test's starting point, made once for both.
     */
    private Path wavedData(String name) throws Exception {
        return copy(wavedTemplate(), name);
    }

    private static synchronized Path wavedTemplate() throws Exception {
        if (wavedTemplate == null) {
            Path dir = FulfilProcesses.copy(splitTemplate(), Files.createTempDirectory(shared, "waved"));
            assertThat(run(dir, SMALL_WAVES, "run", "wave").exitCode()).isZero();
            wavedTemplate = dir;
        }
        return wavedTemplate;
    }

    /** Starts the command, waits until it reports progress (chunks have committed), then kills it. */
    private void killPartWay(Path dataDir, List<String> options, String progress, String... args) throws Exception {
        Path output = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process run = start(dataDir, options, args).redirectOutput(output.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!(Files.exists(output) && Files.readString(output).contains(progress))) {
            assertThat(run.isAlive()).as("the run ended before it could be killed: " + Files.readString(output)).isTrue();
            assertThat(Instant.now()).as("no progress within three minutes").isBefore(deadline);
            Thread.sleep(50);
        }
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Every pick list in the outbox is whole: a header and a row per pick line; no hidden part file. */
    private static void assertNoHalfFile(Path dataDir) throws Exception {
        Path root = dataDir.resolve("outbox").resolve("pick-lists");
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || !n.endsWith(".csv")).toList()).isEmpty();
        }
        // one query for every wave's line count: a connection per file costs the file database's open and close
        List<String> linesPerWave = rows(dataDir, List.of("SELECT wave_no, COUNT(*) FROM pick_line GROUP BY wave_no"));
        for (Path file : pickListFiles(dataDir)) {
            String wave = file.getFileName().toString().replace(".csv", "");
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(linesPerWave).as(file.toString()).contains(wave + "|" + (lines.size() - 1) + "|");
        }
    }

    private static List<Path> pickListFiles(Path dataDir) throws IOException {
        Path root = dataDir.resolve("outbox").resolve("pick-lists");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private Path copy(Path from, String name) throws IOException {
        return FulfilProcesses.copy(from, tmp.resolve(name));
    }

    /** Which fulfilment order is in which wave and slot, and each wave's shape. */
    private static List<String> waves(Path dataDir) throws SQLException {
        return rows(dataDir, List.of(
                "SELECT wave_no, warehouse_code, temperature_zone, kind, order_count, line_count FROM wave ORDER BY wave_no",
                "SELECT fulfilment_no, status, wave_no, wave_slot FROM fulfilment_order ORDER BY fulfilment_no",
                "SELECT wave_no, pick_seq, fulfilment_no, sku_code, quantity, slot FROM pick_line ORDER BY wave_no, pick_seq"));
    }

    /** What the confirmations changed: pick lines, statuses, lines, backorders, stock, short-pick movements. */
    private static List<String> confirmed(Path dataDir) throws SQLException {
        return rows(dataDir, List.of(
                "SELECT p.wave_no, p.pick_seq, c.picked_qty, c.picker, c.picked_at FROM pick_line p LEFT JOIN pick_confirmation c"
                        + " ON c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq ORDER BY p.wave_no, p.pick_seq",
                "SELECT wave_no, status FROM wave ORDER BY wave_no",
                "SELECT order_no, status FROM customer_order ORDER BY order_no",
                """
                SELECT fo.fulfilment_no, fo.status, fo.paid_amount, l.line_no, l.quantity, l.paid_amount
                  FROM fulfilment_order fo JOIN fulfilment_line l ON l.fulfilment_no = fo.fulfilment_no
                 ORDER BY fo.fulfilment_no, l.line_no""",
                "SELECT order_no, order_line_no, quantity, paid_amount FROM backorder ORDER BY order_no, order_line_no",
                "SELECT warehouse_code, sku_code, on_hand, allocated FROM stock ORDER BY warehouse_code, sku_code",
                """
                SELECT warehouse_code, sku_code, reference, on_hand_change FROM stock_movement
                 WHERE kind = 'SHORT_PICK' ORDER BY reference"""));
    }
}
