package io.fulfil.stock;

import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only code that writes {@code stock.on_hand} or {@code stock.allocated}: every movement of stock
 * is an operation here. The split {@linkplain #reserve reserves} (locking the rows it plans against
 * first) or {@linkplain #tryReserve tries to reserve} against levels read earlier; every other
 * movement (release, short pick, shipment) goes through {@link #apply} and a count through
 * {@link #count}, both journalled in {@code stock_movement}. No row ever goes below zero or past its
 * {@code on_hand}: the ledger checks under lock, and the table's check constraint backs it up.
 *
 * <p>Lock order. Every job locks parent orders, then fulfilment orders, then stock rows, each in key
 * order. Stock rows are locked here only, in one order per database: on H2 by SKU then warehouse
 * (the {@code stock_by_sku} index, and single-row updates sorted that way); on MySQL by warehouse then
 * SKU (one primary-key range statement per warehouse, in warehouse order), because MySQL runs one
 * statement per warehouse far faster than one per row. That choice is {@link #lockOrder()}, the one
 * place where the two databases differ in what they lock.
 *
 * <p>A movement that makes stock available (a release, a count upwards) also bumps the one row of
 * {@code stock_raise} in its transaction; a running split reads it chunk by chunk
 * ({@link #raisedVersion()}) and forgets its stock projection when it moved.
 */
@Repository
public class StockLedger {

    /** SKUs per reservation statement on MySQL (see reserveByWarehouse). */
    private static final int SKUS_PER_STATEMENT = 128;

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final Database database;
    private final TransactionTemplate savepoint;

    private final Clock clock;

    public StockLedger(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database,
                       PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.database = database;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Locks every stock row of the given SKUs until the current transaction ends and returns their
     * counts as of the lock (the latest committed ones).
     */
    public Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes) {
        if (database == Database.H2 || skuCodes.isEmpty()) {
            return levelsOf(skuCodes, null, "FOR UPDATE");
        }
        Map<StockKey, StockLevel> levels = new HashMap<>();
        List<String> warehouses = jdbc.queryForList("SELECT DISTINCT warehouse_code FROM stock WHERE "
                + keyLists.matches("sku_code", "skus"), Map.of("skus", keyLists.bind(skuCodes)), String.class);
        for (String warehouse : warehouses.stream().sorted().toList()) {
            levels.putAll(levelsOf(skuCodes, warehouse, "FOR UPDATE"));
        }
        return levels;
    }

    /** The latest committed counts of every stock row of the given SKUs, read without locks. */
    public Map<StockKey, StockLevel> read(Collection<String> skuCodes) {
        return levelsOf(skuCodes, null, "");
    }

    /** Stock rows of the SKUs (in one warehouse, unless that is null), locked or not. */
    private Map<StockKey, StockLevel> levelsOf(Collection<String> skuCodes, String warehouse, String lock) {
        Map<StockKey, StockLevel> levels = new HashMap<>();
        if (skuCodes.isEmpty()) {
            return levels;
        }
        List<String> sorted = skuCodes.stream().distinct().sorted().toList();
        jdbc.query("""
                        SELECT warehouse_code, sku_code, on_hand, allocated
                          FROM stock
                         WHERE %s%s
                         ORDER BY sku_code, warehouse_code
                         %s""".formatted(warehouse == null ? "" : "warehouse_code = :warehouse AND ",
                        keyLists.matches("sku_code", "skus"), lock),
                new MapSqlParameterSource("skus", keyLists.bind(sorted)).addValue("warehouse", warehouse),
                rs -> {
                    levels.put(new StockKey(rs.getString(1), rs.getString(2)),
                            new StockLevel(rs.getInt(3), rs.getInt(4)));
                });
        return levels;
    }

    /**
     * Adds reserved quantities to {@code allocated}. The rows must be locked by this transaction; the
     * WHERE clause still refuses to go past {@code on_hand}, so a caller that forgot cannot over-allocate.
     */
    public void reserve(Map<StockKey, Integer> quantities) {
        String shortRow = reserveWhereAvailable(quantities);
        if (shortRow != null) {
            throw new DataIntegrityViolationException("stock of " + shortRow + " should have more allocated, but"
                    + " not that much is available; nothing of this chunk is applied");
        }
    }

    /**
     * Reserves without locking first: every row gets its quantity if it still has it available, or
     * nothing changes at all and the answer is false. On MySQL the updates run inside a savepoint that
     * is rolled back. H2 (2.5.252) must not use a savepoint here: after a process kill it reopened a
     * chunk that had used one with the chunk's updates kept and its inserts lost (found by
     * KilledSplitProcessTests), so on H2 the rows that were updated are given back instead; they are
     * locked by this transaction, so nobody has changed them since.
     */
    public boolean tryReserve(Map<StockKey, Integer> quantities) {
        if (database == Database.H2) {
            List<Map.Entry<StockKey, Integer>> rows = inLockOrder(quantities);
            int[] updated = updateRows(rows, +1);
            List<Map.Entry<StockKey, Integer>> applied = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (updated[i] == 1) {
                    applied.add(rows.get(i));
                }
            }
            if (applied.size() == rows.size()) {
                return true;
            }
            updateRows(applied, -1);
            return false;
        }
        return Boolean.TRUE.equals(savepoint.execute(status -> {
            if (reserveByWarehouse(quantities) == null) {
                return true;
            }
            status.setRollbackOnly();
            return false;
        }));
    }

    /** Applies the quantities; returns a description of the rows that were short, or null. */
    private String reserveWhereAvailable(Map<StockKey, Integer> quantities) {
        if (quantities.isEmpty()) {
            return null;
        }
        return database == Database.H2 ? reserveRowByRow(quantities) : reserveByWarehouse(quantities);
    }

    /** One primary-key update per row, in one JDBC batch, by SKU then warehouse. */
    private String reserveRowByRow(Map<StockKey, Integer> quantities) {
        List<Map.Entry<StockKey, Integer>> rows = inLockOrder(quantities);
        int[] updated = updateRows(rows, +1);
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] != 1) {
                return rows.get(i).getKey().skuCode() + " in " + rows.get(i).getKey().warehouseCode();
            }
        }
        return null;
    }

    private static List<Map.Entry<StockKey, Integer>> inLockOrder(Map<StockKey, Integer> quantities) {
        return quantities.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(StockKey::skuCode)
                        .thenComparing(StockKey::warehouseCode)))
                .toList();
    }

    /**
     * Adds (sign +1) or gives back (sign -1) each row's quantity, by primary key, in one batch. Adding
     * applies only where the quantity is still available; the answer is each row's update count.
     */
    private int[] updateRows(List<Map.Entry<StockKey, Integer>> rows, int sign) {
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
        return jdbc.update("""
                UPDATE stock SET allocated = allocated + %1$s
                 WHERE warehouse_code = :warehouse AND sku_code IN (:skus)
                   AND on_hand - allocated >= %1$s""".formatted(quantity), params);
    }

    /** The order in which this database's statements lock stock rows (see the class comment). */
    public Comparator<StockKey> lockOrder() {
        return database == Database.H2
                ? Comparator.comparing(StockKey::skuCode).thenComparing(StockKey::warehouseCode)
                : Comparator.comparing(StockKey::warehouseCode).thenComparing(StockKey::skuCode);
    }

    /**
     * How often stock was made available since the database was created: a running split compares it
     * before each chunk and re-reads stock levels when it moved.
     */
    public long raisedVersion() {
        Long raised = jdbc.getJdbcTemplate().queryForObject("SELECT raised FROM stock_raise WHERE id = 1", Long.class);
        return raised == null ? 0 : raised;
    }

    /**
     * Applies movements (releases, short picks, shipments) in the caller's transaction and journals
     * them. The rows are locked first, in lock order; if any row is missing or would leave
     * {@code 0 <= allocated <= on_hand}, nothing is applied and the exception names the row.
     */
    public void apply(List<StockMovement> movements, Long jobExecutionId) {
        if (movements.isEmpty()) {
            return;
        }
        Map<StockKey, int[]> changes = new TreeMap<>(lockOrder());
        for (StockMovement m : movements) {
            int[] change = changes.computeIfAbsent(m.key(), k -> new int[2]);
            change[0] += m.onHandChange();
            change[1] += m.allocatedChange();
        }
        Map<StockKey, StockLevel> levels = lockSkus(changes.keySet().stream().map(StockKey::skuCode).toList());
        List<Map.Entry<StockKey, int[]>> rows = new ArrayList<>(changes.entrySet());
        for (Map.Entry<StockKey, int[]> row : rows) {
            StockLevel level = levels.get(row.getKey());
            if (level == null) {
                throw new IllegalStateException("no stock row for SKU " + row.getKey().skuCode() + " in warehouse "
                        + row.getKey().warehouseCode() + "; nothing is applied");
            }
            int onHand = level.onHand() + row.getValue()[0];
            int allocated = level.allocated() + row.getValue()[1];
            if (allocated < 0 || allocated > onHand) {
                throw new IllegalStateException("stock of SKU " + row.getKey().skuCode() + " in warehouse "
                        + row.getKey().warehouseCode() + " would be on_hand " + onHand + ", allocated " + allocated
                        + " (now " + level.onHand() + ", " + level.allocated() + "); nothing is applied");
            }
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE stock SET on_hand = on_hand + ?, allocated = allocated + ?
                 WHERE warehouse_code = ? AND sku_code = ?""", rows, rows.size(), (ps, row) -> {
            ps.setInt(1, row.getValue()[0]);
            ps.setInt(2, row.getValue()[1]);
            ps.setString(3, row.getKey().warehouseCode());
            ps.setString(4, row.getKey().skuCode());
        });
        journal(movements, jobExecutionId);
        if (movements.stream().anyMatch(StockMovement::raisesAvailability)) {
            signalRaise();
        }
    }

    /**
     * Records counts of the shelf ({@code load stock.csv}): sets {@code on_hand} and the bin of each
     * row (a new row starts with nothing allocated) and journals the difference. A count below what
     * is allocated is refused: those units are promised. Nothing is applied when one row is refused.
     */
    public void count(List<StockCount> counts, String actor, Long jobExecutionId) {
        if (counts.isEmpty()) {
            return;
        }
        List<StockCount> sorted = counts.stream().sorted(Comparator.comparing(StockCount::key, lockOrder())).toList();
        Map<StockKey, StockLevel> levels = lockSkus(sorted.stream().map(c -> c.key().skuCode()).distinct().toList());
        LocalDateTime now = LocalDateTime.now(clock);
        List<StockCount> inserts = new ArrayList<>();
        List<StockCount> updates = new ArrayList<>();
        List<StockMovement> movements = new ArrayList<>();
        for (StockCount c : sorted) {
            StockLevel level = levels.get(c.key());
            int before = level == null ? 0 : level.onHand();
            if (level != null && c.onHand() < level.allocated()) {
                throw new IllegalStateException("count " + c.onHand() + " of SKU " + c.key().skuCode() + " in warehouse "
                        + c.key().warehouseCode() + " is below the " + level.allocated() + " already allocated");
            }
            (level == null ? inserts : updates).add(c);
            if (c.onHand() != before) {
                movements.add(new StockMovement(c.key(), MovementKind.COUNT, c.onHand() - before, 0, null, null,
                        "counted " + c.onHand() + " (was " + before + ")", actor, now));
            }
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO stock (warehouse_code, sku_code, on_hand, allocated, location_code)
                VALUES (?, ?, ?, 0, ?)""", inserts, Math.max(1, inserts.size()), (ps, c) -> {
            ps.setString(1, c.key().warehouseCode());
            ps.setString(2, c.key().skuCode());
            ps.setInt(3, c.onHand());
            ps.setString(4, c.locationCode());
        });
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE stock SET on_hand = ?, location_code = ?
                 WHERE warehouse_code = ? AND sku_code = ?""", updates, Math.max(1, updates.size()), (ps, c) -> {
            ps.setInt(1, c.onHand());
            ps.setString(2, c.locationCode());
            ps.setString(3, c.key().warehouseCode());
            ps.setString(4, c.key().skuCode());
        });
        journal(movements, jobExecutionId);
        if (movements.stream().anyMatch(StockMovement::raisesAvailability)) {
            signalRaise();
        }
    }

    private void journal(List<StockMovement> movements, Long jobExecutionId) {
        if (movements.isEmpty()) {
            return;
        }
        String recordedAt = SqlTimestamps.text(LocalDateTime.now(clock));
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO stock_movement (warehouse_code, sku_code, kind, on_hand_change, allocated_change,
                       reference, order_no, reason, actor, occurred_at, recorded_at, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", movements, movements.size(), (ps, m) -> {
            ps.setString(1, m.key().warehouseCode());
            ps.setString(2, m.key().skuCode());
            ps.setString(3, m.kind().name());
            ps.setInt(4, m.onHandChange());
            ps.setInt(5, m.allocatedChange());
            ps.setString(6, clip(m.reference(), 120));
            ps.setString(7, m.orderNo());
            ps.setString(8, clip(m.reason(), 300));
            ps.setString(9, clip(m.actor(), 100));
            ps.setString(10, SqlTimestamps.text(m.occurredAt()));
            ps.setString(11, recordedAt);
            ps.setObject(12, jobExecutionId, Types.BIGINT);
        });
    }

    /** Taken after the stock rows (the lock order), held until the caller's transaction ends. */
    private void signalRaise() {
        jdbc.getJdbcTemplate().update("UPDATE stock_raise SET raised = raised + 1 WHERE id = 1");
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
