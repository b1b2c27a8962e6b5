package io.fulfil.stock;

import static io.fulfil.support.JsonTable.Column.integer;
import static io.fulfil.support.JsonTable.Column.text;

import io.fulfil.support.JsonTable;
import io.fulfil.support.KeyCollations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MySQL/MariaDB: rows are locked by warehouse, then SKU (one primary-key range statement per
 * warehouse, in warehouse order, or one joined update per few hundred rows in that order), because
 * MySQL runs one statement over many rows far faster than one per row; a try that falls short is
 * rolled back to a savepoint.
 */
final class MySqlStockDialect implements StockDialect {

    private static final Comparator<StockKey> LOCK_ORDER = Comparator.comparing(StockKey::warehouseCode)
            .thenComparing(StockKey::skuCode);

    private final StockRows rows;
    private final KeyCollations keys;
    private final TransactionTemplate savepoint;

    MySqlStockDialect(StockRows rows, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.keys = new KeyCollations(rows.jdbc().getJdbcTemplate());
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
     * One joined update per {@value JsonTable#ROWS_PER_STATEMENT} rows (see {@link JsonTable}), not a
     * statement per row (a chunk of shipments moves a couple of thousand stock rows), each row changed
     * only where it stays within bounds, and no read that locks the rows first: the update locks them,
     * in the order given ({@code STRAIGHT_JOIN}, as {@link #reserveJoined}). All or nothing: when a row
     * was not matched (missing, or out of bounds) the statements so far roll back to a savepoint.
     */
    @Override
    public boolean changeWithinBounds(List<Map.Entry<StockKey, int[]>> changes) {
        return everyRowMatched(changes, piece -> rows.jdbc().getJdbcTemplate().update(JsonTable.statement("""
                UPDATE %s d STRAIGHT_JOIN stock s FORCE INDEX (PRIMARY)
                    ON %s
                   SET s.on_hand = s.on_hand + d.on_hand_change, s.allocated = s.allocated + d.allocated_change
                 WHERE s.allocated + d.allocated_change >= 0
                   AND s.allocated + d.allocated_change <= s.on_hand + d.on_hand_change
                """.formatted(JsonTable.of(text("warehouse"), text("sku"), integer("on_hand_change"),
                integer("allocated_change")), stockKeyMatches()), piece, (row, json) -> {
            json.string(0, row.getKey().warehouseCode());
            json.string(1, row.getKey().skuCode());
            json.number(2, row.getValue()[0]);
            json.number(3, row.getValue()[1]);
        })));
    }

    /**
     * Runs {@code statement} on each {@link JsonTable} piece of {@code rows} in order, inside a
     * savepoint; true when every piece matched all its rows (the driver counts the rows matched), else
     * false with everything rolled back to the savepoint.
     */
    private <T> boolean everyRowMatched(List<T> rows, ToIntFunction<List<T>> statement) {
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            for (List<T> piece : JsonTable.pieces(rows)) {
                if (statement.applyAsInt(piece) != piece.size()) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        }));
    }

    /**
     * All or nothing, as {@link #tryReserve}; when a row falls short, its levels are read again after
     * the rollback to name it (rows a reservation fell short of are a bug of the caller, who locked them).
     */
    @Override
    public String reserveWhereAvailable(Map<StockKey, Integer> quantities) {
        return tryReserve(quantities) ? null : shortRows(quantities);
    }

    @Override
    public boolean tryReserve(Map<StockKey, Integer> quantities) {
        return everyRowMatched(inLockOrder(quantities), this::reserveJoined);
    }

    /**
     * One piece's joined update (see {@link #everyRowMatched}), in lock order, every row reserved only
     * where it still has the quantity available; the rows matched. {@code STRAIGHT_JOIN} makes the
     * JSON table, read in the order given, drive the join, each stock row found by its
     * primary key ({@code FORCE INDEX}: on a small or freshly counted table the optimizer may prefer
     * reading it whole, locking every row on the way), so rows are locked in the order given. A chunk of the split reserves a couple of
     * thousand rows: this is a handful of statements, where one range statement per warehouse and 128
     * SKUs (each row's quantity picked by a {@code CASE}) was some forty.
     */
    private int reserveJoined(List<Map.Entry<StockKey, Integer>> piece) {
        return rows.jdbc().getJdbcTemplate().update(JsonTable.statement("""
                UPDATE %s d STRAIGHT_JOIN stock s FORCE INDEX (PRIMARY)
                    ON %s
                   SET s.allocated = s.allocated + d.quantity
                 WHERE s.on_hand - s.allocated >= d.quantity
                """.formatted(JsonTable.of(text("warehouse"), text("sku"), integer("quantity")), stockKeyMatches()),
                piece, (row, json) -> {
                    json.string(0, row.getKey().warehouseCode());
                    json.string(1, row.getKey().skuCode());
                    json.number(2, row.getValue());
                }));
    }

    /** The JSON table's row {@code d} is stock row {@code s} (see {@link KeyCollations}). */
    private String stockKeyMatches() {
        return "s.warehouse_code = " + keys.as("stock", "warehouse_code", "d.warehouse")
                + " AND s.sku_code = " + keys.as("stock", "sku_code", "d.sku");
    }

    private static List<Map.Entry<StockKey, Integer>> inLockOrder(Map<StockKey, Integer> quantities) {
        return quantities.entrySet().stream().sorted(Map.Entry.comparingByKey(LOCK_ORDER)).toList();
    }

    /** The rows without the quantity available (or missing), as of now: the first few, named. */
    private String shortRows(Map<StockKey, Integer> quantities) {
        Map<StockKey, StockLevel> levels = rows.levelsOf(
                quantities.keySet().stream().map(StockKey::skuCode).distinct().toList(), null, "");
        List<String> named = new ArrayList<>();
        inLockOrder(quantities).forEach(row -> {
            StockLevel level = levels.get(row.getKey());
            int available = level == null ? 0 : level.onHand() - level.allocated();
            if (available < row.getValue() && named.size() < 3) {
                named.add(row.getKey().skuCode() + " in " + row.getKey().warehouseCode() + " ("
                        + (level == null ? "no stock row" : available + " available") + ", " + row.getValue()
                        + " wanted)");
            }
        });
        return named.isEmpty() ? "rows that another transaction changed meanwhile" : String.join(", ", named);
    }
}
