package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.reference.SkuCatalog;
import io.fulfil.split.PaidOrder;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLedger;
import io.fulfil.support.KeyLists;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The split job end to end on the sample data, run against H2 and MySQL/MariaDB by the subclasses:
 * a clean run, a second run, a restock, a run that fails part-way and is restarted, a run whose
 * process "died", and two runs at once. After each, every CONTRACT §5 invariant is checked, and the
 * outcome is compared with that of one clean run.
 */
@Import(SplitJobFunctionalTests.FaultInjection.class)
abstract class SplitJobFunctionalTests {

    static final List<String> TABLES = List.of("stock_movement", "pick_confirmation", "pick_line", "split_decision", "wave", "backorder",
            "fulfilment_line",
            "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse", "merchant");

    @Autowired
    Jobs jobs;

    @Autowired
    ShopDataLoader loader;

    @Autowired
    InvariantChecks invariants;

    @Autowired
    io.fulfil.ops.OrderExplanation explanation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    KeyLists keyLists;

    @Autowired
    SplitStore splitStore;

    @Autowired
    FailingChunk failingChunk;

    @Autowired
    StockLedger stockLedger;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    /**
     * Fails the chunk with the given number (1-based) once, after its rows are written, before commit;
     * or runs an action, on another connection, before the chunk with the given number begins.
     */
    static final class FailingChunk implements SplitChunkHook {
        final AtomicInteger failAt = new AtomicInteger(-1);
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger actAt = new AtomicInteger(-1);
        volatile Runnable action = () -> { };
        /** Like {@link #action}, given the order numbers of the chunk about to be written. */
        volatile java.util.function.Consumer<List<String>> chunkAction = orderNos -> { };
        final List<String> ordersFromActionOn = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void chunkStarting(List<String> orderNos) {
            int chunk = started.incrementAndGet();
            if (chunk == actAt.get()) {
                CompletableFuture.runAsync(action).join();
                CompletableFuture.runAsync(() -> chunkAction.accept(orderNos)).join();
            }
            if (actAt.get() > 0 && chunk >= actAt.get()) {
                ordersFromActionOn.addAll(orderNos);
            }
        }

        @Override
        public void chunkWritten(List<String> orderNos) {
            if (seen.incrementAndGet() == failAt.get()) {
                failAt.set(-1);
                throw new IllegalStateException("injected fault in chunk " + seen.get());
            }
        }
    }

    @TestConfiguration
    static class FaultInjection {
        @Bean
        FailingChunk failingChunk() {
            return new FailingChunk();
        }
    }

    @BeforeEach
    void freshSampleData() {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        failingChunk.failAt.set(-1);
        failingChunk.seen.set(0);
        failingChunk.started.set(0);
        failingChunk.actAt.set(-1);
        failingChunk.action = () -> { };
        failingChunk.chunkAction = orderNos -> { };
        failingChunk.ordersFromActionOn.clear();
        LoadReport report = loader.load(Path.of("sample-data"));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
    }

    @Test
    void splitsTheSampleDataAndKeepsEveryInvariant() throws Exception {
        JobExecution run = split();

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invariants.check()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PENDING_PAYMENT'")).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT order_no FROM customer_order WHERE status = 'ON_HOLD'", String.class))
                .containsExactlyInAnyOrder("SO2026112001329", "SO2026112101137", "SO2026112102062",
                        "SO2026112101107", "SO2026112102277");
        assertThat(jdbc.queryForList("SELECT hold_reason FROM customer_order WHERE status = 'ON_HOLD'", String.class))
                .allSatisfy(reason -> assertThat(reason).startsWith("inconsistent amounts"));
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM backorder")).isPositive();
        // one merchant, one zone per fulfilment order, and only from an active warehouse supporting the zone
        assertThat(count("""
                SELECT COUNT(*) FROM fulfilment_line l
                  JOIN fulfilment_order fo ON fo.fulfilment_no = l.fulfilment_no
                  JOIN sku s ON s.sku_code = l.sku_code
                  JOIN warehouse w ON w.warehouse_code = fo.warehouse_code
                 WHERE s.merchant_code <> fo.merchant_code OR s.temperature_zone <> fo.temperature_zone
                    OR w.active = FALSE OR w.temperature_zones NOT LIKE CONCAT('%', fo.temperature_zone, '%')""")).isZero();
        // a decision per merchant + zone group of every split order
        assertThat(count("""
                SELECT COUNT(*) FROM customer_order o WHERE o.status NOT IN ('ON_HOLD', 'PENDING_PAYMENT')
                   AND NOT EXISTS (SELECT 1 FROM split_decision d WHERE d.order_no = o.order_no)""")).isZero();
    }

    @Test
    void anUnknownParameterIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> jobs.start(SplitJobConfiguration.JOB_NAME, Map.of("chunk.sise", "10")))
                .hasMessageContaining("unknown parameter(s) for job split: chunk.sise");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order")).isZero();
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        split();
        Map<String, Object> before = snapshot();

        JobExecution again = split();

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void restockedBackordersAreAllocatedByTheNextRun() throws Exception {
        split();
        int backordersBefore = count("SELECT COALESCE(SUM(quantity), 0) FROM backorder");
        LoadReport restock = loader.load(Path.of("sample-data/restock"));
        assertThat(restock.hasErrors()).as(restock.summary()).isFalse();

        split();

        assertThat(count("SELECT COALESCE(SUM(quantity), 0) FROM backorder")).isLessThan(backordersBefore);
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void fulfilmentNumbersGrowInServingOrderAndFromRunToRun() throws Exception {
        split();
        // the first run numbers its fulfilment orders in the order it serves the orders (CONTRACT §3.1)
        List<String> byNumber = jdbc.queryForList("""
                SELECT fo.order_no FROM fulfilment_order fo ORDER BY fo.fulfilment_no""", String.class);
        List<String> byServingOrder = jdbc.queryForList("""
                SELECT fo.order_no FROM fulfilment_order fo JOIN customer_order o ON o.order_no = fo.order_no
                 ORDER BY CASE o.priority WHEN 'EXPRESS' THEN 0 ELSE 1 END, o.paid_at, o.order_no,
                       fo.fulfilment_no""", String.class);
        assertThat(byNumber).isEqualTo(byServingOrder);
        assertThat(byNumber.get(0)).isNotEqualTo(jdbc.queryForObject(
                "SELECT MIN(order_no) FROM fulfilment_order", String.class));
        String lastOfFirstRun = jdbc.queryForObject("SELECT MAX(fulfilment_no) FROM fulfilment_order", String.class);
        assertThat(lastOfFirstRun).matches("F\\d{10}");

        LoadReport restock = loader.load(Path.of("sample-data/restock"));
        assertThat(restock.hasErrors()).as(restock.summary()).isFalse();
        split();

        List<String> secondRun = jdbc.queryForList(
                "SELECT fulfilment_no FROM fulfilment_order WHERE fulfilment_no > ?", String.class, lastOfFirstRun);
        assertThat(secondRun).isNotEmpty().allSatisfy(no -> assertThat(no).matches("F\\d{10}"));
        assertThat(count("SELECT COUNT(DISTINCT fulfilment_no) FROM fulfilment_order"))
                .isEqualTo(count("SELECT COUNT(*) FROM fulfilment_order"));
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void splitKeysGrowInServingOrderAndAReSplitKeepsTheOrdersKey() throws Exception {
        split();
        // every order split gets its chunk's key, and its fulfilment orders and decisions carry it
        assertThat(count("""
                SELECT COUNT(*) FROM customer_order
                 WHERE (split_key IS NULL) <> (status IN ('PENDING_PAYMENT', 'ON_HOLD'))""")).isZero();
        List<Long> byServingOrder = jdbc.queryForList("""
                SELECT split_key FROM customer_order WHERE split_key IS NOT NULL
                 ORDER BY CASE priority WHEN 'EXPRESS' THEN 0 ELSE 1 END, paid_at, order_no""", Long.class);
        assertThat(byServingOrder).isSorted();
        assertThat(byServingOrder.stream().distinct().count()).isGreaterThan(1);
        assertThat(invariants.partsFoundThroughTheirOrder()).isEmpty();
        Map<String, Object> keysBefore = new java.util.HashMap<>();
        jdbc.queryForList("SELECT order_no, split_key FROM customer_order WHERE split_key IS NOT NULL")
                .forEach(row -> keysBefore.put((String) row.get("order_no"), row.get("split_key")));
        String lastOfFirstRun = jdbc.queryForObject("SELECT MAX(fulfilment_no) FROM fulfilment_order", String.class);

        LoadReport restock = loader.load(Path.of("sample-data/restock"));
        assertThat(restock.hasErrors()).as(restock.summary()).isFalse();
        split();

        // the re-split orders' new fulfilment orders went under the key each order already had
        String resplit = jdbc.queryForObject("SELECT MIN(order_no) FROM fulfilment_order WHERE fulfilment_no > ?",
                String.class, lastOfFirstRun);
        assertThat(resplit).isNotNull();
        // and explain finds them and both decisions through the order's key
        String explained = String.join("\n", explanation.explain(resplit));
        jdbc.queryForList("SELECT fulfilment_no FROM fulfilment_order WHERE order_no = ?", String.class, resplit)
                .forEach(no -> assertThat(explained).contains("  " + no + " from "));
        assertThat(explained).contains("Decisions:", "  #1 run ", "  #2 run ");
        // a part that lost its order's key is one the lookups cannot find: check says which
        jdbc.update("UPDATE fulfilment_order SET split_key = split_key + 1 WHERE order_no = ?", resplit);
        assertThat(invariants.partsFoundThroughTheirOrder()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.detail()).contains("of order " + resplit));
        // and explain, which looks through the key, no longer finds them
        assertThat(explanation.explain(resplit)).contains("Fulfilment orders: none");
        jdbc.update("UPDATE fulfilment_order SET split_key = split_key - 1 WHERE order_no = ?", resplit);
        jdbc.queryForList("SELECT order_no, split_key FROM customer_order WHERE split_key IS NOT NULL")
                .forEach(row -> assertThat(keysBefore.get((String) row.get("order_no"))).as((String) row.get("order_no"))
                        .isEqualTo(row.get("split_key")));
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void aRunThatFailsPartWayRestartsAndFinishesExactlyTheRest() throws Exception {
        Map<String, Object> clean = cleanRunSnapshot();
        failingChunk.failAt.set(3);

        JobExecution failed = split();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(invariants.check()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isPositive();

        JobExecution restarted = jobs.restart(failed.getId(), false);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(invariants.check()).isEmpty();
        assertThat(snapshot()).isEqualTo(clean);
    }

    @Test
    void aRunLeftStartedByADeadProcessIsRecoveredAndRestarted() throws Exception {
        Map<String, Object> clean = cleanRunSnapshot();
        failingChunk.failAt.set(2);
        JobExecution died = split();
        // what a killed process leaves behind: the execution and its step still STARTED, no end time
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", died.getId());
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
                + " WHERE JOB_EXECUTION_ID = ?", died.getId());

        assertThatThrownBy(() -> jobs.restart(died.getId(), false))
                .hasMessageContaining("may still be running").hasMessageContaining("--force");
        JobExecution restarted = jobs.restart(died.getId(), true);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invariants.check()).isEmpty();
        assertThat(snapshot()).isEqualTo(clean);
    }

    @Test
    void twoRunsAtOnceNeverOverAllocateAndSplitNothingTwice() throws Exception {
        Map<String, Object> clean = cleanRunSnapshot();

        CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(this::splitUnchecked);
        CompletableFuture<JobExecution> second = CompletableFuture.supplyAsync(this::splitUnchecked);

        // both end before either is judged: a run left going would write into the next test's data
        JobExecution one = first.get();
        JobExecution two = second.get();
        assertThat(one.getStatus()).as(one.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(two.getStatus()).as(two.getExitStatus().getExitDescription()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invariants.check()).isEmpty();
        assertThat(snapshot()).isEqualTo(clean);
    }

    @Test
    void stockTakenBehindTheRunsBackBetweenChunksIsNeverOverAllocated() throws Exception {
        // between chunks 2 and 3 another process leaves no stock available anywhere; the run still
        // remembers the levels it saw in chunks 1 and 2, so chunk 3 must notice and plan again
        failingChunk.action = () -> jdbc.update("UPDATE stock SET on_hand = allocated");
        failingChunk.actAt.set(3);

        JobExecution run = split();

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invariants.check()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM stock WHERE allocated > on_hand")).isZero();
        List<String> late = failingChunk.ordersFromActionOn;
        assertThat(late).hasSizeGreaterThan(1000);
        assertThat(jdbc.queryForList("SELECT DISTINCT order_no FROM fulfilment_order", String.class))
                .isNotEmpty().doesNotContainAnyElementsOf(late);
        assertThat(count("SELECT COUNT(DISTINCT order_no) FROM backorder")).isGreaterThan(1000);
    }

    @Test
    void stockCountedUpwardsWhileTheRunIsUnderWayIsUsedByTheSameRun(@TempDir Path dir) throws Exception {
        // scarce stock, so that orders served late in the run are short without a restock
        String scarce = "UPDATE stock SET on_hand = CASE WHEN on_hand > 3 THEN 3 ELSE on_hand END";
        jdbc.update(scarce);
        failingChunk.actAt.set(3);
        assertThat(split().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> clean = snapshot();
        List<String> late = List.copyOf(failingChunk.ordersFromActionOn);
        int lateBackordersWithoutRestock = backorderLinesOf(late);
        assertThat(lateBackordersWithoutRestock).as("late orders are short of stock").isPositive();
        freshSampleData();
        jdbc.update(scarce);
        failingChunk.actAt.set(3);
        // what an operator does mid-run: load a count of every bin, 50 units more than before
        StringBuilder counts = new StringBuilder("warehouse_code,sku_code,on_hand,location_code\n");
        jdbc.query("SELECT warehouse_code, sku_code, on_hand, location_code FROM stock", rs -> {
            counts.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',')
                    .append(rs.getInt(3) + 50).append(',').append(rs.getString(4)).append('\n');
        });
        java.nio.file.Files.writeString(dir.resolve("stock.csv"), counts);
        failingChunk.action = () -> assertThat(loader.load(dir).hasErrors()).isFalse();
        int countsBefore = count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'COUNT'");

        JobExecution run = split();

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invariants.check()).isEmpty();
        assertThat(backorderLinesOf(late)).as("orders served after the count get the counted stock")
                .isLessThan(lateBackordersWithoutRestock);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'COUNT'") - countsBefore)
                .as("the count is journalled, a movement per bin").isEqualTo(count("SELECT COUNT(*) FROM stock"));
        assertThat(snapshot()).isNotEqualTo(clean);
    }

    private int backorderLinesOf(List<String> orderNos) {
        return jdbc.queryForList("SELECT order_no FROM backorder", String.class).stream()
                .filter(new java.util.HashSet<>(orderNos)::contains).toList().size();
    }

    @Test
    void anOrderChangedAfterItsChunkWasPlannedIsSplitAsItIsWhenLocked() throws Exception {
        // the planning thread plans chunk 2 while chunk 1 is written; before chunk 2 is written, the
        // shop cancels one of its orders: the plan made ahead must not be written as it is
        List<String> cancelled = new java.util.concurrent.CopyOnWriteArrayList<>();
        failingChunk.chunkAction = orderNos -> {
            String orderNo = orderNos.stream()
                    .filter(o -> "PAID".equals(jdbc.queryForObject(
                            "SELECT status FROM customer_order WHERE order_no = ?", String.class, o)))
                    .findFirst().orElseThrow();
            jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE order_no = ?", orderNo);
            cancelled.add(orderNo);
        };
        failingChunk.actAt.set(2);

        JobExecution run = split();

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(cancelled).hasSize(1);
        String orderNo = cancelled.get(0);
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, orderNo))
                .isEqualTo("CANCELLED");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE order_no = '" + orderNo + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = '" + orderNo + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM split_decision WHERE order_no = '" + orderNo + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PAID'")).isZero();
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void theRunsPlanningAndWritingThreadsEndWithTheRunFailedOrNot() throws Exception {
        failingChunk.failAt.set(2);
        assertThat(split().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(planningThreads()).isEmpty();

        assertThat(split().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(planningThreads()).isEmpty();
    }

    private static List<Thread> planningThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> (t.getName().equals("split-planning") || t.getName().startsWith("split-writer-"))
                        && t.isAlive()).toList();
    }

    @Test
    void ofTwoOrdersPaidInTheSameSecondTheEarlierByMillisecondsGetsTheLastUnit(@TempDir Path dir) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT t.sku_code, t.warehouse_code FROM stock t
                  JOIN sku s ON s.sku_code = t.sku_code JOIN warehouse w ON w.warehouse_code = t.warehouse_code
                 WHERE w.active = TRUE AND s.temperature_zone = 'AMBIENT' AND w.temperature_zones LIKE '%AMBIENT%'
                 ORDER BY t.sku_code, t.warehouse_code""".replace("\n", " ") + " LIMIT 1");
        String sku = (String) row.get("SKU_CODE");
        jdbc.update("UPDATE stock SET on_hand = 0 WHERE sku_code = ?", sku);
        jdbc.update("UPDATE stock SET on_hand = 1 WHERE sku_code = ? AND warehouse_code = ?", sku,
                row.get("WAREHOUSE_CODE"));
        // served before every sample order (EXPRESS, paid earlier); the later payer has the smaller order
        // number, so only the milliseconds tell them apart
        java.nio.file.Files.writeString(dir.resolve("orders.csv"), """
                order_no,customer_id,status,priority,paid_at,ship_name,ship_phone,ship_province,ship_city,\
                ship_address,ship_latitude,ship_longitude,goods_amount,discount_amount,shipping_fee,paid_amount
                TIE-B,C1,PAID,EXPRESS,2026-11-01T10:15:00.880+08:00,张三,13800000000,浙江,杭州,西湖路1号,\
                30.274084,120.155070,10.00,0.00,0.00,10.00
                TIE-A,C2,PAID,EXPRESS,2026-11-01T10:15:00.885+08:00,李四,13800000001,浙江,杭州,西湖路2号,\
                30.274084,120.155070,10.00,0.00,0.00,10.00
                """);
        java.nio.file.Files.writeString(dir.resolve("order_lines.csv"), """
                order_no,line_no,sku_code,quantity,unit_price,line_discount
                TIE-B,1,%1$s,1,10.00,0.00
                TIE-A,1,%1$s,1,10.00,0.00
                """.formatted(sku));
        LoadReport report = loader.load(dir);
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(loader.load(dir).summary()).as("reloading finds the milliseconds unchanged")
                .contains("2 rows, 0 inserted, 0 updated, 2 unchanged");

        split();

        assertThat(jdbc.queryForObject("SELECT paid_at FROM customer_order WHERE order_no = 'TIE-B'",
                java.time.LocalDateTime.class)).isEqualTo(java.time.LocalDateTime.of(2026, 11, 1, 2, 15, 0, 880_000_000));
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = 'TIE-B'", String.class))
                .isEqualTo("ALLOCATED");
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = 'TIE-A'", String.class))
                .isEqualTo("BACKORDERED");
    }

    @Test
    void aReservationThatNoLongerFitsChangesNoStockRowAtAll() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT warehouse_code, sku_code, on_hand, allocated FROM stock WHERE on_hand - allocated >= 1
                 ORDER BY sku_code, warehouse_code""");
        Map<String, Object> first = rows.get(0);
        Map<String, Object> last = rows.get(rows.size() - 1);
        StockKey fits = new StockKey((String) first.get("WAREHOUSE_CODE"), (String) first.get("SKU_CODE"));
        StockKey tooMuch = new StockKey((String) last.get("WAREHOUSE_CODE"), (String) last.get("SKU_CODE"));
        int tooMuchQuantity = ((Number) last.get("ON_HAND")).intValue() + 1;

        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        Boolean[] answers = transactions.execute(status -> new Boolean[] {
                stockLedger.tryReserve(Map.of(fits, 1, tooMuch, tooMuchQuantity)),
                allocated(fits) == ((Number) first.get("ALLOCATED")).intValue(),
                stockLedger.tryReserve(Map.of(fits, 1)),
                allocated(fits) == ((Number) first.get("ALLOCATED")).intValue() + 1});

        assertThat(answers).containsExactly(false, true, true, true);
    }

    @Test
    void aChunkIsPlannedFromTheRowsAndLinesTheDemandReadWithoutReadingThemAgain() {
        List<String> paid = jdbc.queryForList(
                "SELECT order_no FROM customer_order WHERE status = 'PAID' ORDER BY order_no", String.class);
        String first = paid.get(0);
        String second = paid.get(1);
        Map<String, SplitStore.LockedOrder> now = splitStore.lockOrders(List.of(first, second));
        SplitStore.LockedOrder before = now.get(second);
        // the demand read the second order with other amounts than it has now, and made-up lines for both:
        // the plan made ahead takes them as read (the writer, which reads the rows again under lock, plans
        // the chunk anew when they differ: anOrderLoadedAgainWithOtherLinesAfterTheRunStartedIsSplitFromItsNewLines)
        SplitStore.LockedOrder asRead = new SplitStore.LockedOrder(before.orderNo(), before.status(),
                before.shipTo(), before.paidAtKnown(), before.goods() + 100, before.discount(), before.shipping(),
                before.paid() + 100, before.priority(), before.paidAt(), before.splitKey());
        DemandChunks.DemandChunk chunk = new DemandChunks.DemandChunk(List.of(first, second),
                Map.of(first, now.get(first), second, asRead),
                Map.of(first, List.of(new SplitStore.LineRow(first, 7, "NO-SUCH-SKU", 3, 1_000, 0)),
                        second, List.of(new SplitStore.LineRow(second, 8, "NO-SUCH-SKU", 2, 1_000, 0))));
        ChunkPlanner planner = new ChunkPlanner(splitStore, null,
                new SkuCatalog(namedJdbc, keyLists, 1_000), Clock.systemUTC(), null,
                () -> 1L);

        ChunkPlanner.ChunkInput input = planner.readAhead(chunk);

        assertThat(input.orders()).containsExactlyInAnyOrderEntriesOf(Map.of(first, now.get(first), second, asRead));
        assertThat(input.lines().get(first)).extracting(PaidOrder.Line::lineNo,
                PaidOrder.Line::skuCode, PaidOrder.Line::quantity)
                .containsExactly(tuple(7, "NO-SUCH-SKU", 3));
        assertThat(input.lines().get(second)).extracting(PaidOrder.Line::lineNo).containsExactly(8);
        assertThat(input.servingOrder()).containsExactly(first, second);
    }

    @Test
    void anOrderLoadedAgainWithOtherLinesAfterTheRunStartedIsSplitFromItsNewLines() throws Exception {
        // the last order the run serves; the shop loads it again, one more piece of its first line and
        // amounts to match, while the run writes its first chunk (its demand was read before)
        String last = jdbc.queryForList("""
                SELECT order_no FROM customer_order WHERE status = 'PAID'
                 ORDER BY CASE priority WHEN 'EXPRESS' THEN 0 ELSE 1 END DESC, paid_at DESC, order_no DESC""",
                String.class).get(0);
        Map<String, Object> first = jdbc.queryForList(
                "SELECT line_no, quantity, unit_price FROM order_line WHERE order_no = ? ORDER BY line_no", last).get(0);
        failingChunk.action = () -> {
            jdbc.update("UPDATE order_line SET quantity = quantity + 1 WHERE order_no = ? AND line_no = ?", last,
                    first.get("LINE_NO"));
            jdbc.update("""
                    UPDATE customer_order SET goods_amount = goods_amount + ?, paid_amount = paid_amount + ?
                     WHERE order_no = ?""", first.get("UNIT_PRICE"), first.get("UNIT_PRICE"), last);
        };
        failingChunk.actAt.set(1);

        assertThat(split().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, last))
                .isNotIn("ON_HOLD", "PAID");
        int ordered = ((Number) first.get("QUANTITY")).intValue() + 1;
        assertThat(count("SELECT COALESCE(SUM(quantity), 0) FROM fulfilment_line WHERE order_no = '" + last
                + "' AND order_line_no = " + first.get("LINE_NO"))
                + count("SELECT COALESCE(SUM(quantity), 0) FROM backorder WHERE order_no = '" + last
                + "' AND order_line_no = " + first.get("LINE_NO"))).isEqualTo(ordered);
        assertThat(invariants.check()).isEmpty();
    }

    private int allocated(StockKey key) {
        return jdbc.queryForObject("SELECT allocated FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                Integer.class, key.warehouseCode(), key.skuCode());
    }

    /** Splits the fresh sample data once, takes the snapshot and puts the fresh data back. */
    private Map<String, Object> cleanRunSnapshot() throws Exception {
        assertThat(split().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> clean = snapshot();
        freshSampleData();
        return clean;
    }

    /** What a split decides, independent of timing: statuses, fulfilment lines, backorders, stock. */
    private Map<String, Object> snapshot() {
        return Map.of(
                "orders", jdbc.queryForList("SELECT order_no, status, hold_reason FROM customer_order ORDER BY order_no"),
                // a fulfilment order by its order and its place among the order's (runs that failed
                // or ran at once leave gaps in the numbers, never a different split)
                "fulfilment", jdbc.queryForList("""
                        SELECT fo.order_no,
                               DENSE_RANK() OVER (PARTITION BY fo.order_no ORDER BY fo.fulfilment_no) AS nth,
                               fo.warehouse_code, fo.status, fo.paid_amount, l.line_no,
                               l.order_line_no, l.sku_code, l.quantity, l.goods_amount, l.discount_amount,
                               l.shipping_fee, l.paid_amount
                          FROM fulfilment_order fo JOIN fulfilment_line l ON l.fulfilment_no = fo.fulfilment_no
                         ORDER BY fo.order_no, nth, l.line_no"""),
                "backorders", jdbc.queryForList("SELECT order_no, order_line_no, quantity, paid_amount FROM backorder"
                        + " ORDER BY order_no, order_line_no"),
                "stock", jdbc.queryForList("SELECT warehouse_code, sku_code, on_hand, allocated FROM stock"
                        + " ORDER BY warehouse_code, sku_code"));
    }

    private JobExecution split() throws Exception {
        return jobs.start(SplitJobConfiguration.JOB_NAME, Map.of());
    }

    private JobExecution splitUnchecked() {
        try {
            return split();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
