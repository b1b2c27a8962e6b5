package io.fulfil.stock;

import io.fulfil.support.BulkInsert;
import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The only code that writes {@code stock.on_hand} or {@code stock.allocated}: every movement of stock
 * is an operation here. The split {@linkplain #reserve reserves} (locking the rows it plans against
 * first) or {@linkplain #tryReserve tries to reserve} against levels read earlier; every other
 * movement (release, short pick, shipment) goes through {@link #apply} and a count through
 * {@link #count}, both journalled in {@code stock_movement}. No row ever goes below zero or past its
 * {@code on_hand}: the ledger checks each change in the condition of the update that locks the row
 * (a movement) or as it locks the row (a count), and the table's check constraint backs it up.
 *
 * <p>Lock order. Every job locks parent orders, then fulfilment orders, then stock rows, each in key
 * order. Stock rows are locked here only, in one order per database: on H2 by SKU then warehouse
 * (the {@code stock_by_sku} index, and single-row updates sorted that way); on MySQL by warehouse then
 * SKU (one primary-key range statement per warehouse, in warehouse order, or a joined update driven
 * by the rows in that order), because MySQL runs one statement over many rows far faster than one per
 * row. Codes are sorted as Java sorts them, which is the key order under a binary collation. That choice is {@link #lockOrder()}, the one
 * place where the two databases differ in what they lock.
 *
 * <p>A movement that makes stock available (a release, a count upwards) also bumps the one row of
 * {@code stock_raise} in its transaction; a running split reads it chunk by chunk
 * ({@link #raisedVersion()}) and forgets its stock projection when it moved.
 */
@Repository
public class StockLedger {

    private final NamedParameterJdbcTemplate jdbc;
    private final StockRows rows;
    private final StockDialect dialect;
    private final Clock clock;
    /** Every movement a row of stock_movement. */
    private final BulkInsert<StockMovement> journalInsert;
    /**
     * The same rows when a call's movements share their kind, reason and actor (a chunk of shipments,
     * of reservations): those are bound once. On MySQL each row is an object of the JSON document, and
     * the server finds each of a row's values by reading the object from its start, so every column
     * left out of it saves work on every row (200,000 journal rows: 2.07 s with ten columns in the
     * document, 1.45 s with seven, on this machine's MariaDB).
     */
    private final BulkInsert<StockMovement> uniformJournalInsert;

    public StockLedger(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database,
                       PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rows = new StockRows(jdbc, keyLists);
        this.dialect = database == Database.MYSQL ? new MySqlStockDialect(rows, transactions) : new H2StockDialect(rows);
        this.journalInsert = BulkInsert.into("stock_movement")
                .text("warehouse_code").text("sku_code").text("kind").integer("on_hand_change")
                .integer("allocated_change").text("reference").text("order_no").text("reason").text("actor")
                .text("occurred_at")
                .constant("recorded_at", Types.VARCHAR).constant("job_execution_id", Types.BIGINT)
                .build(database, (StockMovement m, BulkInsert.Values v) -> v
                        .string(m.key().warehouseCode()).string(m.key().skuCode()).string(m.kind().name())
                        .integer(m.onHandChange()).integer(m.allocatedChange()).string(clip(m.reference(), 120))
                        .string(m.orderNo()).string(clip(m.reason(), 300)).string(clip(m.actor(), 100))
                        .string(SqlTimestamps.text(m.occurredAt())));
        this.uniformJournalInsert = BulkInsert.into("stock_movement")
                .text("warehouse_code").text("sku_code").integer("on_hand_change").integer("allocated_change")
                .text("reference").text("order_no").text("occurred_at")
                .constant("kind", Types.VARCHAR).constant("reason", Types.VARCHAR).constant("actor", Types.VARCHAR)
                .constant("recorded_at", Types.VARCHAR).constant("job_execution_id", Types.BIGINT)
                .build(database, (StockMovement m, BulkInsert.Values v) -> v
                        .string(m.key().warehouseCode()).string(m.key().skuCode())
                        .integer(m.onHandChange()).integer(m.allocatedChange()).string(clip(m.reference(), 120))
                        .string(m.orderNo()).string(SqlTimestamps.text(m.occurredAt())));
    }

    /**
     * Locks every stock row of the given SKUs until the current transaction ends and returns their
     * counts as of the lock (the latest committed ones).
     */
    public Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes) {
        return dialect.lockSkus(skuCodes);
    }

    /** The latest committed counts of every stock row of the given SKUs, read without locks. */
    public Map<StockKey, StockLevel> read(Collection<String> skuCodes) {
        return rows.levelsOf(skuCodes, null, "");
    }

    /**
     * Adds reserved quantities to {@code allocated}. The rows must be locked by this transaction; the
     * WHERE clause still refuses to go past {@code on_hand}, so a caller that forgot cannot over-allocate.
     */
    public void reserve(Map<StockKey, Integer> quantities) {
        String shortRow = quantities.isEmpty() ? null : dialect.reserveWhereAvailable(quantities);
        if (shortRow != null) {
            throw new DataIntegrityViolationException("stock of " + shortRow + " should have more allocated, but"
                    + " not that much is available; nothing of this chunk is applied");
        }
    }

    /**
     * Reserves without locking first: every row gets its quantity if it still has it available, or
     * nothing changes at all and the answer is false.
     */
    public boolean tryReserve(Map<StockKey, Integer> quantities) {
        return dialect.tryReserve(quantities);
    }

    /** The order in which this database's statements lock stock rows (see the class comment). */
    public Comparator<StockKey> lockOrder() {
        return dialect.lockOrder();
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
     * them, each row locked in lock order as it changes. If any row is missing or would leave
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
        List<Map.Entry<StockKey, int[]>> changed = new ArrayList<>(changes.entrySet());
        if (!dialect.changeWithinBounds(changed)) {
            // nothing was applied; the first offending row, as it stands now, is named
            String offender = outOfBounds(changed, rows.levelsOf(
                    changed.stream().map(e -> e.getKey().skuCode()).distinct().toList(), null, ""));
            throw new IllegalStateException((offender == null ? "stock rows changed meanwhile" : offender)
                    + "; nothing is applied");
        }
        journal(movements, jobExecutionId);
        if (movements.stream().anyMatch(StockMovement::raisesAvailability)) {
            signalRaise();
        }
    }

    /**
     * The first row of {@code changes} that is missing from {@code levels} or that its change would take
     * out of {@code 0 <= allocated <= on_hand}, described; null when every row stays within bounds.
     */
    static String outOfBounds(List<Map.Entry<StockKey, int[]>> changes, Map<StockKey, StockLevel> levels) {
        for (Map.Entry<StockKey, int[]> row : changes) {
            StockLevel level = levels.get(row.getKey());
            if (level == null) {
                return "no stock row for SKU " + row.getKey().skuCode() + " in warehouse "
                        + row.getKey().warehouseCode();
            }
            int onHand = level.onHand() + row.getValue()[0];
            int allocated = level.allocated() + row.getValue()[1];
            if (allocated < 0 || allocated > onHand) {
                return "stock of SKU " + row.getKey().skuCode() + " in warehouse " + row.getKey().warehouseCode()
                        + " would be on_hand " + onHand + ", allocated " + allocated + " (now " + level.onHand()
                        + ", " + level.allocated() + ")";
            }
        }
        return null;
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
        StockMovement first = movements.get(0);
        boolean uniform = movements.stream().allMatch(m -> m.kind() == first.kind()
                && Objects.equals(m.reason(), first.reason()) && Objects.equals(m.actor(), first.actor()));
        if (uniform) {
            uniformJournalInsert.insert(jdbc.getJdbcTemplate(), movements, first.kind().name(),
                    clip(first.reason(), 300), clip(first.actor(), 100), recordedAt, jobExecutionId);
        } else {
            journalInsert.insert(jdbc.getJdbcTemplate(), movements, recordedAt, jobExecutionId);
        }
    }

    /** Taken after the stock rows (the lock order), held until the caller's transaction ends. */
    private void signalRaise() {
        jdbc.getJdbcTemplate().update("UPDATE stock_raise SET raised = raised + 1 WHERE id = 1");
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
