package io.fulfil.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.imports.ImportChunkHook;
import io.fulfil.imports.ImportReport;
import io.fulfil.imports.ImportRow;
import io.fulfil.imports.Imports;
import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.split.job.SplitChunkHook;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The base of the shipping, tracking and cancellation functional tests (H2 and MySQL/MariaDB
 * subclasses): a small shop of its own, loaded fresh for each test, brought through the real jobs
 * (split, wave, import-picks) to PICKED fulfilment orders, and helpers that write manifests and
 * carrier events and read the database. Every test's order numbers (and so fulfilment numbers and
 * tracking numbers) start with a prefix of its own, so no two tests import the same file content
 * (an import's job instance is its content) into the shared job repository.
 *
 * <p>The shop: merchant M1 ({@code SHIP_AVAILABLE}); warehouse SH (Shanghai) stocks S1, S2, S3;
 * BJ (Beijing) stocks S4; S5 is stocked nowhere (backorder). Orders ship to Shanghai, so S1–S3 come
 * from SH and S4 from BJ: an order of S3 and S4 is two fulfilment orders.
 */
@Import(ShippingFlowTests.FaultInjection.class)
public abstract class ShippingFlowTests {

    public static final List<String> TABLES = List.of("order_history", "intercept_request", "waiting_parcel",
            "carrier_event", "stock_movement", "pick_confirmation", "pick_line", "split_decision", "wave", "backorder", "fulfilment_line",
            "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse", "merchant");

    public static final String EVENTS_HEADER = "carrier_code,tracking_no,event_code,event_time,location,description";
    public static final String MANIFEST_HEADER = "fulfilment_no,carrier_code,tracking_no,shipped_at,weight_grams";

    @Autowired protected Jobs jobs;
    @Autowired protected Imports imports;
    @Autowired protected ShopDataLoader loader;
    @Autowired protected InvariantChecks invariants;
    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected FileRoots roots;
    @Autowired protected FailingImportChunk failingImport;
    @Autowired protected SplitHook splitHook;

    @TempDir
    protected Path tmp;

    /** This test's prefix of order numbers, e.g. {@code T1A2B3C}. */
    protected String prefix;

    /** Fails the import chunk with the given number (1-based), or the one with a given row, once, before its commit. */
    public static final class FailingImportChunk implements ImportChunkHook {
        public final AtomicInteger failAt = new AtomicInteger(-1);
        public final AtomicInteger seen = new AtomicInteger();
        /** Fails, once, the manifest chunk that ships this fulfilment order. */
        public final java.util.concurrent.atomic.AtomicReference<String> failOn =
                new java.util.concurrent.atomic.AtomicReference<>();
        /** Run once, by the first chunk applied after it is set, before that chunk commits. */
        public final java.util.concurrent.atomic.AtomicReference<Runnable> beforeCommit =
                new java.util.concurrent.atomic.AtomicReference<>();

        @Override
        public void chunkApplied(String jobName, List<? extends ImportRow> rows) {
            Runnable once = beforeCommit.getAndSet(null);
            if (once != null) {
                once.run();
            }
            if (seen.incrementAndGet() == failAt.get()) {
                failAt.set(-1);
                throw new IllegalStateException("injected fault in chunk " + seen.get());
            }
            String fulfilmentNo = failOn.get();
            if (fulfilmentNo != null && rows.stream().anyMatch(r -> r instanceof ManifestRow m
                    && m.fulfilmentNo().equals(fulfilmentNo)) && failOn.compareAndSet(fulfilmentNo, null)) {
                throw new IllegalStateException("injected fault in the chunk shipping " + fulfilmentNo);
            }
        }
    }

    /** Runs an action, on another connection, when the split's chunk with the given number begins. */
    public static final class SplitHook implements SplitChunkHook {
        public final AtomicInteger started = new AtomicInteger();
        public final AtomicInteger actAt = new AtomicInteger(-1);
        public volatile Consumer<List<String>> action = orderNos -> { };

        @Override
        public void chunkStarting(List<String> orderNos) {
            if (started.incrementAndGet() == actAt.get()) {
                CompletableFuture.runAsync(() -> action.accept(orderNos)).join();
            }
        }

        @Override
        public void chunkWritten(List<String> orderNos) {
        }
    }

    @TestConfiguration
    public static class FaultInjection {
        @Bean
        FailingImportChunk failingShippingImportChunk() {
            return new FailingImportChunk();
        }

        @Bean
        SplitHook shippingSplitHook() {
            return new SplitHook();
        }
    }

    @BeforeEach
    void freshShop() throws IOException {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        failingImport.failAt.set(-1);
        failingImport.seen.set(0);
        failingImport.beforeCommit.set(null);
        failingImport.failOn.set(null);
        splitHook.started.set(0);
        splitHook.actAt.set(-1);
        splitHook.action = orderNos -> { };
        prefix = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Path shop = Files.createDirectories(tmp.resolve("shop"));
        write(shop.resolve("merchants.csv"), "merchant_code,name,backorder_policy", "M1,小店,SHIP_AVAILABLE");
        write(shop.resolve("warehouses.csv"),
                "warehouse_code,name,province,city,latitude,longitude,priority,temperature_zones,active",
                "SH,上海仓,上海,上海,31.15,121.12,1,AMBIENT,true",
                "BJ,北京仓,北京,北京,39.73,116.34,2,AMBIENT,true");
        write(shop.resolve("skus.csv"), "sku_code,merchant_code,name,temperature_zone,weight_grams",
                "S1,M1,苹果,AMBIENT,500", "S2,M1,梨,AMBIENT,400", "S3,M1,橙,AMBIENT,300", "S4,M1,桃,AMBIENT,200",
                "S5,M1,瓜,AMBIENT,3000");
        write(shop.resolve("stock.csv"), "warehouse_code,sku_code,on_hand,location_code",
                "SH,S1,1000,A-01-01-1", "SH,S2,1000,A-01-02-1", "SH,S3,1000,A-02-01-1", "BJ,S4,1000,A-01-01-1");
        LoadReport report = loader.load(shop);
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
    }

    /**
     * Loads orders: each is {@code "<suffix>:<sku>x<qty>,<sku>x<qty>..."}; the order number is the
     * prefix, a dash and the suffix. Unit price 10.00, no discount or fee.
     */
    protected List<String> orders(String... specs) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("orders-" + System.nanoTime()));
        List<String> orders = new ArrayList<>(List.of("order_no,customer_id,status,priority,paid_at,ship_name,ship_phone,"
                + "ship_province,ship_city,ship_address,ship_latitude,ship_longitude,goods_amount,discount_amount,"
                + "shipping_fee,paid_amount"));
        List<String> lines = new ArrayList<>(List.of("order_no,line_no,sku_code,quantity,unit_price,line_discount"));
        List<String> nos = new ArrayList<>();
        int seq = 0;
        for (String spec : specs) {
            String no = prefix + "-" + spec.substring(0, spec.indexOf(':'));
            nos.add(no);
            int goods = 0;
            int lineNo = 1;
            for (String item : spec.substring(spec.indexOf(':') + 1).split(",")) {
                String[] skuQty = item.split("x");
                int qty = Integer.parseInt(skuQty[1]);
                goods += qty * 10;
                lines.add(no + "," + lineNo++ + "," + skuQty[0] + "," + qty + ",10.00,0.00");
            }
            seq++;
            orders.add(String.join(",", no, "C" + seq, "PAID", "NORMAL",
                    String.format("2026-11-20T%02d:%02d:00+08:00", seq / 60, seq % 60), "张三", "13800000000", "上海",
                    "上海", "黄河路1号", "31.2", "121.4", goods + ".00", "0.00", "0.00", goods + ".00"));
        }
        write(dir.resolve("orders.csv"), orders.toArray(String[]::new));
        write(dir.resolve("order_lines.csv"), lines.toArray(String[]::new));
        LoadReport report = loader.load(dir);
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        return nos;
    }

    protected String order(String suffix) {
        return prefix + "-" + suffix;
    }

    /** The fulfilment order of this order in this warehouse. */
    protected String fo(String suffix, String warehouse) {
        return jdbc.queryForObject("SELECT fulfilment_no FROM fulfilment_order WHERE order_no = ? AND warehouse_code = ?",
                String.class, order(suffix), warehouse);
    }

    /** The one fulfilment order of this order. */
    protected String fo(String suffix) {
        return jdbc.queryForObject("SELECT fulfilment_no FROM fulfilment_order WHERE order_no = ?", String.class,
                order(suffix));
    }

    protected JobExecution run(String job) throws Exception {
        JobExecution run = jobs.start(job, Map.of());
        assertThat(run.getStatus()).as(job + ": " + run.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        assertInvariants();
        return run;
    }

    protected void splitAndWave() throws Exception {
        run("split");
        run("wave");
    }

    /** Confirms these fulfilment orders picked in full (every row of theirs, in their waves), through import-picks. */
    protected void pick(List<String> fulfilmentNos) throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.wave_no, w.warehouse_code, p.pick_seq, p.location_code, p.sku_code, p.sku_name, p.quantity,
                       p.fulfilment_no, p.slot
                  FROM pick_line p JOIN wave w ON w.wave_no = p.wave_no
                 ORDER BY p.wave_no, p.pick_seq""");
        List<String> csv = new ArrayList<>(List.of("wave_no,warehouse_code,pick_seq,location_code,sku_code,sku_name,"
                + "quantity,fulfilment_no,slot,picked_qty,picker,picked_at"));
        for (Map<String, Object> r : rows) {
            if (fulfilmentNos.contains((String) r.get("FULFILMENT_NO"))) {
                csv.add(String.join(",", String.valueOf(r.get("WAVE_NO")), String.valueOf(r.get("WAREHOUSE_CODE")),
                        String.valueOf(r.get("PICK_SEQ")), String.valueOf(r.get("LOCATION_CODE")),
                        String.valueOf(r.get("SKU_CODE")), String.valueOf(r.get("SKU_NAME")),
                        String.valueOf(r.get("QUANTITY")), String.valueOf(r.get("FULFILMENT_NO")),
                        String.valueOf(r.get("SLOT")), String.valueOf(r.get("QUANTITY")), "picker-1",
                        "2026-11-21T09:00:00+08:00"));
            }
        }
        Path file = write(tmp.resolve("picks-" + System.nanoTime() + ".csv"), csv.toArray(String[]::new));
        ImportReport report = imports.importFile("picks", file, false);
        assertThat(report.ok()).as(report.lines().toString()).isTrue();
        for (String no : fulfilmentNos) {
            assertThat(status(no)).as(no).isEqualTo("PICKED");
        }
        assertInvariants();
    }

    /** Writes a manifest: rows as {@code fulfilment_no,carrier,tracking,shipped_at,weight}. */
    protected Path manifest(String name, String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(MANIFEST_HEADER));
        lines.addAll(List.of(rows));
        return write(tmp.resolve(name), lines.toArray(String[]::new));
    }

    protected Path events(String name, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(EVENTS_HEADER));
        lines.addAll(rows);
        return write(tmp.resolve(name), lines.toArray(String[]::new));
    }

    /** A manifest row shipping this fulfilment order with this carrier and tracking number. */
    protected static String shipRow(String fulfilmentNo, String carrier, String trackingNo) {
        return fulfilmentNo + "," + carrier + "," + trackingNo + ",2026-11-21T12:00:00+08:00,1200";
    }

    /** An event row: carrier, tracking number, code, hour (of 2026-11-22, UTC+8). */
    protected static String event(String carrier, String trackingNo, String code, int hour) {
        return String.join(",", carrier, trackingNo, code, String.format("2026-11-22T%02d:00:00+08:00", hour),
                "杭州", "scan " + code);
    }

    /**
     * Imports {@code first} on another thread and holds its first chunk uncommitted; meanwhile imports
     * {@code second} on a third thread, gives it two seconds, then lets the first commit. Answers
     * both reports, first's first.
     */
    protected List<ImportReport> importWhileTheFirstHoldsAChunk(String kind, Path first, Path second) throws Exception {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        failingImport.beforeCommit.set(() -> {
            holding.countDown();
            try {
                release.await(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var firstRun = importAsync(kind, first);
        assertThat(holding.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the first import holds a chunk").isTrue();
        var secondRun = importAsync(kind, second);
        Thread.sleep(2000);
        release.countDown();
        return List.of(firstRun.get(2, java.util.concurrent.TimeUnit.MINUTES),
                secondRun.get(2, java.util.concurrent.TimeUnit.MINUTES));
    }

    private java.util.concurrent.CompletableFuture<ImportReport> importAsync(String kind, Path file) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return imports.importFile(kind, file, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    protected ImportReport importOk(String kind, Path file) throws Exception {
        ImportReport report = imports.importFile(kind, file, false);
        assertThat(report.ok()).as(report.lines().toString()).isTrue();
        assertInvariants();
        return report;
    }

    protected void ship(String... fulfilmentNosCarriersTracking) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < fulfilmentNosCarriersTracking.length; i += 3) {
            rows.add(shipRow(fulfilmentNosCarriersTracking[i], fulfilmentNosCarriersTracking[i + 1],
                    fulfilmentNosCarriersTracking[i + 2]));
        }
        importOk("manifests", manifest("manifest-" + System.nanoTime() + ".csv", rows.toArray(String[]::new)));
    }

    protected String status(String fulfilmentNo) {
        return jdbc.queryForObject("SELECT status FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                fulfilmentNo);
    }

    protected String orderStatus(String suffix) {
        return jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, order(suffix));
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** {on_hand, allocated} of a stock row. */
    protected int[] stock(String warehouse, String sku) {
        Map<String, Object> row = jdbc.queryForMap("SELECT on_hand, allocated FROM stock WHERE warehouse_code = ? AND sku_code = ?",
                warehouse, sku);
        return new int[] {((Number) row.get("ON_HAND")).intValue(), ((Number) row.get("ALLOCATED")).intValue()};
    }

    protected void assertInvariants() {
        assertThat(invariants.check()).isEmpty();
    }

    /** Rows of queries as strings, to compare the database before and after. */
    protected List<String> rows(String... queries) {
        List<String> rows = new ArrayList<>();
        for (String sql : queries) {
            jdbc.query(sql, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            });
        }
        return rows;
    }

    protected static Path write(Path file, String... lines) throws IOException {
        Files.writeString(file, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }
}
