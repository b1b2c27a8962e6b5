package io.fulfil.stock;

import io.fulfil.support.KeyLists;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
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

    /** Locks these rows one primary-key lookup at a time, in the order given; their levels as locked. */
    Map<StockKey, StockLevel> lockEach(List<StockKey> keys) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        if (keys.isEmpty()) {
            return levels;
        }
        jdbc.getJdbcTemplate().execute((PreparedStatementCreator) connection -> connection.prepareStatement("""
                SELECT on_hand, allocated FROM stock WHERE warehouse_code = ? AND sku_code = ? FOR UPDATE"""),
                (PreparedStatementCallback<Void>) ps -> {
                    for (StockKey key : keys) {
                        ps.setString(1, key.warehouseCode());
                        ps.setString(2, key.skuCode());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                levels.put(key, new StockLevel(rs.getInt(1), rs.getInt(2)));
                            }
                        }
                    }
                    return null;
                });
        return levels;
    }

    /** Adds each row's changes, by primary key, one statement per row in one JDBC batch. */
    void changeRows(List<Map.Entry<StockKey, int[]>> changes) {
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE stock SET on_hand = on_hand + ?, allocated = allocated + ?
                 WHERE warehouse_code = ? AND sku_code = ?""", changes, changes.size(), (ps, row) -> {
            ps.setInt(1, row.getValue()[0]);
            ps.setInt(2, row.getValue()[1]);
            ps.setString(3, row.getKey().warehouseCode());
            ps.setString(4, row.getKey().skuCode());
        });
    }

    /**
     * Adds (sign +1) or gives back (sign -1) each row's quantity, by primary key, in one batch, in the
     * order given. Adding applies only where the quantity is still available; the answer is each
     * row's update count.
     */
    int[] updateRows(List<Map.Entry<StockKey, Integer>> rows, int sign) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        int[][] updated = jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE stock SET allocated = allocated + ?
                 WHERE warehouse_code = ? AND sku_code = ? AND on_hand - allocated >= ?""",
                rows, rows.size(), (ps, row) -> {
                    ps.setInt(1, sign * row.getValue());
                    ps.setString(2, row.getKey().warehouseCode());
                    ps.setString(3, row.getKey().skuCode());
                    // giving back needs no room: -qty is always within reach
                    ps.setInt(4, sign > 0 ? row.getValue() : -row.getValue());
                });
        return updated[0];
    }
}
