package io.fulfil.stock;

import io.fulfil.support.KeyLists;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The row-level statements both dialects share. */
final class StockRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    StockRows(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    KeyLists keyLists() {
        return keyLists;
    }

    /** Stock rows of the SKUs (in one warehouse, unless that is null), locked or not, by SKU then warehouse. */
    Map<StockKey, StockLevel> levelsOf(Collection<String> skuCodes, String warehouse, String lock) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return levels;
        }
        // slice after slice in SKU order keeps the lock order; on H2 a slice is short (see KeyLists#slices)
        for (List<String> slice : keyLists.slices(skuCodes)) {
            jdbc.query("""
                            SELECT warehouse_code, sku_code, on_hand, allocated
                              FROM stock
                             WHERE %s%s
                             ORDER BY sku_code, warehouse_code
                             %s""".formatted(warehouse == null ? "" : "warehouse_code = :warehouse AND ",
                            keyLists.matches("sku_code", "skus"), lock),
                    new MapSqlParameterSource("skus", keyLists.bind(slice)).addValue("warehouse", warehouse),
                    rs -> {
                        levels.put(new StockKey(rs.getString(1), rs.getString(2)),
                                new StockLevel(rs.getInt(3), rs.getInt(4)));
                    });
        }
        return levels;
    }

    /**
     * Adds each row's changes where the row stays within {@code 0 <= allocated <= on_hand}, by primary
     * key, one statement per row in one JDBC batch, in the order given; the answer is each row's
     * update count (0: no such row, or out of bounds, and unchanged).
     */
    int[] changeRowsWithinBounds(List<Map.Entry<StockKey, int[]>> changes) {
        if (changes.isEmpty()) {
            return new int[0];
        }
        int[][] updated = jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE stock SET on_hand = on_hand + ?, allocated = allocated + ?
                 WHERE warehouse_code = ? AND sku_code = ?
                   AND allocated + ? >= 0 AND allocated + ? <= on_hand + ?""", changes, changes.size(), (ps, row) -> {
            ps.setInt(1, row.getValue()[0]);
            ps.setInt(2, row.getValue()[1]);
            ps.setString(3, row.getKey().warehouseCode());
            ps.setString(4, row.getKey().skuCode());
            ps.setInt(5, row.getValue()[1]);
            ps.setInt(6, row.getValue()[1]);
            ps.setInt(7, row.getValue()[0]);
        });
        return updated.length == 0 ? new int[0] : updated[0];
    }

    /**
     * Adds (sign +1) or gives back (sign -1) each row's quantity to {@code allocated}, by primary key,
     * in one batch, in the order given: {@link #changeRowsWithinBounds} with no change to
     * {@code on_hand}, so adding applies only where the quantity is still available. The answer is
     * each row's update count.
     */
    int[] updateRows(List<Map.Entry<StockKey, Integer>> rows, int sign) {
        return changeRowsWithinBounds(rows.stream()
                .map(row -> Map.entry(row.getKey(), new int[] {0, sign * row.getValue()})).toList());
    }
}
