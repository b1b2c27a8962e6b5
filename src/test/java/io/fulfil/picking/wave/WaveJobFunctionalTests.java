package io.fulfil.picking.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import io.fulfil.ops.InvariantChecks;
import io.fulfil.ops.Jobs;
import io.fulfil.split.job.SplitJobConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The wave job end to end, run against H2 and MySQL/MariaDB by the subclasses, on the sample data
 * split by the split job. The subclasses set small caps (20 orders, 45 lines; WH-DX 7 orders),
 * 3 waves per chunk, and a 16:00 cut-off for GZ-BY, so the sample data makes many waves and chunks.
 */
@Import(WaveJobFunctionalTests.TestSetup.class)
abstract class WaveJobFunctionalTests {

    static final String PROPERTIES = "fulfil.wave.max-orders=20";
    static final String LINES = "fulfil.wave.max-lines=45";
    static final String CHUNK = "fulfil.wave.chunk-size=3";
    static final String WH_DX = "fulfil.wave.warehouses.WH-DX.max-orders=7";
    static final String GZ_BY = "fulfil.wave.warehouses.GZ-BY.cut-off=16:00";

    static final List<String> TABLES = List.of("pick_confirmation", "pick_line", "wave", "split_decision", "backorder", "fulfilment_line",
            "fulfilment_order", "order_line", "customer_order", "stock_movement", "stock", "sku", "warehouse",
            "merchant");

    /** 2026-11-21 10:00 in Shanghai: before GZ-BY's cut-off. */
    static final Instant MORNING = Instant.parse("2026-11-21T02:00:00Z");

    @Autowired
    Jobs jobs;
    @Autowired
    ShopDataLoader loader;
    @Autowired
    InvariantChecks invariants;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PickLists pickLists;
    @Autowired
    TestClock clock;
    @Autowired
    FailingChunk failing;
    @Autowired
    WaveSettings settings;
    @Autowired
    io.fulfil.support.files.FileRoots fileRoots;

    /** A clock the tests set: the split's created_at and the wave job's "today" come from it. */
    static final class TestClock extends Clock {
        volatile Instant now = MORNING;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        /** The same moving instant, seen in another zone. */
        @Override
        public Clock withZone(ZoneId zone) {
            TestClock clock = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return clock.withZone(other);
                }

                @Override
                public Instant instant() {
                    return clock.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Fails the given chunk (1-based) of one of the two steps once, before its commit. */
    static final class FailingChunk implements WaveChunkHook {
        final AtomicInteger failWavesAt = new AtomicInteger(-1);
        final AtomicInteger failPickListsAt = new AtomicInteger(-1);
        final AtomicInteger waveChunks = new AtomicInteger();
        final AtomicInteger pickListChunks = new AtomicInteger();

        @Override
        public void wavesWritten(List<String> waveNos) {
            if (waveChunks.incrementAndGet() == failWavesAt.get()) {
                failWavesAt.set(-1);
                throw new IllegalStateException("injected fault in wave chunk " + waveChunks.get());
            }
        }

        @Override
        public void pickListsWritten(List<String> waveNos) {
            if (pickListChunks.incrementAndGet() == failPickListsAt.get()) {
                failPickListsAt.set(-1);
                throw new IllegalStateException("injected fault in pick-list chunk " + pickListChunks.get());
            }
        }

        void reset() {
            failWavesAt.set(-1);
            failPickListsAt.set(-1);
            waveChunks.set(0);
            pickListChunks.set(0);
        }
    }

    @TestConfiguration
    static class TestSetup {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        FailingChunk failingWaveChunk() {
            return new FailingChunk();
        }
    }

    @BeforeEach
    void allocatedSampleData() throws Exception {
        TABLES.forEach(t -> jdbc.update("DELETE FROM " + t));
        jdbc.update("UPDATE sequence_counter SET last_value = 0 WHERE name = 'wave'");
        FileSystemUtils.deleteRecursively(fileRoots.outbox());
        failing.reset();
        clock.now = MORNING;
        LoadReport report = loader.load(Path.of("sample-data"));
        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jobs.start(SplitJobConfiguration.JOB_NAME, Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isGreaterThan(1000);
    }

    @Test
    void wavesEveryAllocatedOrderWithinTheCapsOneWarehouseZoneAndKindPerWave() throws Exception {
        int allocated = count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'");

        JobExecution run = wave();

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'WAVED'")).isEqualTo(allocated);
        assertWavesAreWholeAndWithinTheRules();
        assertThat(invariants.check()).isEmpty();
        // numbered W000001, W000002, … without gaps, every one released with its file
        int waves = count("SELECT COUNT(*) FROM wave");
        assertThat(jdbc.queryForList("SELECT wave_no FROM wave ORDER BY wave_no", String.class))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, waves).mapToObj(WaveStore::waveNo).toList());
        assertThat(count("SELECT COUNT(*) FROM wave WHERE status = 'RELEASED' AND released_at IS NOT NULL"))
                .isEqualTo(waves);
        assertThat(pickListFiles()).hasSize(waves);
        // the caps were reached (so they were tested), and the warehouse's own cap was used
        assertThat(count("SELECT MAX(order_count) FROM wave")).isEqualTo(20);
        assertThat(count("SELECT MAX(order_count) FROM wave WHERE warehouse_code = 'WH-DX'")).isEqualTo(7);
        assertThat(count("SELECT MAX(line_count) FROM wave WHERE kind = 'MULTI'")).isBetween(40, 45);
        assertThat(count("SELECT COUNT(DISTINCT kind) FROM wave")).isEqualTo(2);
    }

    @Test
    void expressWorkIsWavedFirstThenByPaidAtThenFulfilmentNo() throws Exception {
        wave();

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT w.wave_no, fo.wave_slot, w.warehouse_code, w.temperature_zone, w.kind, o.priority,
                       o.paid_at, fo.fulfilment_no
                  FROM fulfilment_order fo JOIN wave w ON w.wave_no = fo.wave_no
                  JOIN customer_order o ON o.order_no = fo.order_no
                 ORDER BY w.wave_no, fo.wave_slot""");
        assertThat(rows).extracting(r -> r.get("PRIORITY")).contains("EXPRESS", "NORMAL");
        // every EXPRESS wave comes before every NORMAL one, and no wave mixes them
        String lastExpress = jdbc.queryForObject("""
                SELECT MAX(fo.wave_no) FROM fulfilment_order fo JOIN customer_order o ON o.order_no = fo.order_no
                 WHERE o.priority = 'EXPRESS'""", String.class);
        String firstNormal = jdbc.queryForObject("""
                SELECT MIN(fo.wave_no) FROM fulfilment_order fo JOIN customer_order o ON o.order_no = fo.order_no
                 WHERE o.priority = 'NORMAL'""", String.class);
        assertThat(lastExpress).isLessThan(firstNormal);
        // within a warehouse, zone and kind, waves and slots follow priority, paid_at, fulfilment_no
        Map<String, List<Map<String, Object>>> byGroup = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(r.get("WAREHOUSE_CODE") + "/" + r.get("TEMPERATURE_ZONE") + "/"
                + r.get("KIND"), k -> new ArrayList<>()).add(r));
        Comparator<Map<String, Object>> waveOrder = Comparator
                .comparing((Map<String, Object> r) -> "EXPRESS".equals(r.get("PRIORITY")) ? 0 : 1)
                .thenComparing(r -> localDateTime(r.get("PAID_AT")))
                .thenComparing(r -> (String) r.get("FULFILMENT_NO"));
        byGroup.values().forEach(group -> assertThat(group).isSortedAccordingTo(waveOrder));
    }

    @Test
    void pickLinesFollowTheWalkingOrderAndCarryTheirOrdersSlot() throws Exception {
        wave();

        List<Map<String, Object>> lines = jdbc.queryForList("""
                SELECT p.wave_no, p.pick_seq, p.location_code, p.sku_code, p.slot, p.fulfilment_line_no,
                       p.quantity, fo.wave_slot, fo.wave_no AS fo_wave, l.quantity AS line_quantity,
                       st.location_code AS bin, s.name, p.sku_name
                  FROM pick_line p
                  JOIN fulfilment_order fo ON fo.fulfilment_no = p.fulfilment_no
                  JOIN fulfilment_line l ON l.fulfilment_no = p.fulfilment_no AND l.line_no = p.fulfilment_line_no
                  JOIN stock st ON st.warehouse_code = fo.warehouse_code AND st.sku_code = p.sku_code
                  JOIN sku s ON s.sku_code = p.sku_code
                 ORDER BY p.wave_no, p.pick_seq""");
        assertThat(lines).hasSize(count("SELECT COUNT(*) FROM fulfilment_line"));
        assertThat(lines).allSatisfy(r -> {
            assertThat(r.get("SLOT")).isEqualTo(r.get("WAVE_SLOT"));
            assertThat(r.get("WAVE_NO")).isEqualTo(r.get("FO_WAVE"));
            assertThat(r.get("QUANTITY")).isEqualTo(r.get("LINE_QUANTITY"));
            assertThat(r.get("LOCATION_CODE")).isEqualTo(r.get("BIN"));
            assertThat(r.get("SKU_NAME")).isEqualTo(r.get("NAME"));
        });
        Map<String, List<Map<String, Object>>> byWave = new java.util.LinkedHashMap<>();
        lines.forEach(r -> byWave.computeIfAbsent((String) r.get("WAVE_NO"), k -> new ArrayList<>()).add(r));
        byWave.values().forEach(wave -> {
            assertThat(wave).extracting(r -> ((Number) r.get("PICK_SEQ")).intValue())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, wave.size()).boxed().toList());
            List<WalkingOrderTests.S> stops = wave.stream().map(r -> new WalkingOrderTests.S(
                    (String) r.get("LOCATION_CODE"), (String) r.get("SKU_CODE"), ((Number) r.get("SLOT")).intValue(),
                    ((Number) r.get("FULFILMENT_LINE_NO")).intValue())).toList();
            assertThat(stops).isEqualTo(WalkingOrder.sort(stops));
        });
        // an S-shaped walk: some wave visits two aisles of one zone and walks the second one's bays downwards
        assertThat(byWave.values().stream().anyMatch(WaveJobFunctionalTests::walksAnAisleDownwards)).isTrue();
    }

    /** H2 answers a Timestamp, MySQL Connector/J a LocalDateTime. */
    private static LocalDateTime localDateTime(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private static boolean walksAnAisleDownwards(List<Map<String, Object>> wave) {
        for (int i = 1; i < wave.size(); i++) {
            WalkingOrder.Bin a = WalkingOrder.Bin.parse((String) wave.get(i - 1).get("LOCATION_CODE"));
            WalkingOrder.Bin b = WalkingOrder.Bin.parse((String) wave.get(i).get("LOCATION_CODE"));
            if (a.zone().equals(b.zone()) && a.aisle() == b.aisle() && a.bay() > b.bay()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void thePickListFileIsExactAndWritingItAgainGivesTheSameBytes() throws Exception {
        // a SKU name a spreadsheet would run as a formula
        String sku = jdbc.queryForObject("SELECT MIN(sku_code) FROM fulfilment_line", String.class);
        jdbc.update("UPDATE sku SET name = '=HYPERLINK(\"http://x\")' WHERE sku_code = ?", sku);

        wave();

        String waveNo = jdbc.queryForObject("SELECT MIN(wave_no) FROM pick_line WHERE sku_code = ?", String.class, sku);
        String warehouse = jdbc.queryForObject("SELECT warehouse_code FROM wave WHERE wave_no = ?", String.class, waveNo);
        Path file = fileRoots.outbox().resolve("pick-lists").resolve(warehouse).resolve(waveNo + ".csv");
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFwave_no,warehouse_code,pick_seq,location_code,sku_code,sku_name,quantity,"
                + "fulfilment_no,slot,picked_qty,picker,picked_at\r\n");
        List<String> rows = text.substring(1).lines().skip(1).toList();
        List<Map<String, Object>> expected = jdbc.queryForList("""
                SELECT pick_seq, location_code, sku_code, sku_name, quantity, fulfilment_no, slot FROM pick_line
                 WHERE wave_no = ? ORDER BY pick_seq""", waveNo);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = expected.get(i);
            String name = (String) r.get("SKU_NAME");
            String cell = name.startsWith("=") ? "\"'=HYPERLINK(\"\"http://x\"\")\"" : name.contains(",") || name.contains("\"")
                    ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
            assertThat(rows.get(i)).isEqualTo(String.join(",", waveNo, warehouse, r.get("PICK_SEQ").toString(),
                    (String) r.get("LOCATION_CODE"), (String) r.get("SKU_CODE"), cell, r.get("QUANTITY").toString(),
                    (String) r.get("FULFILMENT_NO"), r.get("SLOT").toString(), "", "", ""));
        }
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",").endsWith(",,\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(rows.size() + 2);

        // every file again, by the command's way: the same bytes
        Map<Path, byte[]> before = new java.util.HashMap<>();
        for (Path p : pickListFiles()) {
            before.put(p, Files.readAllBytes(p));
        }
        Files.delete(file);
        for (String w : jdbc.queryForList("SELECT wave_no FROM wave", String.class)) {
            pickLists.rewrite(w);
        }
        assertThat(pickListFiles()).hasSameSizeAs(before.keySet());
        for (Path p : pickListFiles()) {
            assertThat(Files.readAllBytes(p)).as(p.toString()).isEqualTo(before.get(p));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThatThrownBy(() -> pickLists.rewrite("W999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no wave W999999");
        assertThatThrownBy(() -> pickLists.rewrite("../W000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workAllocatedAfterTheCutOffWaitsForTheNextDaysFirstWave() throws Exception {
        // the morning's work was allocated at 10:00 in Shanghai, before GZ-BY's 16:00 cut-off; put the
        // GZ-BY work allocated in the sample's split at 17:00 instead (09:00 UTC)
        jdbc.update("UPDATE fulfilment_order SET created_at = ? WHERE warehouse_code = 'GZ-BY'",
                "2026-11-21 09:00:00.000");
        int gz = count("SELECT COUNT(*) FROM fulfilment_order WHERE warehouse_code = 'GZ-BY'");
        assertThat(gz).isPositive();
        clock.now = Instant.parse("2026-11-21T11:00:00Z"); // 19:00 in Shanghai

        assertThat(wave().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isEqualTo(gz);
        assertThat(count("SELECT COUNT(*) FROM wave WHERE warehouse_code = 'GZ-BY'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wave")).isPositive();

        clock.now = Instant.parse("2026-11-22T01:00:00Z"); // 09:00 the next day
        assertThat(wave().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wave WHERE warehouse_code = 'GZ-BY'")).isPositive();
        assertWavesAreWholeAndWithinTheRules();
    }

    @Test
    void aRunThatFailsPartWayLeavesWholeWavesAndItsRestartFinishesTheRest() throws Exception {
        failing.failWavesAt.set(4);

        JobExecution failed = wave();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(count("SELECT COUNT(*) FROM wave")).isEqualTo(3 * settings.chunkSize());
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isPositive();
        assertWavesAreWholeAndWithinTheRules();
        assertThat(invariants.check()).isEmpty();
        assertThat(pickListFiles()).isEmpty();

        JobExecution restarted = jobs.restart(failed.getId(), false);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isZero();
        assertWavesAreWholeAndWithinTheRules();
        assertThat(invariants.check()).isEmpty();
        int waves = count("SELECT COUNT(*) FROM wave");
        assertThat(jdbc.queryForObject("SELECT MAX(wave_no) FROM wave", String.class)).isEqualTo(WaveStore.waveNo(waves));
        assertThat(pickListFiles()).hasSize(waves);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aLineWhoseSkuHasNoBinInItsWarehouseFailsTheRunNamingItAndLeavesWholeWaves() throws Exception {
        Map<String, Object> line = jdbc.queryForList("""
                SELECT l.sku_code, fo.warehouse_code FROM fulfilment_line l
                  JOIN fulfilment_order fo ON fo.fulfilment_no = l.fulfilment_no
                 WHERE fo.status = 'ALLOCATED' ORDER BY fo.paid_at DESC, l.fulfilment_no""").get(0);
        jdbc.update("DELETE FROM stock WHERE warehouse_code = ? AND sku_code = ?", line.get("WAREHOUSE_CODE"),
                line.get("SKU_CODE"));

        JobExecution failed = wave();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // Spring Batch wraps the writer's exception ("Unable to process chunk"): look along the causes
        List<String> messages = new ArrayList<>();
        for (Throwable t : failed.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                messages.add(String.valueOf(c.getMessage()));
            }
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("SKU " + line.get("SKU_CODE")
                + " has no stock row (bin) in warehouse " + line.get("WAREHOUSE_CODE")));
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isPositive();
        assertWavesAreWholeAndWithinTheRules();
    }

    @Test
    void aRunThatFailsWritingPickListsIsRestartedAndLeavesNoPartialFile() throws Exception {
        failing.failPickListsAt.set(2);

        JobExecution failed = wave();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        int waves = count("SELECT COUNT(*) FROM wave");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wave WHERE status = 'RELEASED'")).isEqualTo(settings.chunkSize());
        assertThat(partFiles()).isEmpty();
        // what a process killed mid-file leaves behind
        Path stale = fileRoots.outboxFile("pick-lists", "SH-QP", "W000009.csv").resolveSibling(".W000009.csv.part");
        Files.writeString(stale, "wave_no,warehouse_co");

        JobExecution restarted = jobs.restart(failed.getId(), false);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM wave")).isEqualTo(waves);
        assertThat(count("SELECT COUNT(*) FROM wave WHERE status = 'RELEASED'")).isEqualTo(waves);
        assertThat(pickListFiles()).hasSize(waves);
        assertThat(partFiles()).isEmpty();
        assertThat(invariants.check()).isEmpty();
    }

    @Test
    void aSecondRunWithNoAllocatedWorkCreatesNoWaveAndTakesNoNumber() throws Exception {
        wave();
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM wave ORDER BY wave_no");
        long counter = jdbc.queryForObject("SELECT last_value FROM sequence_counter WHERE name = 'wave'", Long.class);

        JobExecution again = wave();

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT * FROM wave ORDER BY wave_no")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT last_value FROM sequence_counter WHERE name = 'wave'", Long.class))
                .isEqualTo(counter);
        assertThat(again.getStepExecutions()).allSatisfy(s -> assertThat(s.getWriteCount()).isZero());
    }

    @Test
    void twoRunsAtOnceNeverPutAFulfilmentOrderInTwoWaves() throws Exception {
        CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(this::waveUnchecked);
        CompletableFuture<JobExecution> second = CompletableFuture.supplyAsync(this::waveUnchecked);

        assertThat(first.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.get().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'ALLOCATED'")).isZero();
        assertWavesAreWholeAndWithinTheRules();
        assertThat(invariants.check()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM wave WHERE status <> 'RELEASED'")).isZero();
        assertThat(pickListFiles()).hasSize(count("SELECT COUNT(*) FROM wave"));
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void anUnknownParameterIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> jobs.start(WaveJobConfiguration.JOB_NAME, Map.of("max.orders", "10")))
                .hasMessageContaining("unknown parameter(s) for job wave: max.orders");
        assertThat(count("SELECT COUNT(*) FROM wave")).isZero();
    }

    /**
     * Every wave whole and within the rules: its rows agree with its fulfilment orders and pick lines,
     * one warehouse, zone and kind, slots 1..n, within the caps; no fulfilment order in two waves.
     */
    private void assertWavesAreWholeAndWithinTheRules() {
        assertThat(count("""
                SELECT COUNT(*) FROM wave w
                 WHERE w.order_count <> (SELECT COUNT(*) FROM fulfilment_order fo WHERE fo.wave_no = w.wave_no)
                    OR w.line_count <> (SELECT COUNT(*) FROM pick_line p WHERE p.wave_no = w.wave_no)
                    OR w.order_count = 0""")).as("waves whose counts disagree with their rows").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM fulfilment_order fo JOIN wave w ON w.wave_no = fo.wave_no
                 WHERE fo.warehouse_code <> w.warehouse_code OR fo.temperature_zone <> w.temperature_zone
                    OR fo.status <> 'WAVED' OR fo.wave_slot IS NULL OR fo.wave_slot < 1
                    OR fo.wave_slot > w.order_count""")).as("fulfilment orders out of place").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT wave_no, wave_slot FROM fulfilment_order WHERE wave_no IS NOT NULL
                 GROUP BY wave_no, wave_slot HAVING COUNT(*) > 1) x""")).as("slots used twice").isZero();
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE (wave_no IS NULL) <> (status = 'ALLOCATED')"))
                .as("ALLOCATED exactly when without a wave").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT p.fulfilment_no FROM pick_line p GROUP BY p.fulfilment_no
                HAVING COUNT(DISTINCT p.wave_no) > 1) x""")).as("fulfilment orders in two waves").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM pick_line p JOIN fulfilment_order fo ON fo.fulfilment_no = p.fulfilment_no
                 WHERE fo.wave_no <> p.wave_no OR fo.wave_slot <> p.slot""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM fulfilment_order fo
                 WHERE fo.wave_no IS NOT NULL AND (SELECT COUNT(*) FROM fulfilment_line l
                       WHERE l.fulfilment_no = fo.fulfilment_no) <> (SELECT COUNT(*) FROM pick_line p
                       WHERE p.fulfilment_no = fo.fulfilment_no)""")).as("fulfilment lines without pick line").isZero();
        // kinds: a SINGLE wave holds only one-line, one-unit orders; a MULTI wave none
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT fo.fulfilment_no, w.kind, COUNT(*) AS n, SUM(l.quantity) AS q
                  FROM fulfilment_order fo JOIN wave w ON w.wave_no = fo.wave_no
                  JOIN fulfilment_line l ON l.fulfilment_no = fo.fulfilment_no
                 GROUP BY fo.fulfilment_no, w.kind) x
                 WHERE (x.kind = 'SINGLE') <> (x.n = 1 AND x.q = 1)""")).as("orders in a wave of the wrong kind").isZero();
        for (Map<String, Object> w : jdbc.queryForList("SELECT warehouse_code, order_count, line_count FROM wave")) {
            String warehouse = (String) w.get("WAREHOUSE_CODE");
            int orders = ((Number) w.get("ORDER_COUNT")).intValue();
            assertThat(orders).isLessThanOrEqualTo(settings.maxOrders(warehouse));
            assertThat(((Number) w.get("LINE_COUNT")).intValue()).isLessThanOrEqualTo(settings.maxLines(warehouse));
        }
    }

    private List<Path> pickListFiles() throws IOException {
        return files(name -> name.endsWith(".csv") && !name.startsWith("."));
    }

    private List<Path> partFiles() throws IOException {
        return files(name -> name.endsWith(".part"));
    }

    private List<Path> files(java.util.function.Predicate<String> name) throws IOException {
        Path root = fileRoots.outbox().resolve("pick-lists");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        }
    }

    private JobExecution wave() throws Exception {
        return jobs.start(WaveJobConfiguration.JOB_NAME, Map.of());
    }

    private JobExecution waveUnchecked() {
        try {
            return wave();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        Number n = jdbc.queryForObject(sql, Number.class);
        return n == null ? 0 : n.intValue();
    }
}
