package io.fulfil.picking.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.imports.ImportChunkHook;
import io.fulfil.imports.ImportReport;
import io.fulfil.imports.ImportRow;
import io.fulfil.imports.Imports;
import io.fulfil.imports.InboxImports;
import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.split.Amounts;
import io.fulfil.split.job.SplitJobConfiguration;
import io.fulfil.support.Money;
import io.fulfil.support.files.FileRoots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import-picks job end to end on the sample data, on H2 and MySQL/MariaDB (subclasses): the sample
 * data is loaded and split, a wave is made by {@link WaveFixture}, and confirmation files written from
 * its pick lines are imported. After each import every CONTRACT §5 invariant is checked.
 */
@Import(PickImportFunctionalTests.FaultInjection.class)
abstract class PickImportFunctionalTests {

    static final List<String> TABLES = List.of("stock_movement", "pick_confirmation", "pick_line", "split_decision", "wave", "backorder",
            "fulfilment_line", "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse",
            "merchant");

    @Autowired Jobs jobs;
    @Autowired Imports imports;
    @Autowired InboxImports inbox;
    @Autowired ShopDataLoader loader;
    @Autowired InvariantChecks invariants;
    @Autowired JdbcTemplate jdbc;
    @Autowired FulfilmentOrders fulfilmentOrders;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired FailingChunk failingChunk;
    @Autowired FileRoots roots;
    @Autowired PickStore pickStore;

    @TempDir
    Path tmp;

    WaveFixture waves;
    String wave;

    /** Fails the apply chunk with the given number (1-based) once, before its commit; or runs an action as apply opens. */
    static final class FailingChunk implements ImportChunkHook {
        final AtomicInteger failAt = new AtomicInteger(-1);
        final AtomicInteger seen = new AtomicInteger();
        volatile Runnable beforeApply = () -> { };

        @Override
        public void chunkApplied(String jobName, List<? extends ImportRow> rows) {
            if (seen.incrementAndGet() == failAt.get()) {
                failAt.set(-1);
                throw new IllegalStateException("injected fault in chunk " + seen.get());
            }
        }

        @Override
        public void applyStarting(String jobName) {
            Runnable action = beforeApply;
            beforeApply = () -> { };
            action.run();
        }
    }

    @TestConfiguration
    static class FaultInjection {
        @Bean
        FailingChunk failingPickChunk() {
            return new FailingChunk();
        }
    }

    @BeforeEach
    void splitSampleDataAndMakeAWave() throws Exception {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        failingChunk.failAt.set(-1);
        failingChunk.seen.set(0);
        failingChunk.beforeApply = () -> { };
        LoadReport report = loader.load(Path.of("sample-data"));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jobs.start(SplitJobConfiguration.JOB_NAME, Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        waves = new WaveFixture(jdbc, new TransactionTemplate(transactionManager), fulfilmentOrders);
        // a unique wave number per test: job instances are per file content, and the repository is shared
        wave = waves.wave("WT" + Long.toString(System.nanoTime(), 36).toUpperCase(), 12);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void aWholeWavePickedInFullMakesItsOrdersPickedAndTheWaveCompleted() throws Exception {
        Path file = waves.confirmation(tmp.resolve("picks.csv"), wave, l -> quantity(l));
        int lines = waves.pickLines(wave).size();

        ImportReport report = imports.importFile("picks", file, false);

        assertThat(report.ok()).as(report.lines().toString()).isTrue();
        assertThat(report.applied()).isEqualTo(lines);
        assertThat(report.counts()).containsEntry("short picks", 0L);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE wave_no = ? AND status <> 'PICKED'", wave)).isZero();
        assertThat(jdbc.queryForMap("SELECT status, completed_at FROM wave WHERE wave_no = ?", wave))
                .containsEntry("STATUS", "COMPLETED").extractingByKey("COMPLETED_AT").isNotNull();
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE wave_no = ? AND picker = 'picker-7'"
                + " AND confirmed_at IS NOT NULL AND job_execution_id = " + report.executionId(), wave)).isEqualTo(lines);
        assertThat(invariants.check()).isEmpty();
        assertThat(tmp.resolve("picks.rejects.csv")).doesNotExist();

        // the same file again: the same job instance, already complete
        ImportReport again = imports.importFile("picks", file, false);
        assertThat(again.alreadyBy()).isEqualTo(report.executionId());
        assertThat(again.exitCode()).isZero();
        assertThat(again.lines().get(0)).contains("already imported by execution " + report.executionId());
        // the same rows in another file (other bytes): every row unchanged
        Path other = tmp.resolve("picks-again.csv");
        Files.writeString(other, Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"), StandardCharsets.UTF_8);
        ImportReport sameRows = imports.importFile("picks", other, false);
        assertThat(sameRows.ok()).as(sameRows.lines().toString()).isTrue();
        assertThat(sameRows.applied()).isZero();
        assertThat(sameRows.unchanged()).isEqualTo(lines);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void shortPicksMoveTheShortfallWithItsExactMoneyToTheBackorderAndTheNextSplitServesIt() throws Exception {
        List<Map<String, Object>> lines = waves.pickLines(wave);
        Map<String, Object> shortLine = lines.stream().filter(l -> quantity(l) >= 2).findFirst().orElseThrow();
        String shortFo = (String) shortLine.get("FULFILMENT_NO");
        int lineNo = ((Number) shortLine.get("FULFILMENT_LINE_NO")).intValue();
        Map<String, Object> before = jdbc.queryForMap("SELECT * FROM fulfilment_line WHERE fulfilment_no = ? AND line_no = ?",
                shortFo, lineNo);
        Map<String, Object> foBefore = jdbc.queryForMap("SELECT * FROM fulfilment_order WHERE fulfilment_no = ?", shortFo);
        String orderNo = (String) before.get("ORDER_NO");
        int orderLineNo = ((Number) before.get("ORDER_LINE_NO")).intValue();
        int backorderBefore = count("SELECT COALESCE(SUM(quantity), 0) FROM backorder WHERE order_no = ? AND order_line_no = "
                + orderLineNo, orderNo);
        Map<String, Object> stockBefore = stock(foBefore, shortLine);
        // another fulfilment order picked to zero in full
        String zeroFo = lines.stream().map(l -> (String) l.get("FULFILMENT_NO")).filter(no -> !no.equals(shortFo))
                .findFirst().orElseThrow();
        int qty = quantity(shortLine);

        Path file = waves.confirmation(tmp.resolve("short.csv"), wave, l -> seq(l) == seq(shortLine) ? qty - 1
                : zeroFo.equals(l.get("FULFILMENT_NO")) ? 0 : quantity(l));
        ImportReport report = imports.importFile("picks", file, false);

        assertThat(report.ok()).as(report.lines().toString()).isTrue();
        assertThat(report.counts().get("short picks")).isEqualTo(1 + count("SELECT COUNT(*) FROM pick_line WHERE fulfilment_no = ?", zeroFo));
        Amounts original = amounts(before);
        ShortPick expected = ShortPick.of(original, qty, qty - 1);
        assertThat(amounts(jdbc.queryForMap("SELECT * FROM fulfilment_line WHERE fulfilment_no = ? AND line_no = ?",
                shortFo, lineNo))).isEqualTo(expected.picked());
        assertThat(count("SELECT quantity FROM fulfilment_line WHERE fulfilment_no = ? AND line_no = " + lineNo, shortFo))
                .isEqualTo(qty - 1);
        assertThat(count("SELECT quantity FROM backorder WHERE order_no = ? AND order_line_no = " + orderLineNo, orderNo))
                .isEqualTo(backorderBefore + 1);
        assertThat(Money.toCents((java.math.BigDecimal) jdbc.queryForMap("SELECT goods_amount FROM fulfilment_order"
                + " WHERE fulfilment_no = ?", shortFo).get("GOODS_AMOUNT")))
                .isEqualTo(Money.toCents((java.math.BigDecimal) foBefore.get("GOODS_AMOUNT")) - expected.shortfall().goods());
        Map<String, Object> stockAfter = stock(foBefore, shortLine);
        assertThat(((Number) stockAfter.get("ON_HAND")).intValue()).isEqualTo(((Number) stockBefore.get("ON_HAND")).intValue() - 1);
        assertThat(jdbc.queryForMap("SELECT kind, actor, on_hand_change, allocated_change, reference FROM stock_movement"
                + " WHERE order_no = ? AND sku_code = ?", orderNo, shortLine.get("SKU_CODE")))
                .containsEntry("KIND", "SHORT_PICK").containsEntry("ACTOR", "picker-7")
                .containsEntry("REFERENCE", "wave " + wave + " pick_seq " + shortLine.get("PICK_SEQ"));
        assertThat(status(shortFo)).isEqualTo("PICKED");
        // picked to zero: cancelled, with one line kept as its record, and its amounts those of that line
        assertThat(status(zeroFo)).isEqualTo("CANCELLED");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_line WHERE fulfilment_no = ?", zeroFo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM wave WHERE wave_no = ?", String.class, wave)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, orderNo))
                .isIn("PARTIALLY_ALLOCATED", "BACKORDERED");
        assertThat(invariants.check()).isEmpty();

        // restock everything and split again: the backorder of the short-picked line is served
        jdbc.update("UPDATE stock SET on_hand = on_hand + 1000");
        assertThat(jobs.start(SplitJobConfiguration.JOB_NAME, Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = ? AND order_line_no = " + orderLineNo, orderNo)).isZero();
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void fullPicksWaitForNoLockOnTheirParentOrdersAndAShortPickWaitsForItsParent() throws Exception {
        List<Map<String, Object>> lines = waves.pickLines(wave);
        Map<String, Object> shortLine = lines.stream().filter(l -> quantity(l) >= 2).findFirst().orElseThrow();
        String shortParent = jdbc.queryForObject("SELECT order_no FROM fulfilment_order WHERE fulfilment_no = ?",
                String.class, shortLine.get("FULFILMENT_NO"));
        List<String> otherParents = jdbc.queryForList("SELECT DISTINCT order_no FROM fulfilment_order WHERE wave_no = ?"
                + " AND order_no <> ? ORDER BY order_no", String.class, wave, shortParent);
        assertThat(otherParents).isNotEmpty();
        // the short pick's order first, in a file of its own; then every other line picked in full
        int shortSeq = seq(shortLine);
        Path shortFile = waves.confirmation(tmp.resolve("short.csv"), wave, l -> !shortParent.equals(parentOf(l)) ? null
                : Integer.valueOf(seq(l) == shortSeq ? quantity(l) - 1 : quantity(l)));
        Path fullFile = waves.confirmation(tmp.resolve("full.csv"), wave, l -> shortParent.equals(parentOf(l)) ? null
                : Integer.valueOf(quantity(l)));

        // another transaction holds the other orders (a split serving their backorders, say): the full picks
        // do not wait for it; a roll-up would not change them
        try (ParentLocks held = ParentLocks.hold(transactionManager, jdbc, otherParents)) {
            ImportReport full = CompletableFuture.supplyAsync(() -> importUnchecked(fullFile)).get(30, TimeUnit.SECONDS);
            assertThat(full.ok()).as(full.lines().toString()).isTrue();
            assertThat(full.counts()).containsEntry("short picks", 0L);
        }
        // the short pick changes its order's backorder and status: it waits until the order's lock is free
        CompletableFuture<ImportReport> shortImport;
        try (ParentLocks held = ParentLocks.hold(transactionManager, jdbc, List.of(shortParent))) {
            shortImport = CompletableFuture.supplyAsync(() -> importUnchecked(shortFile));
            Thread.sleep(1500);
            assertThat(shortImport).isNotDone();
        }
        ImportReport shortReport = shortImport.get(30, TimeUnit.SECONDS);
        assertThat(shortReport.ok()).as(shortReport.lines().toString()).isTrue();
        assertThat(shortReport.counts()).containsEntry("short picks", 1L);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE wave_no = ? AND status <> 'PICKED'", wave)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, shortParent))
                .isIn("PARTIALLY_ALLOCATED", "BACKORDERED");
        assertThat(invariants.check()).isEmpty();
    }

    /** Row locks on parent orders, held by another thread's transaction until closed. */
    private static final class ParentLocks implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> holder;

        private ParentLocks(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, List<String> orderNos)
                throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager).executeWithoutResult(t -> {
                orderNos.forEach(no -> jdbc.queryForList("SELECT order_no FROM customer_order WHERE order_no = ? FOR UPDATE",
                        String.class, no));
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        }

        static ParentLocks hold(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, List<String> orderNos)
                throws InterruptedException {
            return new ParentLocks(transactionManager, jdbc, orderNos);
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    private String parentOf(Map<String, Object> line) {
        return jdbc.queryForObject("SELECT order_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                line.get("FULFILMENT_NO"));
    }

    @Test
    void aLinePickedToZeroLeavesItsFulfilmentOrder() throws Exception {
        Map<String, Object> line = waves.pickLines(wave).stream()
                .filter(l -> count("SELECT COUNT(*) FROM fulfilment_line WHERE fulfilment_no = ?", l.get("FULFILMENT_NO")) > 1)
                .findFirst().orElseThrow();
        String fo = (String) line.get("FULFILMENT_NO");
        int linesBefore = count("SELECT COUNT(*) FROM fulfilment_line WHERE fulfilment_no = ?", fo);

        ImportReport report = imports.importFile("picks", waves.confirmation(tmp.resolve("zero.csv"), wave,
                l -> seq(l) == seq(line) ? 0 : quantity(l)), false);

        assertThat(report.ok()).as(report.lines().toString()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM fulfilment_line WHERE fulfilment_no = ?", fo)).isEqualTo(linesBefore - 1);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_line WHERE fulfilment_no = ? AND line_no = "
                + line.get("FULFILMENT_LINE_NO"), fo)).isZero();
        assertThat(status(fo)).isEqualTo("PICKED");
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void everyKindOfBadRowIsRejectedAndNothingAppliedUnlessPartial() throws Exception {
        List<Map<String, Object>> lines = waves.pickLines(wave);
        String lastFo = (String) lines.get(lines.size() - 1).get("FULFILMENT_NO");
        assertThat(lastFo).isNotEqualTo(lines.get(0).get("FULFILMENT_NO"));
        // the fulfilment order of the last pick line is no longer WAVED
        new TransactionTemplate(transactionManager).executeWithoutResult(s ->
                fulfilmentOrders.move(fulfilmentOrders.lock(List.of(lastFo)).values(), FulfilmentStatus.PICKED));
        Path file = waves.fromTemplate("rejections.csv", tmp.resolve("bad.csv"), wave);

        ImportReport report = imports.importFile("picks", file, false);

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.applied()).isZero();
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation")).isZero();
        assertThat(report.rejects()).extracting(e -> e.line() + " " + e.column() + ": " + e.reason()).containsExactly(
                "3 wave_no: unknown wave 'NOWAVE'",
                "4 pick_seq: wave " + wave + " has no pick_seq 999",
                "5 fulfilment_no: unknown fulfilment order 'FO-NOBODY'",
                "6 sku_code: unknown SKU 'SKU-NOBODY'",
                "7 picked_qty: not a whole number: '1.5'",
                "8 picked_qty: must not be negative: '-1'",
                "9 picked_qty: picked_qty 99 is more than the " + quantityOf(lines, 6) + " to pick",
                "10 picker; picked_at: a value is required; a value is required",
                "11 picked_at: not an ISO-8601 timestamp with offset: '2026-11-21 10:15:00'",
                "12 pick_seq: wave " + wave + " pick_seq 1 is repeated in the file (first on line 2)",
                "13 fulfilment_no: fulfilment order " + lastFo + " is PICKED, not WAVED");
        List<String> rejects = Files.readAllLines(tmp.resolve("bad.rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rejects.get(0)).isEqualTo("\uFEFFline,column,value,reason");
        assertThat(rejects).hasSize(12).contains("7,picked_qty,1.5,not a whole number: '1.5'");
        assertThat(invariants.check()).isEmpty();

        ImportReport partial = imports.importFile("picks", file, true);

        assertThat(partial.status()).isEqualTo("COMPLETED");
        assertThat(partial.exitCode()).isEqualTo(1);
        assertThat(partial.applied()).isEqualTo(1);
        assertThat(partial.rejected()).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE pick_seq = 1 AND wave_no = ?", wave))
                .isEqualTo(1);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void filesThatAreEmptyLackAColumnOrAreNotUtf8AreRejectedWhole() throws Exception {
        for (String name : List.of("empty.csv", "missing-column.csv", "not-utf8.csv")) {
            Path file = Files.copy(Path.of("src/test/resources/picks", name), tmp.resolve(name));
            ImportReport report = imports.importFile("picks", file, true);
            assertThat(report.status()).as(name).isEqualTo("FAILED");
            assertThat(report.rejects()).as(name).hasSize(1);
            assertThat(report.rejects().get(0).line()).as(name).isLessThanOrEqualTo(2);
        }
        assertThat(imports.importFile("picks", tmp.resolve("missing-column.csv"), false).rejects().get(0).reason())
                .isEqualTo("required column is missing from the header");
        assertThat(imports.importFile("picks", tmp.resolve("not-utf8.csv"), false).rejects().get(0).reason())
                .startsWith("not UTF-8");
        assertThat(imports.importFile("picks", tmp.resolve("empty.csv"), false).rejects().get(0).reason())
                .contains("empty");
    }

    @Test
    void aRowConfirmedAgainWithOtherValuesIsRejected() throws Exception {
        assertThat(imports.importFile("picks", waves.confirmation(tmp.resolve("a.csv"), wave,
                l -> ((Number) l.get("PICK_SEQ")).intValue() == 1 ? quantity(l) : null), false).ok()).isTrue();

        ImportReport again = imports.importFile("picks", waves.confirmation(tmp.resolve("b.csv"), wave,
                l -> ((Number) l.get("PICK_SEQ")).intValue() == 1 ? quantity(l) - 1 : null), false);

        assertThat(again.status()).isEqualTo("FAILED");
        assertThat(again.rejects()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("picked_qty");
            assertThat(e.reason()).contains("was confirmed before with other values: picked_qty");
        });
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void aFileChangedBetweenValidationAndApplyIsRefused() throws Exception {
        Path file = waves.confirmation(tmp.resolve("changing.csv"), wave, l -> quantity(l));
        failingChunk.beforeApply = () -> {
            try {
                Files.writeString(file, Files.readString(file).replace("picker-7", "picker-8"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };

        ImportReport report = imports.importFile("picks", file, false);

        assertThat(report.status()).isEqualTo("FAILED");
        assertThat(report.failure()).contains("changing.csv changed since it was validated");
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation")).isZero();
    }

    @Test
    void anApplyThatFailsPartWayIsRestartedAndAppliesNoRowTwice() throws Exception {
        // chunk size 5 (subclass property): the wave's rows take several chunks
        Path file = waves.confirmation(tmp.resolve("restart.csv"), wave, l -> Math.max(0, quantity(l) - 1));
        int lines = waves.pickLines(wave).size();
        failingChunk.failAt.set(2);

        ImportReport failed = imports.importFile("picks", file, false);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("injected fault");
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation")).isEqualTo(5);
        assertThat(invariants.check()).isEmpty();
        int movementsBefore = count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHORT_PICK'");

        ImportReport restarted = imports.importFile("picks", file, false);

        assertThat(restarted.ok()).as(restarted.lines().toString()).isTrue();
        assertThat(restarted.applied()).isEqualTo(lines);
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation")).isEqualTo(lines);
        // one short-pick movement per short row, none twice
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHORT_PICK'")).isEqualTo(
                count("SELECT COUNT(*) FROM pick_line p JOIN pick_confirmation c ON c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq WHERE c.picked_qty < p.quantity"));
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHORT_PICK'")).isGreaterThanOrEqualTo(movementsBefore);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void twoImportsOfTheSameFileAtOnceApplyItOnce() throws Exception {
        Path file = waves.confirmation(tmp.resolve("twice.csv"), wave, l -> Math.max(0, quantity(l) - 1));

        CompletableFuture<ImportReport> first = CompletableFuture.supplyAsync(() -> importUnchecked(file));
        CompletableFuture<ImportReport> second = CompletableFuture.supplyAsync(() -> importUnchecked(file));

        assertThat(first.get().completed()).as(first.get().lines().toString()).isTrue();
        assertThat(second.get().completed()).as(second.get().lines().toString()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHORT_PICK'")).isEqualTo(
                count("SELECT COUNT(*) FROM pick_line p JOIN pick_confirmation c ON c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq WHERE c.picked_qty < p.quantity"));
        assertThat(count("SELECT COUNT(DISTINCT job_execution_id) FROM pick_confirmation")).isEqualTo(1);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void theInboxMovesImportedFilesToProcessedAndRejectedOnesToRejected() throws Exception {
        Path folder = roots.inboxFolder("picks");
        try (var old = Files.walk(folder)) {
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
        }
        Path done = waves.confirmation(tmp.resolve("0-done.csv"), wave, l -> ((Number) l.get("PICK_SEQ")).intValue() == 2
                ? quantity(l) : null);
        assertThat(imports.importFile("picks", done, false).ok()).isTrue();
        // a file imported before whose move was lost (a crash): moved now
        Files.copy(done, folder.resolve("0-done.csv"));
        waves.confirmation(folder.resolve("1-good.csv"), wave, l -> ((Number) l.get("PICK_SEQ")).intValue() == 1
                ? quantity(l) : null);
        Files.copy(Path.of("src/test/resources/picks/missing-column.csv"), folder.resolve("2-bad.csv"));
        Files.writeString(folder.resolve(".hidden.csv"), "ignored");
        Files.writeString(folder.resolve("old.rejects.csv"), "ignored");
        // a link to a file outside the inbox is not followed
        Path outside = waves.confirmation(tmp.resolve("outside.csv"), wave,
                l -> ((Number) l.get("PICK_SEQ")).intValue() == 3 ? quantity(l) : null);
        Files.createSymbolicLink(folder.resolve("3-link.csv"), outside);

        List<ImportReport> reports = inbox.importWaiting("picks");

        assertThat(reports).extracting(r -> r.file().getFileName().toString())
                .containsExactly("0-done.csv", "1-good.csv", "2-bad.csv");
        assertThat(reports.get(0).alreadyBy()).isNotNull();
        assertThat(folder.resolve("processed/0-done.csv")).exists();
        assertThat(folder.resolve("processed/1-good.csv")).exists();
        assertThat(folder.resolve("rejected/2-bad.csv")).exists();
        assertThat(folder.resolve("rejected/2-bad.rejects.csv")).exists();
        assertThat(reports.get(2).rejectsFile()).isEqualTo(folder.resolve("rejected/2-bad.rejects.csv"));
        assertThat(folder.resolve(".hidden.csv")).exists();
        assertThat(folder.resolve("old.rejects.csv")).exists();
        assertThat(Files.isSymbolicLink(folder.resolve("3-link.csv"))).isTrue();
        assertThat(folder.resolve("processed/3-link.csv")).doesNotExist();
        assertThat(InboxList.of(folder)).containsExactly("3-link.csv");
    }

    @Test
    void twoInboxRunsAtOnceImportEachFileOnceAndBothEnd() throws Exception {
        Path folder = roots.inboxFolder("picks");
        try (var old = Files.walk(folder)) {
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
        }
        for (int seq = 1; seq <= 4; seq++) {
            int only = seq;
            waves.confirmation(folder.resolve(seq + "-part.csv"), wave,
                    l -> ((Number) l.get("PICK_SEQ")).intValue() == only ? quantity(l) : null);
        }
        Files.copy(Path.of("src/test/resources/picks/missing-column.csv"), folder.resolve("5-bad.csv"));

        CompletableFuture<List<ImportReport>> first = CompletableFuture.supplyAsync(this::importInboxUnchecked);
        CompletableFuture<List<ImportReport>> second = CompletableFuture.supplyAsync(this::importInboxUnchecked);

        List<String> reported = new java.util.ArrayList<>();
        for (ImportReport r : first.get()) {
            reported.add(r.file().getFileName().toString());
        }
        for (ImportReport r : second.get()) {
            reported.add(r.file().getFileName().toString());
        }
        assertThat(reported).contains("1-part.csv", "2-part.csv", "3-part.csv", "4-part.csv", "5-bad.csv");
        assertThat(InboxList.of(folder)).isEmpty();
        assertThat(InboxList.of(folder.resolve("processed")))
                .containsExactlyInAnyOrder("1-part.csv", "2-part.csv", "3-part.csv", "4-part.csv");
        assertThat(InboxList.of(folder.resolve("rejected"))).containsExactly("5-bad.csv");
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE wave_no = '" + wave + "'"))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(DISTINCT job_execution_id) FROM pick_confirmation WHERE wave_no = '" + wave
                + "' AND picked_qty IS NOT NULL")).isEqualTo(4);
        assertThat(invariants.check()).isEmpty();
    }

    private List<ImportReport> importInboxUnchecked() {
        try {
            return inbox.importWaiting("picks");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV files left in a folder (not hidden, not rejects). */
    static final class InboxList {
        static List<String> of(Path folder) throws java.io.IOException {
            try (var files = Files.list(folder)) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(n -> !n.startsWith(".") && n.endsWith(".csv") && !n.endsWith(".rejects.csv")).toList();
            }
        }
    }

    private ImportReport importUnchecked(Path file) {
        try {
            return imports.importFile("picks", file, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int seq(Map<String, Object> line) {
        return ((Number) line.get("PICK_SEQ")).intValue();
    }

    static int quantity(Map<String, Object> line) {
        return ((Number) line.get("QUANTITY")).intValue();
    }

    private static int quantityOf(List<Map<String, Object>> lines, int pickSeq) {
        return lines.stream().filter(l -> ((Number) l.get("PICK_SEQ")).intValue() == pickSeq).mapToInt(l -> quantity(l))
                .findFirst().orElseThrow();
    }

    private Map<String, Object> stock(Map<String, Object> fo, Map<String, Object> line) {
        return jdbc.queryForMap("SELECT on_hand, allocated FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                fo.get("WAREHOUSE_CODE"), line.get("SKU_CODE"));
    }

    private static Amounts amounts(Map<String, Object> row) {
        return new Amounts(Money.toCents((java.math.BigDecimal) row.get("GOODS_AMOUNT")),
                Money.toCents((java.math.BigDecimal) row.get("DISCOUNT_AMOUNT")),
                Money.toCents((java.math.BigDecimal) row.get("SHIPPING_FEE")));
    }

    private String status(String fulfilmentNo) {
        return jdbc.queryForObject("SELECT status FROM fulfilment_order WHERE fulfilment_no = ?", String.class, fulfilmentNo);
    }

    /**
     * Only a holder of a fulfilment order's lock confirms its pick lines, so a second confirmation of a
     * line cannot happen through the import; should one slip in anyway, the insert meets the first one's
     * key and nothing of the chunk is recorded (on H2 and MySQL, whose batches fail differently).
     */
    @Test
    void aPickLineConfirmedTwiceIsADuplicateKeyAndNothingOfTheChunkIsRecorded() {
        List<Map<String, Object>> lines = waves.pickLines(wave);
        assertThat(lines).hasSizeGreaterThan(1);
        java.sql.Timestamp at = java.sql.Timestamp.valueOf("2026-12-01 10:15:00");
        jdbc.update("""
                INSERT INTO pick_confirmation (wave_no, pick_seq, picked_qty, picker, picked_at, confirmed_at,
                       job_execution_id) VALUES (?, ?, 1, 'someone else', ?, ?, 1)""",
                wave, lines.get(1).get("PICK_SEQ"), at, at);
        List<PickConfirmation> rows = lines.subList(0, 2).stream().map(l -> new PickConfirmation(1, wave,
                ((Number) l.get("PICK_SEQ")).intValue(), String.valueOf(l.get("FULFILMENT_NO")),
                String.valueOf(l.get("SKU_CODE")), ((Number) l.get("QUANTITY")).intValue(), "picker-7",
                at.toLocalDateTime())).toList();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> pickStore.confirm(rows, at.toLocalDateTime(), 99L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("confirmed by someone else meanwhile; nothing of this chunk is applied");
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE job_execution_id = 99")).isZero();
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE wave_no = ?", wave)).isEqualTo(1);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
