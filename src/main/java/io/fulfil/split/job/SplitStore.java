package io.fulfil.split.job;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.GrowthRoom;
import io.fulfil.fulfilment.OrderGrowthRoom;
import io.fulfil.reference.SkuCatalog;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.split.Amounts;
import io.fulfil.split.Decision;
import io.fulfil.split.DecisionTrace;
import io.fulfil.split.OpenLine;
import io.fulfil.split.PaidOrder;
import io.fulfil.split.PlannedFulfilment;
import io.fulfil.split.ShipPoint;
import io.fulfil.support.BulkInsert;
import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.Money;
import io.fulfil.support.SqlTimestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The split job's reads and writes of orders, lines, backorders, fulfilment orders and decisions:
 * one query per chunk for each kind of row, and one {@link BulkInsert} per table for the new rows.
 */
@Repository
public class SplitStore {

    /** The index of split_decision by (split_key, order_no, decision_no), migration V15. */
    public static final String DECISIONS_BY_ORDER_INDEX = "split_decision_by_order";

    /** True when decision {@code d} is one of order {@code o}'s (see {@code FulfilmentOrders.OF_ORDER}). */
    public static final String DECISION_OF_ORDER = "d.split_key = o.split_key AND d.order_no = o.order_no";

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    /** Written into every new fulfilment order's row, for waving and shipping to fill in (null on H2). */
    private final byte[] growthRoom;
    private final BulkInsert<ChunkWrites.Fulfilment> fulfilmentOrderInsert;
    private final BulkInsert<ChunkWrites.Line> fulfilmentLineInsert;
    private final BulkInsert<ChunkWrites.Backorder> backorderInsert;
    private final BulkInsert<ChunkWrites.DecisionRow> decisionInsert;

    public SplitStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.growthRoom = GrowthRoom.forNewRow(database);
        this.fulfilmentOrderInsert = fulfilmentOrderInsert(database);
        this.fulfilmentLineInsert = fulfilmentLineInsert(database);
        this.backorderInsert = backorderInsert(database);
        this.decisionInsert = decisionInsert(database);
    }

    /**
     * An order header, as read under its row lock or, by the split's demand, without one. Priority
     * and paid_at are copied onto its fulfilment orders, for the wave job. {@code splitKey} is null
     * until the order's first split (migration V15).
     */
    public record LockedOrder(String orderNo, String status, ShipPoint shipTo, boolean paidAtKnown, long goods,
                              long discount, long shipping, long paid, String priority, LocalDateTime paidAt,
                              Long splitKey) {
    }

    /** Locks the orders (in key order, so concurrent runs queue instead of deadlocking) and reads them. */
    public Map<String, LockedOrder> lockOrders(Collection<String> orderNos) {
        Map<String, LockedOrder> orders = new HashMap<>();
        if (orderNos.isEmpty()) {
            return orders;
        }
        jdbc.query("""
                        SELECT %s
                          FROM customer_order o
                         WHERE %s
                         ORDER BY o.order_no
                           FOR UPDATE""".formatted(HEADER_COLUMNS, keyLists.matches("o.order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    LockedOrder order = headerAt(rs);
                    orders.put(order.orderNo(), order);
                });
        return orders;
    }

    /**
     * Reads the orders' rows without locks, for what that leaves behind: a server that keeps them on
     * disk then holds them in memory, where the chunk's locks and updates find them next.
     */
    public void touchOrders(Collection<String> orderNos) {
        if (orderNos.isEmpty()) {
            return;
        }
        // status is in no index: the server reads each order's own row, not an index that has its key;
        // a count brings one number back instead of the rows
        jdbc.queryForObject("SELECT COUNT(o.status) FROM customer_order o WHERE "
                + keyLists.matches("o.order_no", "nos"), Map.of("nos", keyLists.bind(orderNos)), Integer.class);
    }

    /**
     * The columns of an order header {@link #headerAt} reads, from {@code customer_order} as {@code o}:
     * the demand's query selects them too, and a chunk planned from the demand is written as planned
     * only while its orders' locked rows still equal these.
     */
    static final String HEADER_COLUMNS = """
            o.order_no, o.status, o.ship_latitude, o.ship_longitude, o.paid_at,
            o.goods_amount, o.discount_amount, o.shipping_fee, o.paid_amount, o.priority, o.split_key""";

    /** How many columns {@link #HEADER_COLUMNS} has: the columns after them start at this plus one. */
    static final int HEADER_COLUMN_COUNT = HEADER_COLUMNS.split(",").length;

    /** The header whose {@link #HEADER_COLUMNS} are the row's first columns. */
    static LockedOrder headerAt(ResultSet rs) throws SQLException {
        BigDecimal lat = rs.getBigDecimal(3);
        BigDecimal lon = rs.getBigDecimal(4);
        LocalDateTime paidAt = rs.getObject(5, LocalDateTime.class);
        return new LockedOrder(rs.getString(1), rs.getString(2),
                new ShipPoint(lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue()),
                paidAt != null, cents(rs, 6), cents(rs, 7), cents(rs, 8), cents(rs, 9), rs.getString(10),
                paidAt, rs.getObject(11, Long.class));
    }

    /** An order line as read, before its SKU is looked up. */
    public record LineRow(String orderNo, int lineNo, String sku, int quantity, long price, long discount) {
    }

    /**
     * The columns of an order line {@link #lineAt} reads, from {@code order_line} as {@code l}: the
     * demand's query selects them too.
     */
    static final String LINE_COLUMNS = "l.line_no, l.sku_code, l.quantity, l.unit_price, l.line_discount";

    /** The line whose {@link #LINE_COLUMNS} start at the given column; null when they are null (no line). */
    static LineRow lineAt(ResultSet rs, String orderNo, int firstColumn) throws SQLException {
        int lineNo = rs.getInt(firstColumn);
        if (rs.wasNull()) {
            return null;
        }
        return new LineRow(orderNo, lineNo, rs.getString(firstColumn + 1), rs.getInt(firstColumn + 2),
                cents(rs, firstColumn + 3), cents(rs, firstColumn + 4));
    }

    /** Order lines with their SKU's merchant and zone (null when the SKU is unknown), by order. */
    public Map<String, List<PaidOrder.Line>> linesOf(Collection<String> orderNos, SkuCatalog skus) {
        if (orderNos.isEmpty()) {
            return new HashMap<>();
        }
        List<LineRow> rows = new ArrayList<>();
        jdbc.query("""
                        SELECT l.order_no, %s
                          FROM order_line l
                         WHERE %s
                         ORDER BY l.order_no, l.line_no""".formatted(LINE_COLUMNS, keyLists.matches("l.order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    rows.add(lineAt(rs, rs.getString(1), 2));
                });
        return withSkus(rows, skus);
    }

    /** The lines, in the order given, with their SKU's merchant and zone (null when unknown), by order. */
    static Map<String, List<PaidOrder.Line>> withSkus(Collection<LineRow> rows, SkuCatalog skus) {
        Map<String, List<PaidOrder.Line>> lines = new HashMap<>();
        skus.prefetch(rows.stream().map(LineRow::sku).toList());
        for (LineRow r : rows) {
            var info = skus.get(r.sku());
            lines.computeIfAbsent(r.orderNo(), k -> new ArrayList<>()).add(new PaidOrder.Line(r.lineNo(), r.sku(),
                    r.quantity(), r.price(), r.discount(), info.map(SkuCatalog.SkuInfo::merchantCode).orElse(null),
                    info.map(SkuCatalog.SkuInfo::zone).orElse(null)));
        }
        return lines;
    }

    /** Open backorders by order, with their SKU's merchant and zone. */
    public Map<String, List<OpenLine>> backordersOf(Collection<String> orderNos) {
        Map<String, List<OpenLine>> open = new HashMap<>();
        if (orderNos.isEmpty()) {
            return open;
        }
        jdbc.query("""
                        SELECT b.order_no, b.order_line_no, b.sku_code, b.quantity,
                               b.goods_amount, b.discount_amount, b.shipping_fee,
                               s.merchant_code, s.temperature_zone
                          FROM backorder b
                          JOIN sku s ON s.sku_code = b.sku_code
                         WHERE %s
                         ORDER BY b.order_no, b.order_line_no""".formatted(keyLists.matches("b.order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    open.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OpenLine(
                            rs.getInt(2), rs.getString(3), rs.getString(8), zone(rs.getString(9)), rs.getInt(4),
                            new Amounts(cents(rs, 5), cents(rs, 6), cents(rs, 7))));
                });
        return open;
    }

    /** Statuses of the orders' existing fulfilment orders, from which a re-split derives the order's status. */
    public Map<String, List<FulfilmentStatus>> fulfilmentStatusesOf(Collection<String> orderNos) {
        Map<String, List<FulfilmentStatus>> statuses = new HashMap<>();
        if (orderNos.isEmpty()) {
            return statuses;
        }
        jdbc.query("SELECT f.order_no, f.status FROM " + FulfilmentOrders.ofOrders(keyLists)
                        + " WHERE " + keyLists.matches("o.order_no", "nos"),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    statuses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(FulfilmentStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** The highest decision number recorded per order, found through the orders' split keys. */
    public Map<String, Integer> lastDecisionNo(Collection<String> orderNos) {
        Map<String, Integer> last = new HashMap<>();
        if (orderNos.isEmpty()) {
            return last;
        }
        jdbc.query("""
                        SELECT d.order_no, MAX(d.decision_no)
                          FROM customer_order o
                          JOIN split_decision d%s ON %s
                         WHERE %s GROUP BY d.order_no""".formatted(keyLists.through(DECISIONS_BY_ORDER_INDEX),
                        DECISION_OF_ORDER, keyLists.matches("o.order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    last.put(rs.getString(1), rs.getInt(2));
                });
        return last;
    }

    /**
     * Everything one chunk decided, written as one batch per table. Rows are kept as plain records and
     * bound by position: named parameters cost a map per row, which showed at a million orders.
     */
    public static final class ChunkWrites {
        record Fulfilment(String orderNo, long splitKey, PlannedFulfilment planned, String priority,
                          String paidAt) {
        }

        record Line(String orderNo, String fulfilmentNo, PlannedFulfilment.Line line) {
        }

        record OrderLineKey(String orderNo, int lineNo) {
        }

        record Backorder(String orderNo, OpenLine line) {
        }

        record DecisionRow(String orderNo, long splitKey, int decisionNo, String trace) {
        }

        record Hold(String orderNo, String reason) {
        }

        final List<Fulfilment> fulfilmentOrders = new ArrayList<>();
        final List<Line> fulfilmentLines = new ArrayList<>();
        final List<OrderLineKey> backorderDeletes = new ArrayList<>();
        final List<Backorder> backorders = new ArrayList<>();
        final List<DecisionRow> decisions = new ArrayList<>();
        /** Order numbers by the status they move to; held orders go one by one, each with its reason. */
        final Map<String, List<String>> statusMoves = new java.util.TreeMap<>();
        final List<Hold> holds = new ArrayList<>();
        /** As text with milliseconds, like every timestamp this project writes (see SqlTimestamps). */
        private final String now;
        private final Long jobExecutionId;
        /** Given to the orders of the chunk split for the first time (see migration V15). */
        private final long splitKey;

        public ChunkWrites(LocalDateTime now, Long jobExecutionId, long splitKey) {
            this.now = SqlTimestamps.text(now);
            this.jobExecutionId = jobExecutionId;
            this.splitKey = splitKey;
        }

        /** The order's split key: its own once it has one, the chunk's on its first split. */
        private long splitKeyOf(LockedOrder order) {
            return order.splitKey() != null ? order.splitKey() : splitKey;
        }

        public void fulfilment(LockedOrder order, PlannedFulfilment f) {
            String orderNo = order.orderNo();
            fulfilmentOrders.add(new Fulfilment(orderNo, splitKeyOf(order), f, order.priority(),
                    SqlTimestamps.text(order.paidAt())));
            for (PlannedFulfilment.Line l : f.lines()) {
                fulfilmentLines.add(new Line(orderNo, f.fulfilmentNo(), l));
            }
        }

        public void replaceBackorders(String orderNo, List<OpenLine> old, List<OpenLine> remaining) {
            for (OpenLine b : old) {
                backorderDeletes.add(new OrderLineKey(orderNo, b.orderLineNo()));
            }
            for (OpenLine b : remaining) {
                backorders.add(new Backorder(orderNo, b));
            }
        }

        /** The decisions of one order in this run, kept as one row. */
        public void decisions(LockedOrder order, int decisionNo, List<Decision> groups) {
            decisions.add(new DecisionRow(order.orderNo(), splitKeyOf(order), decisionNo,
                    DecisionTrace.encode(groups)));
        }

        public void orderStatus(String orderNo, String status) {
            statusMoves.computeIfAbsent(status, k -> new ArrayList<>()).add(orderNo);
        }

        public void hold(String orderNo, String reason) {
            holds.add(new Hold(orderNo, reason));
        }
    }

    /** Writes a chunk's plan: its orders' statuses first (their rows are locked and just read), then its new rows. */
    public void write(ChunkWrites w) {
        writeStatuses(w);
        writeRows(w);
    }

    /** The chunk's new rows: fulfilment orders and lines, backorders, decisions. */
    private void writeRows(ChunkWrites w) {
        JdbcTemplate plain = jdbc.getJdbcTemplate();
        fulfilmentOrderInsert.insert(plain, w.fulfilmentOrders, FulfilmentStatus.ALLOCATED.name(), w.now,
                w.jobExecutionId, growthRoom);
        fulfilmentLineInsert.insert(plain, w.fulfilmentLines);
        batch("DELETE FROM backorder WHERE order_no = ? AND order_line_no = ?", w.backorderDeletes, (ps, r) -> {
            ps.setString(1, r.orderNo());
            ps.setInt(2, r.lineNo());
        });
        backorderInsert.insert(plain, w.backorders, w.now);
        decisionInsert.insert(plain, w.decisions, w.now, w.jobExecutionId);
    }

    private static BulkInsert<ChunkWrites.Fulfilment> fulfilmentOrderInsert(Database database) {
        return withAmounts(BulkInsert.into("fulfilment_order")
                .text("fulfilment_no").text("order_no").text("merchant_code").text("warehouse_code")
                .text("temperature_zone"))
                .text("priority").text("paid_at").integer("line_count").integer("units").integer("split_key")
                .constant("status", Types.VARCHAR).constant("created_at", Types.VARCHAR)
                .constant("job_execution_id", Types.BIGINT).constant("growth_room", Types.VARBINARY)
                .build(database, (ChunkWrites.Fulfilment r, BulkInsert.Values v) -> {
                    PlannedFulfilment f = r.planned();
                    int units = 0;
                    for (PlannedFulfilment.Line l : f.lines()) {
                        units += l.quantity();
                    }
                    amounts(v.string(f.fulfilmentNo()).string(r.orderNo()).string(f.merchantCode())
                            .string(f.warehouseCode()).string(f.zone().name()), f.amounts())
                            .string(r.priority()).string(r.paidAt()).integer(f.lines().size()).integer(units)
                            .integer(r.splitKey());
                });
    }

    private static BulkInsert<ChunkWrites.Line> fulfilmentLineInsert(Database database) {
        return withAmounts(BulkInsert.into("fulfilment_line")
                .text("fulfilment_no").integer("line_no").text("order_no").integer("order_line_no").text("sku_code")
                .integer("quantity"))
                .build(database, (ChunkWrites.Line r, BulkInsert.Values v) -> amounts(v.string(r.fulfilmentNo())
                        .integer(r.line().lineNo()).string(r.orderNo()).integer(r.line().orderLineNo())
                        .string(r.line().skuCode()).integer(r.line().quantity()), r.line().amounts()));
    }

    private static BulkInsert<ChunkWrites.Backorder> backorderInsert(Database database) {
        return withAmounts(BulkInsert.into("backorder")
                .text("order_no").integer("order_line_no").text("sku_code").integer("quantity"))
                .constant("created_at", Types.VARCHAR)
                .build(database, (ChunkWrites.Backorder r, BulkInsert.Values v) -> amounts(v.string(r.orderNo())
                        .integer(r.line().orderLineNo()).string(r.line().skuCode()).integer(r.line().quantity()),
                        r.line().amounts()));
    }

    private static BulkInsert<ChunkWrites.DecisionRow> decisionInsert(Database database) {
        return BulkInsert.into("split_decision")
                .text("order_no").integer("decision_no").text("trace").integer("split_key")
                .constant("decided_at", Types.VARCHAR).constant("job_execution_id", Types.BIGINT)
                .build(database, (ChunkWrites.DecisionRow r, BulkInsert.Values v) -> v.string(r.orderNo())
                        .integer(r.decisionNo()).string(r.trace()).integer(r.splitKey()));
    }

    /** Goods, discount, shipping and paid: the columns {@link #amounts} gives. */
    private static BulkInsert.Builder withAmounts(BulkInsert.Builder columns) {
        return columns.decimal("goods_amount").decimal("discount_amount").decimal("shipping_fee").decimal("paid_amount");
    }

    /** Goods, discount, shipping and paid as exact decimals. */
    private static BulkInsert.Values amounts(BulkInsert.Values v, Amounts a) throws SQLException {
        return v.decimal(Money.fromCents(a.goods())).decimal(Money.fromCents(a.discount()))
                .decimal(Money.fromCents(a.shipping())).decimal(Money.fromCents(a.paid()));
    }

    /**
     * The chunk's orders' new statuses (and hold reasons). An order split for the first time gets the
     * chunk's split key, which its new fulfilment orders and decision carry; one that has a key keeps it.
     */
    private void writeStatuses(ChunkWrites w) {
        // one statement per target status rather than one per order: a chunk has three or four
        // the room first: it is computed from the row's old values (OrderGrowthRoom)
        w.statusMoves.forEach((status, orderNos) -> jdbc.update("""
                        UPDATE customer_order
                           SET %s,
                               status = :status, hold_reason = NULL, split_at = COALESCE(split_at, :now),
                               split_key = COALESCE(split_key, :splitKey)
                         WHERE %s""".formatted(OrderGrowthRoom.AFTER_SPLIT,
                        keyLists.matches("order_no", "nos")),
                new MapSqlParameterSource().addValue("status", status).addValue("now", w.now)
                        .addValue("splitKey", w.splitKey).addValue("nos", keyLists.bind(orderNos))));
        batch("UPDATE customer_order SET status = 'ON_HOLD', hold_reason = ?, split_at = ? WHERE order_no = ?",
                w.holds, (ps, r) -> {
                    ps.setString(1, r.reason());
                    ps.setString(2, w.now);
                    ps.setString(3, r.orderNo());
                });
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate(sql, rows, rows.size(), setter);
        }
    }

    private static long cents(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? 0 : Money.toCents(value);
    }

    private static TemperatureZone zone(String name) {
        return name == null ? null : TemperatureZone.valueOf(name);
    }

}
