package io.fulfil.picking.confirm;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.split.Amounts;
import io.fulfil.support.BulkInsert;
import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.Money;
import io.fulfil.support.SqlTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of pick confirmations: pick lines, fulfilment lines and backorders, a whole chunk per
 * statement (lookups by key list, writes as JDBC batches or a {@link BulkInsert}). Status changes go through
 * {@code FulfilmentOrders}, stock through {@code StockLedger}; this class writes neither.
 */
@Repository
class PickStore {

    /** A fulfilment line as the short pick changes it. */
    record FulfilmentLine(String fulfilmentNo, int lineNo, String orderNo, int orderLineNo, String skuCode,
                          int quantity, Amounts amounts) {
    }

    /** An order line's backorder row. */
    record Backorder(String orderNo, int orderLineNo, String skuCode, int quantity, Amounts amounts) {
    }

    /** A pick line's columns and its confirmation's, in {@link #pickLine}'s order: see {@link #LINE_WITH_CONFIRMATION}. */
    private static final String PICK_LINE_COLUMNS = """
            p.wave_no, p.pick_seq, p.fulfilment_no, p.fulfilment_line_no, p.sku_code, p.quantity,
            c.picked_qty, c.picker, c.picked_at""";

    /** Joins a pick line {@code p} to its confirmation {@code c}, if it has one. */
    private static final String LINE_WITH_CONFIRMATION = "LEFT JOIN pick_confirmation c ON "
            + PickConfirmations.CONFIRMATION_OF_LINE;

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final BulkInsert<PickConfirmation> confirmationInsert;

    PickStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.confirmationInsert = BulkInsert.into("pick_confirmation")
                .text("wave_no").integer("pick_seq").integer("picked_qty").text("picker").text("picked_at")
                .constant("confirmed_at", Types.VARCHAR).constant("job_execution_id", Types.BIGINT)
                .build(database, (PickConfirmation r, BulkInsert.Values v) -> v.string(r.waveNo()).integer(r.pickSeq())
                        .integer(r.pickedQty()).string(r.picker()).string(SqlTimestamps.text(r.pickedAt())));
    }

    /**
     * Every pick line of these waves, with the fulfilment order it belongs to, read without locks: one
     * statement that reads each wave by its primary-key prefix (a chunk of a file in wave order spans
     * a few waves), so no key list of pick lines or fulfilment orders is walked per row.
     */
    WaveLines linesOfWaves(Collection<String> waveNos) {
        Map<PickKey, PickLine> lines = new HashMap<>();
        Map<String, FulfilmentOrders.Current> orders = new HashMap<>();
        if (waveNos.isEmpty()) {
            return new WaveLines(lines, orders);
        }
        jdbc.query("""
                        SELECT %s,
                               fo.order_no, fo.warehouse_code, fo.temperature_zone, fo.status, fo.exception_from,
                               fo.wave_no
                          FROM pick_line p JOIN fulfilment_order fo ON fo.fulfilment_no = p.fulfilment_no
                               %s
                         WHERE %s""".formatted(PICK_LINE_COLUMNS, LINE_WITH_CONFIRMATION,
                        keyLists.matches("p.wave_no", "waves")),
                Map.of("waves", keyLists.bind(new TreeSet<>(waveNos))), rs -> {
                    PickLine line = pickLine(rs);
                    lines.put(line.key(), line);
                    if (!orders.containsKey(line.fulfilmentNo())) {
                        String from = rs.getString(14);
                        orders.put(line.fulfilmentNo(), new FulfilmentOrders.Current(line.fulfilmentNo(),
                                rs.getString(10), rs.getString(11), rs.getString(12),
                                FulfilmentStatus.valueOf(rs.getString(13)),
                                from == null ? null : FulfilmentStatus.valueOf(from), rs.getString(15)));
                    }
                });
        return new WaveLines(lines, orders);
    }

    /** Every pick line of these waves, read without locks (one statement, by primary-key prefix). */
    Map<PickKey, PickLine> pickLinesOfWaves(Collection<String> waveNos) {
        Map<PickKey, PickLine> lines = new HashMap<>();
        if (waveNos.isEmpty()) {
            return lines;
        }
        jdbc.query("SELECT " + PICK_LINE_COLUMNS + " FROM pick_line p " + LINE_WITH_CONFIRMATION + " WHERE "
                        + keyLists.matches("p.wave_no", "waves"),
                Map.of("waves", keyLists.bind(new TreeSet<>(waveNos))), rs -> {
                    PickLine line = pickLine(rs);
                    lines.put(line.key(), line);
                });
        return lines;
    }

    /** Pick lines of some waves and the fulfilment orders they belong to (as last committed). */
    record WaveLines(Map<PickKey, PickLine> lines, Map<String, FulfilmentOrders.Current> orders) {
    }

    private static PickLine pickLine(ResultSet rs) throws SQLException {
        int picked = rs.getInt(7);
        Integer pickedQty = rs.wasNull() ? null : picked;
        return new PickLine(new PickKey(rs.getString(1), rs.getInt(2)), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getInt(6), pickedQty, rs.getString(8), rs.getObject(9, LocalDateTime.class));
    }

    Set<String> existing(String table, String column, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE "
                + keyLists.matches(column, "keys"), Map.of("keys", keyLists.bind(new TreeSet<>(keys))), String.class));
    }

    /** The fulfilment lines of these fulfilment orders (locked by the caller through their orders). */
    Map<String, Map<Integer, FulfilmentLine>> fulfilmentLines(Collection<String> fulfilmentNos) {
        Map<String, Map<Integer, FulfilmentLine>> lines = new TreeMap<>();
        if (fulfilmentNos.isEmpty()) {
            return lines;
        }
        jdbc.query("""
                        SELECT fulfilment_no, line_no, order_no, order_line_no, sku_code, quantity,
                               goods_amount, discount_amount, shipping_fee
                          FROM fulfilment_line WHERE %s""".formatted(keyLists.matches("fulfilment_no", "nos")),
                Map.of("nos", keyLists.bind(new TreeSet<>(fulfilmentNos))), rs -> {
                    FulfilmentLine line = new FulfilmentLine(rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getInt(6), amounts(rs, 7));
                    lines.computeIfAbsent(line.fulfilmentNo(), k -> new TreeMap<>()).put(line.lineNo(), line);
                });
        return lines;
    }

    /** The backorder rows of these orders (locked by the caller). */
    Map<String, Backorder> backorders(Collection<String> orderNos) {
        Map<String, Backorder> rows = new HashMap<>();
        if (orderNos.isEmpty()) {
            return rows;
        }
        jdbc.query("""
                        SELECT order_no, order_line_no, sku_code, quantity, goods_amount, discount_amount, shipping_fee
                          FROM backorder WHERE %s""".formatted(keyLists.matches("order_no", "nos")),
                Map.of("nos", keyLists.bind(new TreeSet<>(orderNos))), rs -> {
                    Backorder b = new Backorder(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                            amounts(rs, 5));
                    rows.put(backorderKey(b.orderNo(), b.orderLineNo()), b);
                });
        return rows;
    }

    static String backorderKey(String orderNo, int orderLineNo) {
        return orderNo + "#" + orderLineNo;
    }

    private static Amounts amounts(ResultSet rs, int from) throws SQLException {
        return new Amounts(Money.toCents(rs.getBigDecimal(from)), Money.toCents(rs.getBigDecimal(from + 1)),
                Money.toCents(rs.getBigDecimal(from + 2)));
    }

    /**
     * Records the confirmations of pick lines that must all be unconfirmed (their fulfilment orders are
     * locked by the caller, and only holders of that lock confirm a pick line): one insert per row into
     * {@code pick_confirmation}, sent as one {@link BulkInsert}. A
     * line confirmed by someone else meanwhile is a duplicate key: the chunk rolls back.
     */
    void confirm(List<PickConfirmation> rows, LocalDateTime confirmedAt, long jobExecutionId) {
        if (rows.isEmpty()) {
            return;
        }
        String at = SqlTimestamps.text(confirmedAt);
        try {
            confirmationInsert.insert(jdbc.getJdbcTemplate(), rows, at, jobExecutionId);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a pick line of this chunk was confirmed by someone else meanwhile;"
                    + " nothing of this chunk is applied", e);
        }
    }

    void updateLines(List<FulfilmentLine> lines) {
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE fulfilment_line SET quantity = ?, goods_amount = ?, discount_amount = ?, shipping_fee = ?,
                       paid_amount = ?
                 WHERE fulfilment_no = ? AND line_no = ?""", lines, Math.max(1, lines.size()), (ps, l) -> {
            ps.setInt(1, l.quantity());
            setAmounts(ps, 2, l.amounts());
            ps.setString(6, l.fulfilmentNo());
            ps.setInt(7, l.lineNo());
        });
    }

    void deleteLines(List<FulfilmentLine> lines) {
        jdbc.getJdbcTemplate().batchUpdate("DELETE FROM fulfilment_line WHERE fulfilment_no = ? AND line_no = ?",
                lines, Math.max(1, lines.size()), (ps, l) -> {
                    ps.setString(1, l.fulfilmentNo());
                    ps.setInt(2, l.lineNo());
                });
    }

    void insertBackorders(List<Backorder> rows, LocalDateTime now) {
        String at = SqlTimestamps.text(now);
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO backorder (order_no, order_line_no, sku_code, quantity, goods_amount, discount_amount,
                       shipping_fee, paid_amount, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, Math.max(1, rows.size()), (ps, b) -> {
            ps.setString(1, b.orderNo());
            ps.setInt(2, b.orderLineNo());
            ps.setString(3, b.skuCode());
            ps.setInt(4, b.quantity());
            setAmounts(ps, 5, b.amounts());
            ps.setString(9, at);
        });
    }

    void updateBackorders(List<Backorder> rows) {
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE backorder SET quantity = ?, goods_amount = ?, discount_amount = ?, shipping_fee = ?,
                       paid_amount = ?
                 WHERE order_no = ? AND order_line_no = ?""", rows, Math.max(1, rows.size()), (ps, b) -> {
            ps.setInt(1, b.quantity());
            setAmounts(ps, 2, b.amounts());
            ps.setString(6, b.orderNo());
            ps.setInt(7, b.orderLineNo());
        });
    }

    /** Sets each fulfilment order's amounts (the sums of its lines). */
    void updateFulfilmentAmounts(Map<String, Amounts> sums) {
        List<Map.Entry<String, Amounts>> rows = List.copyOf(sums.entrySet());
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE fulfilment_order SET goods_amount = ?, discount_amount = ?, shipping_fee = ?, paid_amount = ?
                 WHERE fulfilment_no = ?""", rows, Math.max(1, rows.size()), (ps, e) -> {
            setAmounts(ps, 1, e.getValue());
            ps.setString(5, e.getKey());
        });
    }

    private static void setAmounts(java.sql.PreparedStatement ps, int from, Amounts a) throws SQLException {
        ps.setBigDecimal(from, Money.fromCents(a.goods()));
        ps.setBigDecimal(from + 1, Money.fromCents(a.discount()));
        ps.setBigDecimal(from + 2, Money.fromCents(a.shipping()));
        ps.setBigDecimal(from + 3, Money.fromCents(a.paid()));
    }

    /** Rows these executions confirmed, and how many of them were short. */
    long[] confirmedBy(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return new long[2];
        }
        return jdbc.queryForObject("""
                        SELECT COUNT(*), COALESCE(SUM(CASE WHEN c.picked_qty < p.quantity THEN 1 ELSE 0 END), 0)
                          FROM pick_confirmation c JOIN pick_line p ON %s
                         WHERE c.job_execution_id IN (:ids)""".formatted(PickConfirmations.CONFIRMATION_OF_LINE),
                Map.of("ids", jobExecutionIds), (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }
}
