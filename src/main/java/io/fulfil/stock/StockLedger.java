package io.fulfil.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The only code that changes {@code stock.allocated}. Callers lock the rows they plan against,
 * inside their transaction, then apply what they reserved; concurrent runs queue on the row locks,
 * taken in index order so that two runs never deadlock on each other.
 */
@Repository
public class StockLedger {

    private static final int IN_LIST_LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private Boolean rowValueIn;

    public StockLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks every stock row of the given SKUs until the current transaction ends and returns their
     * counts as of the lock (the latest committed ones).
     */
    public Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        List<String> sorted = skuCodes.stream().distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += IN_LIST_LIMIT) {
            List<String> slice = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST_LIMIT));
            jdbc.query("""
                            SELECT warehouse_code, sku_code, on_hand, allocated
                              FROM stock
                             WHERE sku_code IN (:skus)
                             ORDER BY sku_code, warehouse_code
                               FOR UPDATE""",
                    Map.of("skus", slice),
                    rs -> {
                        levels.put(new StockKey(rs.getString(1), rs.getString(2)),
                                new StockLevel(rs.getInt(3), rs.getInt(4)));
                    });
        }
        return levels;
    }

    /**
     * Adds reserved quantities to {@code allocated}. The rows must be locked by this transaction;
     * the WHERE clause still refuses to go past {@code on_hand}, so a caller that forgot cannot
     * over-allocate. Rows are updated in a few statements per chunk rather than one per row: grouped
     * by quantity with a row-value IN list on H2 (which then uses the primary key), by warehouse and
     * quantity with a plain IN list on MySQL (which evaluates row-value lists row by row).
     */
    public void reserve(Map<StockKey, Integer> quantities) {
        Map<List<Object>, List<Object>> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        quantities.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(StockKey::warehouseCode)
                        .thenComparing(StockKey::skuCode)))
                .forEach(e -> {
                    StockKey key = e.getKey();
                    List<Object> group = rowValueIn() ? List.of(e.getValue()) : List.of(e.getValue(), key.warehouseCode());
                    groups.computeIfAbsent(group, g -> new ArrayList<>())
                            .add(rowValueIn() ? new Object[] {key.warehouseCode(), key.skuCode()} : key.skuCode());
                });
        groups.forEach((group, rows) -> {
            for (int from = 0; from < rows.size(); from += IN_LIST_LIMIT) {
                List<Object> slice = rows.subList(from, Math.min(rows.size(), from + IN_LIST_LIMIT));
                MapSqlParameterSource params = new MapSqlParameterSource().addValue("qty", group.get(0))
                        .addValue("rows", slice);
                int updated;
                if (rowValueIn()) {
                    updated = jdbc.update("""
                            UPDATE stock SET allocated = allocated + :qty
                             WHERE (warehouse_code, sku_code) IN (:rows)
                               AND on_hand - allocated >= :qty""", params);
                } else {
                    updated = jdbc.update("""
                            UPDATE stock SET allocated = allocated + :qty
                             WHERE warehouse_code = :warehouse AND sku_code IN (:rows)
                               AND on_hand - allocated >= :qty""", params.addValue("warehouse", group.get(1)));
                }
                if (updated != slice.size()) {
                    throw new DataIntegrityViolationException(slice.size() + " stock rows should have "
                            + group.get(0) + " more allocated, but only " + updated + " had it available;"
                            + " nothing of this chunk is applied");
                }
            }
        });
    }

    private boolean rowValueIn() {
        if (rowValueIn == null) {
            rowValueIn = jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection ->
                    "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
        }
        return rowValueIn;
    }
}
