package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;

import static io.fulfil.support.FulfilProcesses.count;
import static io.fulfil.support.FulfilProcesses.rows;
import static io.fulfil.support.FulfilProcesses.run;
import static io.fulfil.support.FulfilProcesses.start;

import io.fulfil.support.FulfilProcesses;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split whose process is killed (SIGKILL) part-way through, as an operator would meet it: the
 * command line is run in separate JVMs on an embedded H2 file database. After the kill the
 * invariants hold; {@code restart --force} finishes the run; the result equals that of a run that
 * was never killed.
 */
class KilledSplitProcessTests {

    private static final String ORDERS = "20000";
    private static final List<String> SMALL_CHUNKS = List.of("-Dfulfil.split.chunk-size=100");

    @TempDir
    Path tmp;

    @Test
    void aKilledRunIsRestartedFromTheJobRepositoryAndAllocatesNothingTwice() throws Exception {
        Path clean = tmp.resolve("clean");
        assertThat(fulfil(clean, "generate", "--orders", ORDERS, "--seed", "7").exitCode()).isZero();
        Path killed = FulfilProcesses.copy(clean, tmp.resolve("killed"));
        assertThat(fulfil(clean, "run", "split").exitCode()).isZero();
        List<String> expected = snapshot(clean);

        Path output = tmp.resolve("killed-run.log");
        Process run = start(killed, SMALL_CHUNKS, "run", "split").redirectOutput(output.toFile()).start();
        waitForCommittedChunks(output, run);
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        FulfilProcesses.Result afterKill = fulfil(killed, "check");
        assertThat(afterKill.exitCode()).as("invariants right after the kill: " + afterKill.output()).isZero();
        assertThat(count(killed, "SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'"))
                .as("the kill left work undone").isPositive();
        long execution = count(killed, "SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        FulfilProcesses.Result restart = fulfil(killed, "restart", "--force", String.valueOf(execution));

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains(" COMPLETED in ");
        FulfilProcesses.Result afterRestart = fulfil(killed, "check");
        assertThat(afterRestart.exitCode()).as(afterRestart.output()).isZero();
        assertThat(snapshot(killed)).isEqualTo(expected);
    }

    /**
     * Waits until the run reports progress (so chunks have committed) but has not finished, so the
     * kill lands part-way. It watches the run's output, not the database: a connection from this JVM
     * could make it the database's host (H2 AUTO_SERVER) and outlive the killed run's session.
     */
    private void waitForCommittedChunks(Path output, Process run) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(run.isAlive()).as("the run ended before it could be killed").isTrue();
            if (java.nio.file.Files.exists(output) && java.nio.file.Files.readString(output).contains("split: ")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run reported no progress within two minutes");
    }

    /**
     * Statuses, fulfilment lines, backorders and stock, one string per row. A fulfilment order is named
     * by its order and its place among the order's: the killed run's unused numbers leave gaps.
     */
    private static List<String> snapshot(Path dataDir) throws SQLException {
        return rows(dataDir, List.of(
                "SELECT order_no, status FROM customer_order ORDER BY order_no",
                """
                SELECT fo.order_no, DENSE_RANK() OVER (PARTITION BY fo.order_no ORDER BY fo.fulfilment_no) AS nth,
                       fo.warehouse_code, l.order_line_no, l.sku_code, l.quantity, l.paid_amount
                  FROM fulfilment_order fo JOIN fulfilment_line l ON l.fulfilment_no = fo.fulfilment_no
                 ORDER BY fo.order_no, nth, l.line_no""",
                "SELECT order_no, order_line_no, quantity, paid_amount FROM backorder ORDER BY order_no, order_line_no",
                "SELECT warehouse_code, sku_code, on_hand, allocated FROM stock ORDER BY warehouse_code, sku_code"));
    }

    private static FulfilProcesses.Result fulfil(Path dataDir, String... args) throws Exception {
        return run(dataDir, SMALL_CHUNKS, args);
    }
}
