package io.fulfil.load;

import io.fulfil.stock.StockCount;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLedger;
import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code stock.csv} into {@code stock}: a count of what is on the shelf. It sets {@code on_hand} and
 * the bin, and never touches {@code allocated}, which is the split's (new rows start at 0). A count
 * below what is already allocated is an error: those units are promised to fulfilment orders.
 */
final class StockFile extends TableFile<StockFile.StockRow> {

    /**
     * ZONE-AISLE-BAY-LEVEL, e.g. {@code A-03-12-2} or {@code B-112-4-10}: aisle, bay and level are numbers
     * of any width (CONTRACT §1), as many digits as the pick walk reads (WalkingOrder).
     */
    private static final Pattern LOCATION = Pattern.compile("[A-Z]+-\\d{1,9}-\\d{1,9}-\\d{1,9}");

    record StockRow(String warehouseCode, String skuCode, int onHand, String locationCode) {
    }

    private final KnownKeys known;
    private final NamedParameterJdbcTemplate jdbc;
    private final StockLedger ledger;

    StockFile(KnownKeys known, NamedParameterJdbcTemplate jdbc, StockLedger ledger) {
        super("stock.csv", List.of("warehouse_code", "sku_code", "on_hand", "location_code"));
        this.known = known;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** A count changes stock, so it goes through the ledger, which journals it (CONTRACT §4). */
    @Override
    void write(NamedParameterJdbcTemplate jdbc, List<StockRow> inserts, List<StockRow> updates) {
        List<StockCount> counts = new ArrayList<>(inserts.size() + updates.size());
        for (StockRow row : inserts) {
            counts.add(count(row));
        }
        for (StockRow row : updates) {
            counts.add(count(row));
        }
        ledger.count(counts, "load stock.csv", null);
    }

    private static StockCount count(StockRow row) {
        return new StockCount(new StockKey(row.warehouseCode(), row.skuCode()), row.onHand(), row.locationCode());
    }

    @Override
    StockRow parse(CsvRow row) {
        String warehouseCode = row.text("warehouse_code", 32);
        String skuCode = row.text("sku_code", 64);
        Integer onHand = row.nonNegativeInt("on_hand");
        String location = row.text("location_code", 32);
        if (location != null && !LOCATION.matcher(location).matches()) {
            row.reject("location_code", "not a bin ZONE-AISLE-BAY-LEVEL such as A-03-12-2: " + CsvCells.quote(location));
        }
        return row.hasErrors() ? null : new StockRow(warehouseCode, skuCode, onHand, location);
    }

    @Override
    void check(List<Parsed<StockRow>> batch) {
        Set<String> warehouses = known.existing("warehouse", "warehouse_code",
                batch.stream().map(parsed -> parsed.value().warehouseCode()).distinct().toList());
        Set<String> skus = known.existing("sku", "sku_code",
                batch.stream().map(parsed -> parsed.value().skuCode()).distinct().toList());
        Map<String, Integer> allocated = allocated(batch);
        for (Parsed<StockRow> parsed : batch) {
            StockRow stock = parsed.value();
            if (!warehouses.contains(stock.warehouseCode())) {
                parsed.row().reject("warehouse_code", "unknown warehouse '" + stock.warehouseCode() + "'");
            }
            if (!skus.contains(stock.skuCode())) {
                parsed.row().reject("sku_code", "unknown SKU '" + stock.skuCode() + "'");
            }
            int promised = allocated.getOrDefault(key(stock), 0);
            if (stock.onHand() < promised) {
                parsed.row().reject("on_hand", "count " + stock.onHand() + " is below the " + promised
                        + " already allocated");
            }
        }
    }

    private Map<String, Integer> allocated(List<Parsed<StockRow>> batch) {
        List<String> skus = batch.stream().map(parsed -> parsed.value().skuCode()).distinct().toList();
        Map<String, Integer> allocated = new HashMap<>();
        jdbc.query("SELECT warehouse_code, sku_code, allocated FROM stock WHERE sku_code IN (:keys)",
                Map.of("keys", skus),
                rs -> {
                    allocated.put(key(rs.getString(1), rs.getString(2)), rs.getInt(3));
                });
        return allocated;
    }

    @Override
    String key(StockRow value) {
        return key(value.warehouseCode(), value.skuCode());
    }

    private static String key(String warehouseCode, String skuCode) {
        return warehouseCode + '\u0000' + skuCode;
    }

    @Override
    String keyColumn() {
        return "sku_code";
    }

    @Override
    String describe(StockRow value) {
        return "stock of SKU '" + value.skuCode() + "' in warehouse '" + value.warehouseCode() + "'";
    }

    /** By SKU: the stock table's index {@code stock_by_sku} serves it. */
    @Override
    String selectExisting() {
        return "SELECT warehouse_code, sku_code, on_hand, location_code FROM stock WHERE sku_code IN (:keys)";
    }

    @Override
    Object lookupKey(StockRow value) {
        return value.skuCode();
    }

    @Override
    StockRow mapExisting(ResultSet rs) throws SQLException {
        return new StockRow(rs.getString("warehouse_code"), rs.getString("sku_code"), rs.getInt("on_hand"),
                rs.getString("location_code"));
    }
}
