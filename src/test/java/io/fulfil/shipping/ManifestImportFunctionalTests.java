package io.fulfil.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.imports.ImportReport;
import io.fulfil.support.Database;
import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import-manifests job through the one import path (CONTRACT §4, §7.6, §8.1), on a shop brought to
 * PICKED by the real split, wave and import-picks jobs; the invariants are checked after every step.
 */
abstract class ManifestImportFunctionalTests extends ShippingFlowTests {

    @Autowired private Database database;

    @Test
    void aManifestShipsPickedOrdersTakesTheirUnitsOutOfStockAndRollsTheParentsUp() throws Exception {
        orders("A:S1x2,S2x1", "B:S3x1,S4x2");
        splitAndWave();
        String a = fo("A");
        String bSh = fo("B", "SH");
        String bBj = fo("B", "BJ");
        pick(List.of(a, bSh, bBj));
        int[] s1 = stock("SH", "S1");
        int[] s2 = stock("SH", "S2");
        int[] s3 = stock("SH", "S3");
        int[] s4 = stock("BJ", "S4");

        Path file = manifest("manifest.csv", a + ",SF,SF" + prefix + "01,2026-11-21T12:00:00+08:00,1200",
                bSh + ",ZTO,ZT" + prefix + "02,2026-11-21T13:30:00.250+08:00,800");
        ImportReport report = importOk("manifests", file);

        assertThat(report.applied()).isEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT status, carrier_code, tracking_no, shipped_at, weight_grams FROM fulfilment_order"
                + " WHERE fulfilment_no = ?", a))
                .containsEntry("STATUS", "SHIPPED").containsEntry("CARRIER_CODE", "SF")
                .containsEntry("TRACKING_NO", "SF" + prefix + "01").containsEntry("WEIGHT_GRAMS", 1200);
        assertThat(jdbc.queryForObject("SELECT shipped_at FROM fulfilment_order WHERE fulfilment_no = ?",
                LocalDateTime.class, a)).as("stored as UTC").isEqualTo(LocalDateTime.of(2026, 11, 21, 4, 0));
        assertThat(jdbc.queryForObject("SELECT shipped_at FROM fulfilment_order WHERE fulfilment_no = ?",
                LocalDateTime.class, bSh)).isEqualTo(LocalDateTime.of(2026, 11, 21, 5, 30, 0, 250_000_000));
        assertThat(status(bSh)).isEqualTo("SHIPPED");
        assertThat(status(bBj)).isEqualTo("PICKED");
        // on_hand and allocated both down by the units, journalled as SHIP movements
        assertThat(stock("SH", "S1")).containsExactly(s1[0] - 2, s1[1] - 2);
        assertThat(stock("SH", "S2")).containsExactly(s2[0] - 1, s2[1] - 1);
        assertThat(stock("SH", "S3")).containsExactly(s3[0] - 1, s3[1] - 1);
        assertThat(stock("BJ", "S4")).containsExactly(s4[0], s4[1]);
        assertThat(rows("SELECT warehouse_code, sku_code, on_hand_change, allocated_change, reference, order_no"
                + " FROM stock_movement WHERE kind = 'SHIP' ORDER BY reference, sku_code"))
                .containsExactly("SH|S1|-2|-2|" + a + "|" + order("A") + "|", "SH|S2|-1|-1|" + a + "|" + order("A") + "|",
                        "SH|S3|-1|-1|" + bSh + "|" + order("B") + "|");
        assertThat(orderStatus("A")).isEqualTo("SHIPPED");
        assertThat(orderStatus("B")).isEqualTo("PARTIALLY_SHIPPED");

        // the same file again: already imported, nothing runs
        ImportReport again = imports.importFile("manifests", file, false);
        assertThat(again.alreadyBy()).isEqualTo(report.executionId());
        assertThat(again.lines().get(0)).contains("already imported");
        // the same rows in another file, plus the last parcel: the two are unchanged, one applied
        Path other = manifest("manifest-2.csv", a + ",SF,SF" + prefix + "01,2026-11-21T04:00:00Z,1200",
                bSh + ",ZTO,ZT" + prefix + "02,2026-11-21T13:30:00.250+08:00,800",
                bBj + ",JD,JD" + prefix + "03,2026-11-21T14:00:00+08:00,400");
        ImportReport second = importOk("manifests", other);
        assertThat(second.applied()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP'")).as("no unit shipped twice").isEqualTo(4);
        assertThat(stock("SH", "S1")).containsExactly(s1[0] - 2, s1[1] - 2);
        assertThat(stock("BJ", "S4")).containsExactly(s4[0] - 2, s4[1] - 2);
        assertThat(orderStatus("B")).isEqualTo("SHIPPED");

        // a row already applied, with other values: rejected, naming what it was shipped as
        Path changed = manifest("manifest-3.csv", a + ",SF,SF" + prefix + "01,2026-11-21T12:00:00+08:00,1300");
        ImportReport rejected = imports.importFile("manifests", changed, false);
        assertThat(rejected.ok()).isFalse();
        assertThat(rejected.rejects()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("fulfilment_no");
            assertThat(e.reason()).contains("already shipped as SF SF" + prefix + "01");
        });
        assertThat(jdbc.queryForObject("SELECT weight_grams FROM fulfilment_order WHERE fulfilment_no = ?", Integer.class, a))
                .isEqualTo(1200);
        assertInvariants();
    }

    /**
     * The bytes InnoDB's compact and dynamic formats keep for the columns that waving, shipping and the
     * first carrier events fill in, plus the room kept for them (io.fulfil.fulfilment.GrowthRoom).
     */
    private static final String GROWING_BYTES = """
            COALESCE(LENGTH(wave_no) + 1, 0) + CASE WHEN wave_slot IS NULL THEN 0 ELSE 4 END
            + COALESCE(LENGTH(carrier_code) + 1, 0) + COALESCE(LENGTH(tracking_no) + 1, 0)
            + CASE WHEN shipped_at IS NULL THEN 0 ELSE 7 END + CASE WHEN weight_grams IS NULL THEN 0 ELSE 4 END
            + COALESCE(LENGTH(parcel_on_the_way) + 1, 0) + CASE WHEN last_event_at IS NULL THEN 0 ELSE 7 END
            + CASE WHEN delivered_at IS NULL THEN 0 ELSE 7 END + COALESCE(LENGTH(exception_from) + 1, 0)
            + COALESCE(LENGTH(growth_room) + 1, 0)""";

    @Test
    void onMySqlWavingShippingAndTheFirstEventsKeepTheRowsLengthWithinTheRoomTheSplitLeft() throws Exception {
        orders("R1:S1x1", "R2:S2x2,S3x1");
        splitAndWave();
        List<String> nos = List.of(fo("R1"), fo("R2"));
        boolean mySql = database == Database.MYSQL;
        for (String no : nos) {
            assertThat(jdbc.queryForObject("SELECT LENGTH(growth_room) FROM fulfilment_order WHERE fulfilment_no = ?",
                    Integer.class, no)).as("room of " + no + " after waving").isEqualTo(mySql ? 80 - 5 - 7 : null);
        }
        pick(nos);
        ship(nos.get(0), "SF", "SF" + prefix + "R1", nos.get(1), "ZTO", "ZT" + prefix + "R2");
        for (String no : nos) {
            // carrier code, tracking number and fulfilment number with a length byte each (two for the
            // tracking number), seven bytes for the time and four for the weight
            Integer expected = mySql ? jdbc.queryForObject("SELECT 68 - (LENGTH(carrier_code) + LENGTH(tracking_no)"
                    + " + LENGTH(fulfilment_no) + 15) FROM fulfilment_order WHERE fulfilment_no = ?", Integer.class, no) : null;
            assertThat(jdbc.queryForObject("SELECT LENGTH(growth_room) FROM fulfilment_order WHERE fulfilment_no = ?",
                    Integer.class, no)).as("room of " + no + " after shipping").isEqualTo(expected);
        }
        importOk("carrier-events", events("room-events.csv", List.of(event("SF", "SF" + prefix + "R1", "80", 14),
                event("ZTO", "ZT" + prefix + "R2", "到件", 13))));
        for (String no : nos) {
            Integer room = jdbc.queryForObject("SELECT LENGTH(growth_room) FROM fulfilment_order WHERE fulfilment_no = ?",
                    Integer.class, no);
            assertThat(room).as("room of " + no + " released by its events").isNull();
        }
        if (mySql) {
            // what the split wrote: every growing column NULL and 80 bytes of room with its length byte
            assertThat(jdbc.queryForList("SELECT " + GROWING_BYTES + " FROM fulfilment_order WHERE fulfilment_no IN (?, ?)",
                    Integer.class, nos.toArray())).as("bytes of the growing columns and the room, at the end")
                    .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(81));
        }
    }

    /**
     * The bytes InnoDB keeps for what the split and the roll-ups change in an order's row, plus its room
     * (io.fulfil.fulfilment.OrderGrowthRoom): the status, split_at (seven), split_key (eight).
     */
    private static final String ORDER_BYTES = """
            LENGTH(status) + CASE WHEN split_at IS NULL THEN 0 ELSE 7 END
            + CASE WHEN split_key IS NULL THEN 0 ELSE 8 END + COALESCE(LENGTH(growth_room) + 1, 0)""";

    @Test
    void onMySqlTheSplitAndTheRollUpsKeepTheOrdersRowLengthWithinTheRoomItWasInsertedWith() throws Exception {
        List<String> orderNos = orders("Q1:S1x1", "Q2:S2x2,S3x1");
        boolean mySql = database == Database.MYSQL;
        // as the shop inserted them: PAID, nothing split yet, and on MySQL the column's default
        Integer inserted = mySql ? 4 + 32 + 1 : null;
        assertThat(orderBytes(orderNos)).as("as inserted").containsOnly(mySql ? inserted : 4);
        if (!mySql) {
            // H2 writes a changed page whole: no room, and nothing here depends on it
            assertThat(jdbc.queryForList("SELECT growth_room FROM customer_order", byte[].class)).containsOnlyNulls();
        }
        splitAndWave();
        assertThat(jdbc.queryForObject("SELECT LENGTH(growth_room) FROM customer_order WHERE order_no = ?",
                Integer.class, order("Q1"))).as("room after the split to ALLOCATED")
                .isEqualTo(mySql ? 32 - 5 - 7 - 8 : null);
        if (mySql) {
            assertThat(orderBytes(orderNos)).as("after the split").containsOnly(inserted);
        }
        List<String> nos = List.of(fo("Q1"), fo("Q2"));
        pick(nos);
        ship(nos.get(0), "SF", "SF" + prefix + "Q1");
        assertThat(orderStatus("Q1")).isEqualTo("SHIPPED");
        if (mySql) {
            assertThat(orderBytes(orderNos)).as("after the roll-up to SHIPPED").containsOnly(inserted);
        }
        importOk("carrier-events", events("order-room-events.csv",
                List.of(event("SF", "SF" + prefix + "Q1", "80", 14))));
        assertThat(orderStatus("Q1")).isEqualTo("DELIVERED");
        if (mySql) {
            assertThat(orderBytes(orderNos)).as("after the roll-up to DELIVERED").containsOnly(inserted);
        }
    }

    private List<Integer> orderBytes(List<String> orderNos) {
        return jdbc.queryForList("SELECT " + ORDER_BYTES + " FROM customer_order WHERE order_no IN (?, ?)",
                Integer.class, orderNos.toArray());
    }

    @Test
    void everyBadRowIsRejectedWithLineColumnAndReasonAndNothingIsAppliedUnlessPartial() throws Exception {
        orders("G1:S1x1", "G2:S1x2", "X1:S2x1", "X2:S2x1", "X3:S2x1", "X4:S2x1", "X5:S2x1", "X6:S2x1", "X7:S2x1",
                "X8:S2x1", "D1:S3x1", "W1:S3x1");
        splitAndWave();
        List<String> picked = new ArrayList<>();
        for (String s : List.of("G1", "G2", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "D1")) {
            picked.add(fo(s));
        }
        pick(picked);
        ship(fo("D1"), "SF", "SF" + prefix + "DB");
        int[] s1 = stock("SH", "S1");
        int[] s2 = stock("SH", "S2");
        List<String> before = rows("SELECT fulfilment_no, status, carrier_code, tracking_no FROM fulfilment_order"
                + " ORDER BY fulfilment_no");

        String t = prefix;
        Path file = manifest("bad.csv",
                fo("G1") + ",SF,SF" + t + "G1,2026-11-21T12:00:00+08:00,1000",     // 2 good
                t + "-NOPE-1,SF,SF" + t + "N,2026-11-21T12:00:00+08:00,1000",       // 3 unknown fulfilment order
                fo("W1") + ",SF,SF" + t + "W1,2026-11-21T12:00:00+08:00,1000",      // 4 WAVED, not PICKED
                fo("X1") + ",DHL,DH" + t + "X1,2026-11-21T12:00:00+08:00,1000",     // 5 unknown carrier
                fo("X2") + ",SF,,2026-11-21T12:00:00+08:00,1000",                  // 6 no tracking number
                fo("X3") + ",SF,SF" + t + "DB,2026-11-21T12:00:00+08:00,1000",      // 7 another parcel's (database)
                fo("G2") + ",YTO,YT" + t + "G2,2026-11-21T12:00:00+08:00,1000",     // 8 good
                fo("X4") + ",YTO,YT" + t + "G2,2026-11-21T12:00:00+08:00,1000",     // 9 line 8's tracking number
                fo("X5") + ",SF,SF" + t + "X5,21/11/2026 12:00,1000",               // 10 unparseable
                fo("X6") + ",SF,SF" + t + "X6,2099-11-21T12:00:00+08:00,1000",      // 11 in the future
                fo("X7") + ",SF,SF" + t + "X7,2026-11-21T12:00:00+08:00,0",         // 12 weight 0
                fo("X8") + ",SF,SF" + t + "X8,2026-11-21T12:00:00+08:00,-5",        // 13 negative
                fo("X8") + ",JD,JD" + t + "X8,2026-11-21T12:00:00+08:00,1.5");      // 14 not whole (and X8 twice)
        List<String[]> expected = List.of(
                new String[] {"3", "fulfilment_no", "unknown fulfilment order"},
                new String[] {"4", "fulfilment_no", "is WAVED, not PICKED"},
                new String[] {"5", "carrier_code", "unknown carrier"},
                new String[] {"6", "tracking_no", "required"},
                new String[] {"7", "tracking_no", "already fulfilment order " + fo("D1")},
                new String[] {"9", "tracking_no", "already on line 8"},
                new String[] {"10", "shipped_at", "not an ISO-8601 timestamp"},
                new String[] {"11", "shipped_at", "in the future"},
                new String[] {"12", "weight_grams", "positive whole number"},
                new String[] {"13", "weight_grams", "positive whole number"},
                new String[] {"14", "weight_grams", "not a whole number"});

        ImportReport whole = imports.importFile("manifests", file, false);

        assertThat(whole.ok()).isFalse();
        assertThat(whole.exitCode()).isEqualTo(1);
        assertThat(whole.applied()).isZero();
        assertThat(whole.rejected()).isEqualTo(expected.size());
        assertRejected(whole, tmp.resolve("bad.rejects.csv"), expected);
        assertThat(rows("SELECT fulfilment_no, status, carrier_code, tracking_no FROM fulfilment_order ORDER BY fulfilment_no"))
                .as("nothing applied").isEqualTo(before);
        assertThat(stock("SH", "S1")).containsExactly(s1[0], s1[1]);
        assertInvariants();

        ImportReport partial = imports.importFile("manifests", file, true);

        assertThat(partial.completed()).as(partial.lines().toString()).isTrue();
        assertThat(partial.applied()).isEqualTo(2);
        assertThat(partial.rejected()).isEqualTo(expected.size());
        assertRejected(partial, tmp.resolve("bad.rejects.csv"), expected);
        assertThat(status(fo("G1"))).isEqualTo("SHIPPED");
        assertThat(status(fo("G2"))).isEqualTo("SHIPPED");
        for (String s : List.of("X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8")) {
            assertThat(status(fo(s))).as(s).isEqualTo("PICKED");
        }
        assertThat(status(fo("W1"))).isEqualTo("WAVED");
        assertThat(stock("SH", "S1")).containsExactly(s1[0] - 3, s1[1] - 3);
        assertThat(stock("SH", "S2")).containsExactly(s2[0], s2[1]);
        assertInvariants();
    }

    /** The report lists each rejected row with its line, column and reason; so does the rejects file. */
    private void assertRejected(ImportReport report, Path rejectsFile, List<String[]> expected) throws Exception {
        assertThat(report.rejects()).hasSize(expected.size());
        List<String> printed = report.lines();
        List<String[]> inFile = new ArrayList<>();
        try (CsvInput in = CsvInput.open(rejectsFile, List.of(RejectFile.HEADER))) {
            for (CsvRow row = in.next(); row != null; row = in.next()) {
                inFile.add(new String[] {row.cell("line"), row.cell("column"), row.cell("reason")});
            }
        }
        assertThat(inFile).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] e = expected.get(i);
            var reject = report.rejects().get(i);
            assertThat(reject.line()).as(e[2]).isEqualTo(Long.parseLong(e[0]));
            assertThat(reject.column()).as(e[2]).contains(e[1]);
            assertThat(reject.reason()).contains(e[2]);
            assertThat(inFile.get(i)[0]).isEqualTo(e[0]);
            assertThat(inFile.get(i)[1]).contains(e[1]);
            assertThat(inFile.get(i)[2]).contains(e[2]);
            assertThat(printed).anySatisfy(l -> assertThat(l).contains("rejected line " + e[0] + ", column " + e[1]));
        }
        assertThat(Files.readString(rejectsFile, StandardCharsets.UTF_8)).startsWith("\uFEFF");
    }

    @Test
    void aManifestImportThatFailedPartWayIsRestartedAndShipsNoUnitTwice() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            specs.add(String.format("R%02d:S1x2,S2x1", i));
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> fos = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            String no = fo(String.format("R%02d", i));
            fos.add(no);
            rows.add(shipRow(no, "JD", "JD" + prefix + i));
        }
        pick(fos);
        int[] s1 = stock("SH", "S1");
        // the first parcel's events came before the manifest
        importOk("carrier-events", events("early.csv", List.of(event("JD", "JD" + prefix + 0, "100", 8))));
        Path file = manifest("manifest.csv", rows.toArray(String[]::new));
        failingImport.seen.set(0);
        failingImport.failAt.set(2);

        ImportReport failed = imports.importFile("manifests", file, false);

        // apply runs in two partitions by parent order (one row each here), each in chunks of five: the
        // second chunk to reach its commit fails, so its partition stops, and the other one goes on to its end
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).as("the partition's own failure, not only that a partition failed")
                .contains("injected fault in chunk 2");
        int shipped = (int) count("SELECT COUNT(*) FROM fulfilment_order WHERE status IN ('SHIPPED', 'IN_TRANSIT')");
        assertThat(shipped).as("the chunks committed before the failure, and none of the failed one").isBetween(1, 12);
        assertThat(failed.applied()).isEqualTo(shipped);
        assertThat(stock("SH", "S1")).containsExactly(s1[0] - 2 * shipped, s1[1] - 2 * shipped);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP' AND sku_code = 'S1'")).isEqualTo(shipped);
        assertInvariants();

        org.springframework.batch.core.job.JobExecution restarted = jobs.restart(failed.executionId(), false);

        assertThat(restarted.getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(org.springframework.batch.core.step.StepExecution::getStepName)
                .containsExactlyInAnyOrder("validate", "apply", "apply-partition:partition0", "apply-partition:partition1",
                        "settle");
        assertThat(restarted.getStepExecutions().stream().filter(step -> step.getStepName().startsWith("apply-partition:"))
                .mapToLong(org.springframework.batch.core.step.StepExecution::getWriteCount).sum())
                .as("each partition from its last committed chunk: the completed one finds nothing left")
                .isEqualTo(13 - shipped);
        assertThat(status(fos.get(0))).as("the early events applied once it shipped").isEqualTo("IN_TRANSIT");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'SHIPPED'")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP' AND sku_code = 'S1'")).isEqualTo(13);
        assertThat(stock("SH", "S1")).containsExactly(s1[0] - 26, s1[1] - 26);
        assertThat(orderStatus("R12")).isEqualTo("SHIPPED");
        assertInvariants();
        ImportReport again = imports.importFile("manifests", file, false);
        assertThat(again.alreadyBy()).isEqualTo(restarted.getId());
        assertThat(again.applied()).as("counted over both executions").isEqualTo(13);
    }

    @Test
    void aRestartedPartialImportAppliesARowItRejectedBeforeEvenInAPartitionThatHadCompleted() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            specs.add(String.format("P%02d:S1x1", i));
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> fos = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String no = fo(String.format("P%02d", i));
            fos.add(no);
            rows.add(shipRow(no, "SF", "SF" + prefix + "P" + i));
        }
        // the first one is not picked yet, so the first run rejects its row; a fulfilment order of the
        // other partition (by parent order, as validate cuts them) fails its chunk
        String late = fos.get(0);
        int latePartition = partitionOf(late);
        String other = fos.stream().filter(no -> partitionOf(no) != latePartition).findFirst().orElseThrow();
        pick(fos.subList(1, fos.size()));
        Path file = manifest("late.csv", rows.toArray(String[]::new));
        failingImport.failOn.set(other);

        ImportReport failed = imports.importFile("manifests", file, true);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("injected fault in the chunk shipping " + other);
        assertThat(status(late)).isEqualTo("WAVED");
        assertThat(status(other)).isEqualTo("PICKED");
        assertInvariants();

        pick(List.of(late));
        org.springframework.batch.core.job.JobExecution restarted = jobs.restart(failed.executionId(), false);

        assertThat(restarted.getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
        assertThat(status(late)).as("its partition had completed; it reads its rows again").isEqualTo("SHIPPED");
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE fulfilment_no IN (" + String.join(",",
                fos.stream().map(no -> "'" + no + "'").toList()) + ") AND status = 'SHIPPED'")).isEqualTo(12);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP' AND reference IN (" + String.join(",",
                fos.stream().map(no -> "'" + no + "'").toList()) + ")")).as("no unit shipped twice").isEqualTo(12);
        assertInvariants();
    }

    /** The apply partition of a fulfilment order's manifest row: its parent order's, of two. */
    private int partitionOf(String fulfilmentNo) {
        String orderNo = jdbc.queryForObject("SELECT order_no FROM fulfilment_order WHERE fulfilment_no = ?",
                String.class, fulfilmentNo);
        return Math.floorMod(orderNo.hashCode(), 2);
    }

    /**
     * A chunk locks its parents, not its fulfilment orders, and reads them again under those locks: a
     * fulfilment order shipped by another import while this one waited for the parent is seen as
     * shipped, and its row is refused with the parcel it went out as, rather than failing the chunk
     * at the shipments' guarded update. Here the first import holds its chunk uncommitted while the
     * second, whose validation saw the order still PICKED, applies.
     */
    @Test
    void aRowWhoseOrderAnotherImportShipsWhileItWaitsForTheParentIsRejectedWithThatParcel() throws Exception {
        orders("A:S1x2");
        splitAndWave();
        String a = fo("A");
        pick(List.of(a));
        Path first = manifest("first.csv", a + ",SF,SF" + prefix + "01,2026-11-21T12:00:00+08:00,1200");
        Path second = manifest("second.csv", a + ",SF,SF" + prefix + "02,2026-11-21T12:30:00+08:00,1300");
        List<ImportReport> reports = importWhileTheFirstHoldsAChunk("manifests", first, second);
        ImportReport one = reports.get(0);
        ImportReport two = reports.get(1);

        assertThat(one.ok()).as(one.lines().toString()).isTrue();
        // all or nothing: the run fails on the row, naming it and the parcel, not on the guarded update
        assertThat(two.ok()).isFalse();
        assertThat(String.join("\n", two.lines()))
                .contains("second.csv:2: column fulfilment_no: fulfilment order " + a + " was already shipped as SF SF"
                        + prefix + "01")
                .doesNotContain("no longer PICKED");
        assertThat(jdbc.queryForObject("SELECT tracking_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class, a))
                .isEqualTo("SF" + prefix + "01");
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP'")).as("shipped once").isEqualTo(1);
        assertInvariants();
    }

    /**
     * A fulfilment order that its parent order's row does not lead to (its split_key differs: data to
     * repair) is refused by the apply, which finds a chunk's fulfilment orders through their parents,
     * with a reason that says so rather than calling it unknown; the other rows ship.
     */
    @Test
    void aFulfilmentOrderItsParentDoesNotLeadToIsRefusedNamingTheParent() throws Exception {
        orders("A:S1x1", "B:S3x1");
        splitAndWave();
        String a = fo("A");
        String b = fo("B");
        pick(List.of(a, b));
        jdbc.update("UPDATE fulfilment_order SET split_key = split_key + 7 WHERE fulfilment_no = ?", a);
        Path file = manifest("stray.csv", a + ",SF,SF" + prefix + "S1,2026-11-21T12:00:00+08:00,1000",
                b + ",SF,SF" + prefix + "S2,2026-11-21T12:00:00+08:00,1000");
        ImportReport report = imports.importFile("manifests", file, true);

        assertThat(String.join("\n", report.lines()))
                .contains("rejected line 2, column fulfilment_no: fulfilment order " + a
                        + " is not among the fulfilment orders of its parent order " + order("A")
                        + " (their split_key differs); nothing shipped")
                .doesNotContain("unknown fulfilment order");
        assertThat(status(a)).isEqualTo("PICKED");
        assertThat(status(b)).isEqualTo("SHIPPED");
        jdbc.update("UPDATE fulfilment_order SET split_key = split_key - 7 WHERE fulfilment_no = ?", a);
        assertInvariants();
    }

    @Test
    void aManifestRowForAFulfilmentOrderTwiceInOneFileIsRejected() throws Exception {
        orders("A:S1x1");
        splitAndWave();
        pick(List.of(fo("A")));
        Path file = manifest("twice.csv", fo("A") + ",SF,SF" + prefix + "A1,2026-11-21T12:00:00+08:00,1000",
                fo("A") + ",SF,SF" + prefix + "A1,2026-11-21T12:00:00+08:00,1000");
        ImportReport report = imports.importFile("manifests", file, false);
        assertThat(report.ok()).isFalse();
        assertThat(report.rejects()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).contains("fulfilment_no");
            assertThat(e.reason()).contains("repeated in the file");
        });
        assertThat(status(fo("A"))).isEqualTo("PICKED");
        assertInvariants();
    }

    /**
     * Applied in partitions, a manifest's good rows are copied with the copy's own columns first
     * ({@code __group}, {@code __line}); a file that names one of them could not be read back, so it is
     * refused as a whole, naming the column, and nothing is applied.
     */
    @Test
    void aManifestNamingAColumnOfThePartitionedCopyIsRefusedAsAWhole() throws Exception {
        orders("A:S1x1");
        splitAndWave();
        pick(List.of(fo("A")));
        Path file = write(tmp.resolve("reserved.csv"), MANIFEST_HEADER + ",__line",
                fo("A") + ",SF,SF" + prefix + "A1,2026-11-21T12:00:00+08:00,1000,X");
        ImportReport report = imports.importFile("manifests", file, false);
        assertThat(report.ok()).isFalse();
        assertThat(report.rejects()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("__line");
            assertThat(e.reason()).contains("reserved for the import's own use");
        });
        assertThat(status(fo("A"))).isEqualTo("PICKED");
        assertInvariants();
    }
}
