package io.fulfil.split.job;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.reference.SkuCatalog;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.split.Amounts;
import io.fulfil.split.Decision;
import io.fulfil.split.OpenLine;
import io.fulfil.split.PaidOrder;
import io.fulfil.split.PlannedFulfilment;
import io.fulfil.split.ShipPoint;
import io.fulfil.support.KeyLists;
import io.fulfil.support.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The split job's reads and writes of orders, lines, backorders, fulfilment orders and decisions:
 * one query per chunk for each kind of row, and JDBC batches for the writes.
 */
@Repository
public class SplitStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    public SplitStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /** An order header as read under its row lock. */
    public record LockedOrder(String orderNo, String status, ShipPoint shipTo, boolean paidAtKnown, long goods,
                              long discount, long shipping, long paid) {
    }

    /** Locks the orders (in key order, so concurrent runs queue instead of deadlocking) and reads them. */
    public Map<String, LockedOrder> lockOrders(Collection<String> orderNos) {
        Map<String, LockedOrder> orders = new HashMap<>();
        if (orderNos.isEmpty()) {
            return orders;
        }
        jdbc.query("""
                        SELECT order_no, status, ship_latitude, ship_longitude, paid_at,
                               goods_amount, discount_amount, shipping_fee, paid_amount
                          FROM customer_order
                         WHERE %s
                         ORDER BY order_no
                           FOR UPDATE""".formatted(keyLists.matches("order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    BigDecimal lat = rs.getBigDecimal(3);
                    BigDecimal lon = rs.getBigDecimal(4);
                    orders.put(rs.getString(1), new LockedOrder(rs.getString(1), rs.getString(2),
                            new ShipPoint(lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue()),
                            rs.getTimestamp(5) != null, cents(rs, 6), cents(rs, 7), cents(rs, 8), cents(rs, 9)));
                });
        return orders;
    }

    /** Order lines with their SKU's merchant and zone (null when the SKU is unknown), by order. */
    public Map<String, List<PaidOrder.Line>> linesOf(Collection<String> orderNos, SkuCatalog skus) {
        Map<String, List<PaidOrder.Line>> lines = new HashMap<>();
        if (orderNos.isEmpty()) {
            return lines;
        }
        record Row(String orderNo, int lineNo, String sku, int qty, long price, long discount) {
        }
        List<Row> rows = new ArrayList<>();
        jdbc.query("""
                        SELECT order_no, line_no, sku_code, quantity, unit_price, line_discount
                          FROM order_line
                         WHERE %s
                         ORDER BY order_no, line_no""".formatted(keyLists.matches("order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4), cents(rs, 5),
                            cents(rs, 6)));
                });
        skus.prefetch(rows.stream().map(Row::sku).toList());
        for (Row r : rows) {
            var info = skus.get(r.sku());
            lines.computeIfAbsent(r.orderNo(), k -> new ArrayList<>()).add(new PaidOrder.Line(r.lineNo(), r.sku(),
                    r.qty(), r.price(), r.discount(), info.map(SkuCatalog.SkuInfo::merchantCode).orElse(null),
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

    /** Statuses of the orders' existing fulfilment orders; their count also numbers the next one. */
    public Map<String, List<FulfilmentStatus>> fulfilmentStatusesOf(Collection<String> orderNos) {
        Map<String, List<FulfilmentStatus>> statuses = new HashMap<>();
        if (orderNos.isEmpty()) {
            return statuses;
        }
        jdbc.query("SELECT order_no, status FROM fulfilment_order WHERE " + keyLists.matches("order_no", "nos"),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    statuses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(FulfilmentStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** The highest decision number recorded per order. */
    public Map<String, Integer> lastDecisionNo(Collection<String> orderNos) {
        Map<String, Integer> last = new HashMap<>();
        if (orderNos.isEmpty()) {
            return last;
        }
        jdbc.query("""
                        SELECT order_no, MAX(decision_no) FROM split_decision
                         WHERE %s GROUP BY order_no""".formatted(keyLists.matches("order_no", "nos")),
                Map.of("nos", keyLists.bind(orderNos)),
                rs -> {
                    last.put(rs.getString(1), rs.getInt(2));
                });
        return last;
    }

    /** Everything one chunk decided, written as one batch per table. */
    public static final class ChunkWrites {
        final List<SqlParameterSource> fulfilmentOrders = new ArrayList<>();
        final List<SqlParameterSource> fulfilmentLines = new ArrayList<>();
        final List<SqlParameterSource> backorderDeletes = new ArrayList<>();
        final List<SqlParameterSource> backorders = new ArrayList<>();
        final List<SqlParameterSource> decisions = new ArrayList<>();
        /** Order numbers by the status they move to; held orders go one by one, each with its reason. */
        final Map<String, List<String>> statusMoves = new java.util.TreeMap<>();
        final List<SqlParameterSource> holds = new ArrayList<>();
        private final Timestamp now;
        private final Long jobExecutionId;

        public ChunkWrites(LocalDateTime now, Long jobExecutionId) {
            this.now = Timestamp.valueOf(now);
            this.jobExecutionId = jobExecutionId;
        }

        public void fulfilment(String orderNo, PlannedFulfilment f) {
            Amounts a = f.amounts();
            fulfilmentOrders.add(amounts(new MapSqlParameterSource()
                    .addValue("fulfilmentNo", f.fulfilmentNo()).addValue("orderNo", orderNo)
                    .addValue("merchant", f.merchantCode()).addValue("warehouse", f.warehouseCode())
                    .addValue("zone", f.zone().name()).addValue("status", FulfilmentStatus.ALLOCATED.name())
                    .addValue("now", now).addValue("jobExecutionId", jobExecutionId), a));
            for (PlannedFulfilment.Line l : f.lines()) {
                fulfilmentLines.add(amounts(new MapSqlParameterSource()
                        .addValue("fulfilmentNo", f.fulfilmentNo()).addValue("lineNo", l.lineNo())
                        .addValue("orderNo", orderNo).addValue("orderLineNo", l.orderLineNo())
                        .addValue("sku", l.skuCode()).addValue("qty", l.quantity()), l.amounts()));
            }
        }

        public void replaceBackorders(String orderNo, List<OpenLine> old, List<OpenLine> remaining) {
            for (OpenLine b : old) {
                backorderDeletes.add(new MapSqlParameterSource().addValue("orderNo", orderNo)
                        .addValue("lineNo", b.orderLineNo()));
            }
            for (OpenLine b : remaining) {
                backorders.add(amounts(new MapSqlParameterSource().addValue("orderNo", orderNo)
                        .addValue("lineNo", b.orderLineNo()).addValue("sku", b.skuCode())
                        .addValue("qty", b.quantity()).addValue("now", now), b.amounts()));
            }
        }

        public void decision(String orderNo, int decisionNo, Decision d) {
            decisions.add(new MapSqlParameterSource().addValue("orderNo", orderNo).addValue("no", decisionNo)
                    .addValue("merchant", d.group().merchantCode()).addValue("zone", d.group().zone().name())
                    .addValue("rule", d.rule().name()).addValue("chosen", d.chosen())
                    .addValue("candidates", d.candidates()).addValue("now", now)
                    .addValue("jobExecutionId", jobExecutionId));
        }

        public void orderStatus(String orderNo, String status) {
            statusMoves.computeIfAbsent(status, k -> new ArrayList<>()).add(orderNo);
        }

        public void hold(String orderNo, String reason) {
            holds.add(new MapSqlParameterSource().addValue("orderNo", orderNo).addValue("reason", reason)
                    .addValue("now", now));
        }

        private static MapSqlParameterSource amounts(MapSqlParameterSource p, Amounts a) {
            return p.addValue("goods", Money.fromCents(a.goods())).addValue("discount", Money.fromCents(a.discount()))
                    .addValue("shipping", Money.fromCents(a.shipping())).addValue("paid", Money.fromCents(a.paid()));
        }
    }

    public void write(ChunkWrites w) {
        batch("""
                INSERT INTO fulfilment_order (fulfilment_no, order_no, merchant_code, warehouse_code,
                       temperature_zone, status, goods_amount, discount_amount, shipping_fee, paid_amount,
                       created_at, job_execution_id)
                VALUES (:fulfilmentNo, :orderNo, :merchant, :warehouse, :zone, :status, :goods, :discount,
                        :shipping, :paid, :now, :jobExecutionId)""", w.fulfilmentOrders);
        batch("""
                INSERT INTO fulfilment_line (fulfilment_no, line_no, order_no, order_line_no, sku_code, quantity,
                       goods_amount, discount_amount, shipping_fee, paid_amount)
                VALUES (:fulfilmentNo, :lineNo, :orderNo, :orderLineNo, :sku, :qty, :goods, :discount, :shipping,
                        :paid)""", w.fulfilmentLines);
        batch("DELETE FROM backorder WHERE order_no = :orderNo AND order_line_no = :lineNo", w.backorderDeletes);
        batch("""
                INSERT INTO backorder (order_no, order_line_no, sku_code, quantity, goods_amount, discount_amount,
                       shipping_fee, paid_amount, created_at)
                VALUES (:orderNo, :lineNo, :sku, :qty, :goods, :discount, :shipping, :paid, :now)""",
                w.backorders);
        batch("""
                INSERT INTO split_decision (order_no, decision_no, merchant_code, temperature_zone, rule_applied,
                       chosen, candidates, decided_at, job_execution_id)
                VALUES (:orderNo, :no, :merchant, :zone, :rule, :chosen, :candidates, :now, :jobExecutionId)""",
                w.decisions);
        // one statement per target status rather than one per order: a chunk has three or four
        w.statusMoves.forEach((status, orderNos) -> jdbc.update("""
                        UPDATE customer_order
                           SET status = :status, hold_reason = NULL, split_at = COALESCE(split_at, :now)
                         WHERE %s""".formatted(keyLists.matches("order_no", "nos")),
                new MapSqlParameterSource().addValue("status", status).addValue("now", w.now)
                        .addValue("nos", keyLists.bind(orderNos))));
        batch("""
                UPDATE customer_order SET status = 'ON_HOLD', hold_reason = :reason, split_at = :now
                 WHERE order_no = :orderNo""", w.holds);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
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
