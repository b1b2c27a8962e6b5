package io.fulfil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.split.job.SplitChunkHook;
import io.fulfil.split.job.SplitSettings;
import io.fulfil.support.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's commands about runs ({@code runs}, {@code restart}, {@code stop}, {@code abandon})
 * as a script sees them: output, one-line reasons and exit codes (0 ok, 1 refused or failed, 2 bad
 * usage), on a split of the sample data that fails or is stopped part-way. The commands run in the
 * test's application context; the job repository is what they share with the run, as a command on
 * another machine would.
 */
@Import(OperatorCommandsFunctionalTests.Hooks.class)
abstract class OperatorCommandsFunctionalTests {

    static final List<String> TABLES = List.of("stock_movement", "pick_confirmation", "pick_line", "split_decision", "wave", "backorder",
            "fulfilment_line", "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse",
            "merchant");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ConfigurableApplicationContext context;
    @Autowired Jobs jobs;
    @Autowired ShopDataLoader loader;
    @Autowired InvariantChecks invariants;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChunkHook hook;
    @Autowired SplitSettings splitSettings;
    @Autowired Database database;

    /** Fails the split's chunk number {@code failAt} before it commits, or runs {@code action} as chunk {@code actAt} begins. */
    static final class ChunkHook implements SplitChunkHook {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        volatile int failAt = -1;
        volatile int actAt = -1;
        volatile Runnable action = () -> { };

        @Override
        public void chunkStarting(List<String> orderNos) {
            if (started.incrementAndGet() == actAt) {
                // on a thread (and so a connection) of its own, as another process would
                CompletableFuture.runAsync(action).join();
            }
        }

        @Override
        public void chunkWritten(List<String> orderNos) {
            if (written.incrementAndGet() == failAt) {
                throw new IllegalStateException("injected fault in chunk " + failAt,
                        new SQLException("disk full on the test database"));
            }
        }
    }

    @TestConfiguration
    static class Hooks {
        @Bean
        ChunkHook operatorCommandsChunkHook() {
            return new ChunkHook();
        }
    }

    record Out(int exit, String out, String err) {
    }

    @BeforeEach
    void noHooks() {
        hook.started.set(0);
        hook.written.set(0);
        hook.failAt = -1;
        hook.actAt = -1;
        hook.action = () -> { };
    }

    /** The sample data, fresh, for a test that runs a split. */
    void freshSampleData() {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        LoadReport report = loader.load(Path.of("sample-data"));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
    }

    @Test
    void aFailedRunIsShownListedAndRestartedFromTheCommandLineAndWhatCannotBeDoneIsRefused() throws Exception {
        freshSampleData();
        hook.failAt = 2;
        Out run = cli("run", "split");
        long id = latestSplit();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("fulfil: split execution " + id + " FAILED: IllegalStateException: injected fault"
                        + " in chunk 2 (cause: SQLException: disk full on the test database); after fixing the cause:"
                        + " fulfil restart " + id + " (details: fulfil runs " + id + ")")
                .as("no trace and no Spring Batch lines on the terminal")
                .doesNotContain("\tat ").doesNotContain("Encountered an error executing step");
        String log = Files.readString(Path.of("data/logs/fulfil.log"));
        assertThat(log).as("the log file names the run in its lines and keeps the trace")
                .contains("[split #" + id + " splitOrders] Step: [splitOrders] executed in")
                .contains("Caused by: java.sql.SQLException: disk full on the test database");
        Out shown = cli("runs", String.valueOf(id));
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("execution " + id + " of split").contains("FAILED")
                .contains("failure: IllegalStateException: injected fault in chunk 2")
                .contains("cause:   SQLException: disk full on the test database")
                .contains("resume it with: fulfil restart " + id);
        JsonNode json = JSON.readTree(cli("runs", String.valueOf(id), "--json").out());
        assertThat(json.get("execution_id").asLong()).isEqualTo(id);
        assertThat(json.get("status").asString()).isEqualTo("FAILED");
        JsonNode step = json.get("steps").get(0);
        assertThat(step.get("step").asString()).isEqualTo("splitOrders");
        assertThat(step.get("commits").asLong()).isPositive();
        assertThat(step.get("written").asLong()).isPositive();
        assertThat(step.get("failure").get("message").asString()).isEqualTo("IllegalStateException: injected fault in chunk 2");
        assertThat(step.get("failure").get("cause").asString()).isEqualTo("SQLException: disk full on the test database");
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isPositive();

        Out restart = cli("restart", String.valueOf(id));

        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.out()).contains("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isZero();
        assertThat(invariants.check()).isEmpty();
        long completed = latestSplit();

        // the list: by job, status and time, as a table and as JSON
        JsonNode failedSplits = JSON.readTree(cli("runs", "--job", "split", "--status", "FAILED", "--json").out());
        assertThat(failedSplits.isArray()).isTrue();
        assertThat(ids(failedSplits)).contains(id).doesNotContain(completed);
        failedSplits.forEach(r -> {
            assertThat(r.get("job").asString()).isEqualTo("split");
            assertThat(r.get("status").asString()).isEqualTo("FAILED");
        });
        assertThat(ids(JSON.readTree(cli("runs", "--job", "wave", "--json").out()))).doesNotContain(id, completed);
        assertThat(ids(JSON.readTree(cli("runs", "--since", "1h", "--limit", "1", "--json").out())))
                .containsExactly(completed);
        assertThat(JSON.readTree(cli("runs", "--until", "2000-01-01", "--json").out()).size()).isZero();
        Out table = cli("runs", "--status", "failed", "--job", "split");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("EXECUTION").containsPattern("(?m)^" + id + " +split +FAILED")
                .doesNotContainPattern("(?m)^" + completed + " ");

        // what cannot be done: exit 1 and the reason
        Out again = cli("restart", String.valueOf(id));
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("fulfil: execution " + id + " (split) was already restarted as execution "
                + completed + ", which is COMPLETED");
        Out done = cli("restart", String.valueOf(completed));
        assertThat(done.exit()).isEqualTo(1);
        assertThat(done.err()).contains("execution " + completed + " (split) completed, so there is nothing to restart");
        for (String command : List.of("restart", "stop", "abandon", "runs")) {
            Out missing = cli(command, "999999");
            assertThat(missing.exit()).as(command).isEqualTo(1);
            assertThat(missing.err().strip()).as(command).isEqualTo("fulfil: there is no execution 999999 (see: fulfil runs)");
        }
        Out stop = cli("stop", String.valueOf(completed));
        assertThat(stop.exit()).isEqualTo(1);
        assertThat(stop.err()).contains("is COMPLETED, not running; there is nothing to stop");
        Out abandon = cli("abandon", String.valueOf(completed));
        assertThat(abandon.exit()).isEqualTo(1);
        assertThat(abandon.err()).contains("completed; only a stopped or failed execution can be abandoned");
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        for (List<String> args : List.of(List.of("runs", "--status", "SLEEPING"), List.of("runs", "--since", "yesterday"),
                List.of("runs", "--limit", "0"), List.of("runs", "--frobnicate"), List.of("restart"),
                List.of("stop", "twelve"), List.of("runs", "12", "--job", "split"))) {
            Out out = cli(args.toArray(String[]::new));
            assertThat(out.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(out.err().strip()).as(String.join(" ", args)).startsWith("fulfil: ").doesNotContain("\n");
        }
        assertThat(cli("runs", "--status", "SLEEPING").err()).contains("'SLEEPING' is no status; statuses: COMPLETED");
    }

    @Test
    void aRunningSplitAskedToStopEndsStoppedAfterItsChunkAndRestartFinishesIt() throws Exception {
        freshSampleData();
        List<Out> duringTheRun = new ArrayList<>();
        hook.actAt = 2;
        hook.action = () -> {
            String id = String.valueOf(latestSplit());
            duringTheRun.add(cli("abandon", id));
            duringTheRun.add(cli("stop", id));
            duringTheRun.add(cli("stop", id));
        };

        JobExecution run = jobs.start("split", Map.of());

        assertThat(duringTheRun.get(0).exit()).isEqualTo(1);
        assertThat(duringTheRun.get(0).err()).contains("is STARTED, so its process may still be running; stop it first");
        assertThat(duringTheRun.get(1).exit()).as(duringTheRun.get(1).err()).isZero();
        assertThat(duringTheRun.get(1).out()).contains("is STOPPING");
        assertThat(duringTheRun.get(2).exit()).as("asking twice is no error").isZero();
        assertThat(run.getStatus()).isEqualTo(BatchStatus.STOPPED);
        // The step hands each chunk to one of its writers and takes the next without waiting, until
        // all writers are busy; so while chunk 2's writer is held by the stop, the step may already
        // have handed over chunks 3 .. 1 + writers, and one more (whose hand-over waits for chunk 2 to
        // commit) before it sees the stop. How far it gets inside that bound is a matter of timing.
        int writers = splitSettings.writersFor(database);
        assertThat(run.getStepExecutions()).singleElement()
                .satisfies(step -> assertThat(step.getCommitCount())
                        .as("the chunk being written when asked and those handed over while it was, no more")
                        .isBetween(2L, 2L + writers));
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isPositive();
        assertThat(invariants.check()).isEmpty();
        assertThat(cli("runs", String.valueOf(run.getId())).out()).contains("STOPPED")
                .contains("resume it with: fulfil restart " + run.getId());

        Out restart = cli("restart", String.valueOf(run.getId()));

        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isZero();
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void anAbandonedRunIsNeverRestarted() throws Exception {
        freshSampleData();
        hook.failAt = 1;
        cli("run", "split");
        long failed = latestSplit();
        hook.failAt = -1;

        Out abandon = cli("abandon", String.valueOf(failed));

        assertThat(abandon.exit()).isZero();
        assertThat(abandon.out()).contains("is ABANDONED");
        Out restart = cli("restart", String.valueOf(failed));
        assertThat(restart.exit()).isEqualTo(1);
        assertThat(restart.err().strip()).isEqualTo("fulfil: execution " + failed + " (split) was abandoned, which marks"
                + " it never to be restarted; a new run is: fulfil run split");
    }

    /** Runs a command as {@code scripts/fulfil} would, in this test's application context. */
    Out cli(String... args) {
        synchronized (OperatorCommandsFunctionalTests.class) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
            ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int exit;
            try {
                AppContext.borrow(context);
                exit = FulfilCommandLine.execute(args);
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            return new Out(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        }
    }

    private long latestSplit() {
        return jdbc.queryForObject("""
                SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                  JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'split'""", Long.class);
    }

    private static List<Long> ids(JsonNode runs) {
        List<Long> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.get("execution_id").asLong()));
        return ids;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
