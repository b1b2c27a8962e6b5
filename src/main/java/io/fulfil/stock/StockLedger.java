package io.fulfil.stock;

import io.fulfil.support.KeyLists;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only code that changes {@code stock.allocated}. Callers either lock the rows they plan against
 * and then {@link #reserve}, or plan against levels read earlier and {@link #tryReserve}, which
 * applies nothing unless every row still has the quantity. Either way no row goes past its
 * {@code on_hand}; rows are locked and updated in (SKU, warehouse) order, so two runs never deadlock.
 */
@Repository
public class StockLedger {

    /** The order in which every caller locks and updates stock rows. */
    private static final Comparator<StockKey> LOCK_ORDER = Comparator.comparing(StockKey::skuCode)
            .thenComparing(StockKey::warehouseCode);

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final TransactionTemplate savepoint;

    public StockLedger(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Locks every stock row of the given SKUs until the current transaction ends and returns their
     * counts as of the lock (the latest committed ones).
     */
    public Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes) {
        return levelsOf(skuCodes, "FOR UPDATE");
    }

    /** The latest committed counts of every stock row of the given SKUs, read without locks. */
    public Map<StockKey, StockLevel> read(Collection<String> skuCodes) {
        return levelsOf(skuCodes, "");
    }

    private Map<StockKey, StockLevel> levelsOf(Collection<String> skuCodes, String lock) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return levels;
        }
        List<String> sorted = skuCodes.stream().distinct().sorted().toList();
        jdbc.query("""
                        SELECT warehouse_code, sku_code, on_hand, allocated
                          FROM stock
                         WHERE %s
                         ORDER BY sku_code, warehouse_code
                         %s""".formatted(keyLists.matches("sku_code", "skus"), lock),
                Map.of("skus", keyLists.bind(sorted)),
                rs -> {
                    levels.put(new StockKey(rs.getString(1), rs.getString(2)),
                            new StockLevel(rs.getInt(3), rs.getInt(4)));
                });
        return levels;
    }

    /**
     * Adds reserved quantities to {@code allocated}, one primary-key update per row in a single JDBC
     * batch, in lock order. The rows must be locked by this transaction; the WHERE clause still
     * refuses to go past {@code on_hand}, so a caller that forgot cannot over-allocate.
     */
    public void reserve(Map<StockKey, Integer> quantities) {
        StockKey shortRow = reserveWhereAvailable(quantities);
        if (shortRow != null) {
            throw new DataIntegrityViolationException("stock of " + shortRow.skuCode() + " in " + shortRow.warehouseCode()
                    + " should have " + quantities.get(shortRow) + " more allocated, but not that much is"
                    + " available; nothing of this chunk is applied");
        }
    }

    /**
     * Reserves without locking first: every row gets its quantity if it still has it available, or
     * nothing changes at all (the updates run inside a savepoint that is rolled back) and the answer
     * is false. Rows are updated in lock order, like {@link #lockSkus}, so this never deadlocks with
     * a run that locks.
     */
    public boolean tryReserve(Map<StockKey, Integer> quantities) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            if (reserveWhereAvailable(quantities) == null) {
                return true;
            }
            status.setRollbackOnly();
            return false;
        }));
    }

    /** Applies the quantities in one JDBC batch; returns the first row that was short, or null. */
    private StockKey reserveWhereAvailable(Map<StockKey, Integer> quantities) {
        if (quantities.isEmpty()) {
            return null;
        }
        List<Map.Entry<StockKey, Integer>> rows = quantities.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(LOCK_ORDER)).toList();
        SqlParameterSource[] params = rows.stream()
                .map(e -> new MapSqlParameterSource().addValue("qty", e.getValue())
                        .addValue("warehouse", e.getKey().warehouseCode()).addValue("sku", e.getKey().skuCode()))
                .toArray(SqlParameterSource[]::new);
        int[] updated = jdbc.batchUpdate("""
                UPDATE stock SET allocated = allocated + :qty
                 WHERE warehouse_code = :warehouse AND sku_code = :sku
                   AND on_hand - allocated >= :qty""", params);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                return rows.get(i).getKey();
            }
        }
        return null;
    }
}
