package io.fulfil.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopDataLoaderTests extends LoaderTestSupport {

    @TempDir
    Path tmp;

    @Test
    void loadsReferenceAndOrderFilesInDependencyOrder() {
        Path dir = copyFixture("orders", copyFixture("reference", tmp.resolve("in")));

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(counts(report, "merchants.csv")).isEqualTo(new RowCounts(2, 2, 0, 0, 0, 0, 0));
        assertThat(counts(report, "warehouses.csv").inserted()).isEqualTo(2);
        assertThat(counts(report, "skus.csv").inserted()).isEqualTo(3);
        assertThat(counts(report, "stock.csv").inserted()).isEqualTo(4);
        assertThat(counts(report, "orders.csv").inserted()).isEqualTo(3);
        assertThat(counts(report, "order_lines.csv").inserted()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT name FROM merchant WHERE merchant_code = 'M1'", String.class))
                .isEqualTo("果园, 上海");
        assertThat(jdbc.queryForObject("SELECT name FROM sku WHERE sku_code = 'S2'", String.class))
                .isEqualTo("牛奶 \"鲜\" 1L");
        assertThat(jdbc.queryForMap("SELECT temperature_zones, active FROM warehouse WHERE warehouse_code = 'W2'"))
                .containsEntry("TEMPERATURE_ZONES", "AMBIENT|FROZEN").containsEntry("ACTIVE", false);
        assertThat(jdbc.queryForObject("SELECT allocated FROM stock WHERE warehouse_code = 'W1' AND sku_code = 'S1'",
                Integer.class)).isZero();
        assertThat(Files.exists(dir.resolve("orders.rejects.csv"))).isFalse();
    }

    @Test
    void storesPaidAtAsUtcAndLeavesTheProcessorsColumnsEmpty() {
        load(copyFixture("orders", copyFixture("reference", tmp)));

        Map<String, Object> o1 = jdbc.queryForMap(
                "SELECT hold_reason, split_at, goods_amount FROM customer_order WHERE order_no = 'O1'");
        assertThat(jdbc.queryForObject("SELECT paid_at FROM customer_order WHERE order_no = 'O1'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2026, 11, 21, 2, 15));
        assertThat(o1.get("HOLD_REASON")).isNull();
        assertThat(o1.get("SPLIT_AT")).isNull();
        assertThat((BigDecimal) o1.get("GOODS_AMOUNT")).isEqualByComparingTo("35.00");
        assertThat(jdbc.queryForObject("SELECT paid_at FROM customer_order WHERE order_no = 'O2'", LocalDateTime.class))
                .isNull();
    }

    @Test
    void acceptsAnOrderWhoseAmountsDoNotAddUp() {
        LoadReport report = load(copyFixture("orders", copyFixture("reference", tmp)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(count("customer_order")).isEqualTo(3); // O3: goods 100.00, paid 99.00 - the split holds it
    }

    @Test
    void loadingTheSameFilesAgainChangesNothing() {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        var before = snapshot();

        LoadReport again = load(dir);

        assertThat(again.hasErrors()).isFalse();
        again.files().forEach(file -> assertThat(file.counts().changed()).as(file.fileName()).isZero());
        assertThat(counts(again, "order_lines.csv").unchanged()).isEqualTo(4);
        assertThat(counts(again, "warehouses.csv").unchanged()).isEqualTo(2); // 39.7269 vs stored 39.726900
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void updatesChangedRowsAndCountsTheRestUnchanged() throws IOException {
        Path dir = copyFixture("reference", tmp);
        load(dir);
        replace(dir.resolve("skus.csv"), "耳机,S3,AMBIENT,200,M2", "蓝牙耳机,S3,AMBIENT,210,M2");
        jdbc.update("UPDATE stock SET allocated = 2 WHERE warehouse_code = 'W1' AND sku_code = 'S1'");
        replace(dir.resolve("stock.csv"), "W1,S1,10,A-01-02-1", "W1,S1,4,A-01-02-1");

        LoadReport report = load(dir);

        assertThat(counts(report, "skus.csv")).isEqualTo(new RowCounts(3, 0, 1, 2, 0, 0, 0));
        assertThat(jdbc.queryForMap("SELECT name, weight_grams FROM sku WHERE sku_code = 'S3'"))
                .containsEntry("NAME", "蓝牙耳机").containsEntry("WEIGHT_GRAMS", 210);
        assertThat(counts(report, "stock.csv").updated()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT on_hand, allocated FROM stock WHERE warehouse_code = 'W1' AND sku_code = 'S1'"))
                .containsEntry("ON_HAND", 4).containsEntry("ALLOCATED", 2);
    }

    @Test
    void aBadNumberRejectsTheWholeFile() throws IOException {
        load(copyFixture("reference", tmp.resolve("ref")));
        Path dir = copyFixture("bad-number", tmp.resolve("bad"));

        LoadReport report = load(dir);

        assertRejected(report, "stock.csv", 3, "on_hand", "not a whole number: '12x'");
        assertThat(count("stock")).isEqualTo(4); // W1,S3 of line 3 is not there, and line 2 not rewritten
        assertThat(Files.readString(RejectFile.pathFor(dir.resolve("stock.csv")), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFline,column,value,reason\r\n3,on_hand,12x,not a whole number: '12x'\r\n");
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() {
        load(copyFixture("reference", tmp.resolve("ref")));

        LoadReport report = load(copyFixture("missing-column", tmp.resolve("bad")));

        assertRejected(report, "skus.csv", 1, "temperature_zone", "required column is missing from the header");
        assertThat(count("sku")).isEqualTo(3);
    }

    @Test
    void anUnknownSkuRejectsTheOrderWithAllItsLines() {
        load(copyFixture("orders", copyFixture("reference", tmp.resolve("ref"))));

        LoadReport report = load(copyFixture("unknown-sku", tmp.resolve("bad")));

        assertRejected(report, "order_lines.csv", 3, "sku_code", "unknown SKU 'S99'");
        assertThat(file(report, "orders.csv").outcome()).isEqualTo(FileReport.Outcome.NOT_LOADED);
        assertThat(file(report, "orders.csv").note()).contains("order_lines.csv");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE order_no = 'O9'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_line WHERE order_no = 'O9'", Integer.class)).isZero();
        assertThat(Files.exists(tmp.resolve("bad/orders.rejects.csv"))).isFalse();
    }

    @Test
    void anUnknownZoneIsRejected() {
        LoadReport report = load(copyFixture("bad-zone", tmp));

        assertRejected(report, "warehouses.csv", 3, "temperature_zones",
                "not AMBIENT, CHILLED or FROZEN separated by |: 'AMBIENT|WARM'");
        assertThat(count("warehouse")).isZero();
    }

    @Test
    void binsWithNumbersOfAnyWidthLoadAndAMalformedBinIsRejected() throws IOException {
        Path dir = copyFixture("reference", tmp);
        replace(dir.resolve("stock.csv"), "A-01-02-1", "A-9-5-1");
        replace(dir.resolve("stock.csv"), "B-10-11-2", "B-112-04-10");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForList("SELECT location_code FROM stock ORDER BY location_code", String.class))
                .containsExactly("A-02-03-4", "A-9-5-1", "B-112-04-10", "C-01-01-1");

        replace(dir.resolve("stock.csv"), "C-01-01-1", "C-01-01");
        LoadReport bad = load(dir);

        assertRejected(bad, "stock.csv", 3, "location_code",
                "not a bin ZONE-AISLE-BAY-LEVEL such as A-03-12-2: 'C-01-01'");
    }

    @Test
    void aCountBelowWhatIsAllocatedIsRejected() {
        load(copyFixture("reference", tmp.resolve("ref")));
        jdbc.update("UPDATE stock SET allocated = 5 WHERE warehouse_code = 'W1' AND sku_code = 'S1'");

        LoadReport report = load(copyFixture("stock-below-allocated", tmp.resolve("bad")));

        assertRejected(report, "stock.csv", 2, "on_hand", "count 3 is below the 5 already allocated");
        assertThat(jdbc.queryForObject("SELECT on_hand FROM stock WHERE warehouse_code = 'W1' AND sku_code = 'S1'",
                Integer.class)).isEqualTo(10);
        assertThat(count("stock")).isEqualTo(4);
    }

    @Test
    void aDuplicateKeyNamesTheFirstLine() {
        LoadReport report = load(copyFixture("duplicate-key", tmp));

        assertRejected(report, "merchants.csv", 4, "merchant_code", "duplicate merchant 'M3' (first on line 2)");
        assertThat(count("merchant")).isZero();
    }

    @Test
    void reportsEveryErrorOfAFileNotJustTheFirst() throws IOException {
        load(copyFixture("reference", tmp.resolve("ref")));

        LoadReport report = load(copyFixture("several-errors", tmp.resolve("bad")));

        assertThat(file(report, "orders.csv").errors()).extracting(e -> e.line() + ":" + e.column()).containsExactly(
                "2:priority", "2:goods_amount", "3:status", "4:paid_at", "4:ship_latitude", "5:paid_at");
        assertThat(file(report, "orders.csv").counts().rejected()).isEqualTo(4);
        assertThat(file(report, "order_lines.csv").errors()).extracting(RowError::toString)
                .containsExactly("order_lines.csv:6: column order_no: unknown order 'O14'");
        assertThat(report.errors()).hasSize(7);
        assertThat(report.summary()).contains("orders.csv:5: column paid_at: not an ISO-8601 timestamp with offset: '2026-13-01'");
        assertThat(count("customer_order")).isZero();
        // one rejects row per bad input row: line 2's two errors share a row, columns joined with "; "
        java.util.List<String> rows = Files.readAllLines(tmp.resolve("bad/orders.rejects.csv"), StandardCharsets.UTF_8);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("2,priority; goods_amount,");
        assertThat(rows.get(3)).startsWith("4,paid_at; ship_latitude,");
    }

    @Test
    void aNewOrderWithoutLinesIsRejected() throws IOException {
        load(copyFixture("reference", tmp.resolve("ref")));
        Path dir = copyFixture("orders", tmp.resolve("in"));
        replace(dir.resolve("order_lines.csv"), "O2,1,S3,1,20.00,0.00\n", "");

        LoadReport report = load(dir);

        assertRejected(report, "orders.csv", 3, "order_no", "new order 'O2' has no lines in order_lines.csv");
        assertThat(count("customer_order")).isZero();
    }

    @Test
    void anOrderAlreadyBeingFulfilledIsNeverChanged() throws IOException {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        jdbc.update("UPDATE customer_order SET status = 'ALLOCATED' WHERE order_no = 'O1'");
        jdbc.update("""
                INSERT INTO backorder (order_no, order_line_no, sku_code, quantity, goods_amount, discount_amount,
                                       shipping_fee, paid_amount, created_at)
                VALUES ('O3', 1, 'S1', 10, 100.00, 0.00, 0.00, 100.00, CURRENT_TIMESTAMP)""");
        var o1 = jdbc.queryForMap("SELECT * FROM customer_order WHERE order_no = 'O1'");
        replace(dir.resolve("orders.csv"), "张三", "张三丰");
        replace(dir.resolve("orders.csv"), "王五", "王五六");
        replace(dir.resolve("order_lines.csv"), "O1,1,S1,2,", "O1,1,S1,3,");
        replace(dir.resolve("order_lines.csv"), "O3,1,S1,10,10.00,0.00\n", "O3,2,S2,1,10.00,0.00\n");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForMap("SELECT * FROM customer_order WHERE order_no = 'O1'")).isEqualTo(o1);
        assertThat(jdbc.queryForObject("SELECT ship_name FROM customer_order WHERE order_no = 'O3'", String.class))
                .isEqualTo("王五");
        assertThat(jdbc.queryForObject("SELECT quantity FROM order_line WHERE order_no = 'O1' AND line_no = 1",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT line_no FROM order_line WHERE order_no = 'O3'", Integer.class))
                .containsExactly(1);
        assertThat(counts(report, "orders.csv")).isEqualTo(new RowCounts(3, 0, 0, 1, 2, 0, 0));
        assertThat(counts(report, "order_lines.csv")).isEqualTo(new RowCounts(4, 0, 0, 2, 2, 0, 0));
        assertThat(file(report, "orders.csv").warnings()).containsExactly(
                "orders.csv:2: order 'O1' not changed: already being fulfilled (status ALLOCATED)",
                "orders.csv:4: order 'O3' not changed: already being fulfilled (it has backorders)");
    }

    @Test
    void anOrderOnHoldLoadedAgainCorrectedAndPaidGoesBackToTheSplit() throws IOException {
        Path dir = loadedWithOrderHeld("O3");
        replace(dir.resolve("orders.csv"), "100,0,0,99.00", "99.00,0,0,99.00");
        replace(dir.resolve("order_lines.csv"), "O3,1,S1,10,10.00,0.00\n", "O3,1,S1,9,11.00,0.00\n");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForMap("SELECT status, hold_reason, split_at, goods_amount FROM customer_order"
                + " WHERE order_no = 'O3'")).containsEntry("STATUS", "PAID").containsEntry("HOLD_REASON", null)
                .containsEntry("SPLIT_AT", null).containsEntry("GOODS_AMOUNT", new BigDecimal("99.00"));
        assertThat(jdbc.queryForMap("SELECT quantity, unit_price FROM order_line WHERE order_no = 'O3'"))
                .containsEntry("QUANTITY", 9).containsEntry("UNIT_PRICE", new BigDecimal("11.00"));
        assertThat(counts(report, "orders.csv")).isEqualTo(new RowCounts(3, 0, 1, 2, 0, 0, 0));
        assertThat(counts(report, "order_lines.csv")).isEqualTo(new RowCounts(4, 0, 1, 3, 0, 0, 0));
        assertThat(file(report, "orders.csv").warnings()).isEmpty();
    }

    @Test
    void anOrderOnHoldLoadedAgainAsItWasIsReleasedOnceItsCauseIsFixed() throws IOException {
        Path dir = loadedWithOrderHeld("O1");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForMap("SELECT status, hold_reason, split_at FROM customer_order WHERE order_no = 'O1'"))
                .containsEntry("STATUS", "PAID").containsEntry("HOLD_REASON", null).containsEntry("SPLIT_AT", null);
        assertThat(counts(report, "orders.csv").updated()).isEqualTo(1);
    }

    @Test
    void anOrderOnHoldLoadedAgainOnHoldStaysHeldWithItsReason() throws IOException {
        Path dir = loadedWithOrderHeld("O3");
        replace(dir.resolve("orders.csv"), "O3,C3,PAID,", "O3,C3,ON_HOLD,");
        replace(dir.resolve("orders.csv"), "王五", "王五六");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForMap("SELECT status, hold_reason, ship_name FROM customer_order WHERE order_no = 'O3'"))
                .containsEntry("STATUS", "ON_HOLD").containsEntry("HOLD_REASON", "amounts do not add up")
                .containsEntry("SHIP_NAME", "王五");
        assertThat(file(report, "orders.csv").warnings()).containsExactly(
                "orders.csv:4: order 'O3' not changed: already being fulfilled (status ON_HOLD)");
    }

    /**
     * The orders fixture loaded, and the order held as the split holds one it cannot split: ON_HOLD,
     * the reason and split_at, nothing else. Returns the fixture's folder.
     */
    private Path loadedWithOrderHeld(String orderNo) {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        jdbc.update("UPDATE customer_order SET status = 'ON_HOLD', hold_reason = 'amounts do not add up',"
                + " split_at = CURRENT_TIMESTAMP WHERE order_no = ?", orderNo);
        return dir;
    }

    @Test
    void aProcessorStatusIsAcceptedOnlyForAnOrderAlreadyBeingFulfilled() throws IOException {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        jdbc.update("UPDATE customer_order SET status = 'SHIPPED' WHERE order_no = 'O1'");
        replace(dir.resolve("orders.csv"), "O1,C1,PAID,", "O1,C1,SHIPPED,");

        LoadReport report = load(dir);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(counts(report, "orders.csv").unchanged()).isEqualTo(3);
    }

    @Test
    void cancellingAnOrderNotYetSplitUpdatesItAndItsLines() throws IOException {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        replace(dir.resolve("orders.csv"), "O1,C1,PAID,", "O1,C1,CANCELLED,");
        replace(dir.resolve("order_lines.csv"), "O1,2,S2,1,15.00,0.00\n", "");

        LoadReport report = load(dir);

        assertThat(counts(report, "orders.csv").updated()).isEqualTo(1);
        assertThat(counts(report, "order_lines.csv").deleted()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = 'O1'", String.class))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForList("SELECT line_no FROM order_line WHERE order_no = 'O1'", Integer.class))
                .containsExactly(1);
    }

    @Test
    void linesOfOrdersTheFileDoesNotMentionAreKept() throws IOException {
        Path dir = copyFixture("orders", copyFixture("reference", tmp));
        load(dir);
        Files.delete(dir.resolve("orders.csv"));
        Files.writeString(dir.resolve("order_lines.csv"),
                "order_no,line_no,sku_code,quantity,unit_price,line_discount\nO2,1,S3,2,20.00,0.00\n");

        LoadReport report = load(dir);

        assertThat(file(report, "orders.csv").outcome()).isEqualTo(FileReport.Outcome.ABSENT);
        assertThat(counts(report, "order_lines.csv")).isEqualTo(new RowCounts(1, 0, 1, 0, 0, 0, 0));
        assertThat(count("order_line")).isEqualTo(4);
    }

    @Test
    void aFixedFileRemovesItsStaleRejectsFile() throws IOException {
        load(copyFixture("reference", tmp.resolve("ref")));
        Path dir = copyFixture("bad-number", tmp.resolve("bad"));
        load(dir);
        Path rejects = dir.resolve("stock.rejects.csv");
        assertThat(rejects).exists();

        replace(dir.resolve("stock.csv"), "12x", "12");
        LoadReport report = load(dir);

        assertThat(report.hasErrors()).isFalse();
        assertThat(rejects).doesNotExist();
        assertThat(counts(report, "stock.csv").inserted()).isEqualTo(1);
    }

    @Test
    void filesWithAndWithoutByteOrderMarkLoadAlike() throws IOException {
        String merchants = "merchant_code,name,backorder_policy\r\nM1,鲜果坊,SHIP_AVAILABLE\r\n";
        Files.writeString(tmp.resolve("merchants.csv"), merchants, StandardCharsets.UTF_8);
        assertThat(load(tmp).hasErrors()).isFalse();

        Files.writeString(tmp.resolve("merchants.csv"), "\uFEFF" + merchants, StandardCharsets.UTF_8);
        LoadReport again = load(tmp);

        assertThat(again.hasErrors()).isFalse();
        assertThat(counts(again, "merchants.csv").unchanged()).isEqualTo(1);
    }

    @Test
    void streamsLargeFilesInBatchesAndFindsDuplicatesAcrossBatches() throws IOException {
        load(copyFixture("reference", tmp.resolve("ref")));
        var skus = new StringBuilder("sku_code,merchant_code,name,temperature_zone,weight_grams\n");
        for (int i = 1; i <= 1_200; i++) {
            skus.append("X").append(i).append(",M1,商品 ").append(i).append(",AMBIENT,100\n");
        }
        Path dir = Files.createDirectories(tmp.resolve("many"));
        Files.writeString(dir.resolve("skus.csv"), skus);
        assertThat(counts(load(dir), "skus.csv").inserted()).isEqualTo(1_200);

        Files.writeString(dir.resolve("skus.csv"), skus + "X7,M1,again,AMBIENT,100\n");
        LoadReport report = load(dir);

        assertRejected(report, "skus.csv", 1_202, "sku_code", "duplicate SKU 'X7' (first on line 8)");
    }

    @Test
    void refusesSomethingThatIsNotADirectory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> load(tmp.resolve("nowhere")))
                .withMessageContaining("not a directory");
    }

    private void assertRejected(LoadReport report, String fileName, long line, String column, String reason) {
        FileReport file = file(report, fileName);
        assertThat(report.hasErrors()).isTrue();
        assertThat(file.outcome()).as(report.summary()).isEqualTo(FileReport.Outcome.REJECTED);
        assertThat(file.errors()).as(report.summary()).extracting(RowError::toString)
                .contains(new RowError(fileName, line, column, reason).toString());
        assertThat(file.counts().changed()).isZero();
        assertThat(file.rejectsFile()).isEqualTo(RejectFile.pathFor(report.directory().resolve(fileName)));
        assertThat(file.rejectsFile()).exists();
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of("merchant", rows("merchant", "merchant_code"),
                "warehouse", rows("warehouse", "warehouse_code"),
                "sku", rows("sku", "sku_code"),
                "stock", rows("stock", "warehouse_code, sku_code"),
                "customer_order", rows("customer_order", "order_no"),
                "order_line", rows("order_line", "order_no, line_no"));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new AssertionError(file + " has no " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
