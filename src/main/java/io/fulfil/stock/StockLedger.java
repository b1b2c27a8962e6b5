package io.fulfil.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
     * over-allocate.
     */
    public void reserve(Map<StockKey, Integer> quantities) {
        if (quantities.isEmpty()) {
            return;
        }
        List<SqlParameterSource> batch = new ArrayList<>(quantities.size());
        quantities.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(
                        java.util.Comparator.comparing(StockKey::skuCode).thenComparing(StockKey::warehouseCode)))
                .forEach(e -> batch.add(new MapSqlParameterSource()
                        .addValue("warehouse", e.getKey().warehouseCode())
                        .addValue("sku", e.getKey().skuCode())
                        .addValue("qty", e.getValue())));
        int[] counts = jdbc.batchUpdate("""
                        UPDATE stock SET allocated = allocated + :qty
                         WHERE warehouse_code = :warehouse AND sku_code = :sku
                           AND on_hand - allocated >= :qty""",
                batch.toArray(SqlParameterSource[]::new));
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new DataIntegrityViolationException("stock row " + batch.get(i)
                        + " has less available than reserved; nothing of this chunk is applied");
            }
        }
    }
}
