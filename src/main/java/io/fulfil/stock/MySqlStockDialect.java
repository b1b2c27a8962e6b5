package io.fulfil.stock;

import io.fulfil.support.ValueRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MySQL/MariaDB: rows are locked by warehouse, then SKU (one primary-key range statement per
 * warehouse, in warehouse order), because MySQL runs one statement per warehouse far faster than one
 * per row; a try that falls short is rolled back to a savepoint.
 */
final class MySqlStockDialect implements StockDialect {

    private static final Comparator<StockKey> LOCK_ORDER = Comparator.comparing(StockKey::warehouseCode)
            .thenComparing(StockKey::skuCode);

    /** SKUs per reservation statement (see reserveByWarehouse). */
    private static final int SKUS_PER_STATEMENT = 128;

    private final StockRows rows;
    private final TransactionTemplate savepoint;

    MySqlStockDialect(StockRows rows, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public Comparator<StockKey> lockOrder() {
        return LOCK_ORDER;
    }

    @Override
    public Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return levels;
        }
        List<String> warehouses = rows.jdbc().queryForList("SELECT DISTINCT warehouse_code FROM stock WHERE "
                        + rows.keyLists().matches("sku_code", "skus"),
                Map.of("skus", rows.keyLists().bind(skuCodes)), String.class);
        for (String warehouse : warehouses.stream().sorted().toList()) {
            levels.putAll(rows.levelsOf(skuCodes, warehouse, "FOR UPDATE"));
        }
        return levels;
    }

    /**
     * Only the rows asked for, one primary-key range statement per warehouse in warehouse order (the
     * lock order): a chunk of shipments changes a few thousand rows, while all rows of its SKUs in every
     * warehouse are several times that, each read and locked for nothing.
     */
    @Override
    public Map<StockKey, StockLevel> lockRows(Collection<StockKey> keys) {
        Map<String, List<String>> byWarehouse = new TreeMap<>();
        keys.forEach(k -> byWarehouse.computeIfAbsent(k.warehouseCode(), w -> new ArrayList<>()).add(k.skuCode()));
        Map<StockKey, StockLevel> levels = new HashMap<>();
        byWarehouse.forEach((warehouse, skus) -> levels.putAll(rows.levelsOf(skus, warehouse, "FOR UPDATE")));
        return levels;
    }

    /**
     * One joined update per {@value ValueRows#ROWS_PER_STATEMENT} rows (see {@link ValueRows}), not a
     * statement per row: a chunk of shipments moves a couple of thousand stock rows. The rows are
     * locked and checked by the ledger, so every one of them is found.
     */
    @Override
    public void change(List<Map.Entry<StockKey, int[]>> changes) {
        for (List<Map.Entry<StockKey, int[]>> piece : ValueRows.pieces(changes)) {
            int updated = rows.jdbc().getJdbcTemplate().update("""
                    UPDATE stock s JOIN (%s) d ON s.warehouse_code = d.warehouse AND s.sku_code = d.sku
                       SET s.on_hand = s.on_hand + d.on_hand_change, s.allocated = s.allocated + d.allocated_change
                    """.formatted(ValueRows.table(List.of("warehouse", "sku", "on_hand_change", "allocated_change"),
                    piece.size())), ps -> {
                int i = 1;
                for (Map.Entry<StockKey, int[]> row : piece) {
                    ps.setString(i++, row.getKey().warehouseCode());
                    ps.setString(i++, row.getKey().skuCode());
                    ps.setInt(i++, row.getValue()[0]);
                    ps.setInt(i++, row.getValue()[1]);
                }
            });
            if (updated != piece.size()) {
                throw new IllegalStateException((piece.size() - updated) + " stock rows being changed were not found;"
                        + " nothing is applied");
            }
        }
    }

    @Override
    public String reserveWhereAvailable(Map<StockKey, Integer> quantities) {
        return reserveByWarehouse(quantities);
    }

    @Override
    public boolean tryReserve(Map<StockKey, Integer> quantities) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            if (reserveByWarehouse(quantities) == null) {
                return true;
            }
            status.setRollbackOnly();
            return false;
        }));
    }

    /**
     * Statements per warehouse, in warehouse order, each a primary-key range over up to
     * {@value #SKUS_PER_STATEMENT} SKUs in SKU order (which MySQL walks in key order); the quantity
     * of each row is picked by a CASE on the SKU. The bound matters: MySQL evaluates a CASE branch by
     * branch for every row, so one statement over a whole warehouse costs the square of its rows.
     */
    private String reserveByWarehouse(Map<StockKey, Integer> quantities) {
        Map<String, Map<String, Integer>> byWarehouse = quantities.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getKey().warehouseCode(), TreeMap::new,
                        Collectors.toMap(e -> e.getKey().skuCode(), Map.Entry::getValue, Integer::sum, TreeMap::new)));
        for (Map.Entry<String, Map<String, Integer>> warehouse : byWarehouse.entrySet()) {
            List<Map.Entry<String, Integer>> skus = List.copyOf(warehouse.getValue().entrySet());
            for (int from = 0; from < skus.size(); from += SKUS_PER_STATEMENT) {
                List<Map.Entry<String, Integer>> slice = skus.subList(from, Math.min(skus.size(), from + SKUS_PER_STATEMENT));
                int updated = reserveInWarehouse(warehouse.getKey(), slice);
                if (updated != slice.size()) {
                    return (slice.size() - updated) + " SKUs in " + warehouse.getKey();
                }
            }
        }
        return null;
    }

    private int reserveInWarehouse(String warehouse, List<Map.Entry<String, Integer>> skus) {
        MapSqlParameterSource params = new MapSqlParameterSource("warehouse", warehouse);
        StringBuilder quantity = new StringBuilder("CASE sku_code");
        List<String> codes = new ArrayList<>(skus.size());
        int i = 0;
        for (Map.Entry<String, Integer> sku : skus) {
            quantity.append(" WHEN :s").append(i).append(" THEN :q").append(i);
            params.addValue("s" + i, sku.getKey()).addValue("q" + i, sku.getValue());
            codes.add(sku.getKey());
            i++;
        }
        quantity.append(" END");
        params.addValue("skus", codes);
        return rows.jdbc().update("""
                UPDATE stock SET allocated = allocated + %1$s
                 WHERE warehouse_code = :warehouse AND sku_code IN (:skus)
                   AND on_hand - allocated >= %1$s""".formatted(quantity), params);
    }
}
