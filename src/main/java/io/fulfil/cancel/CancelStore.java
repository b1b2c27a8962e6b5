package io.fulfil.cancel;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a cancellation reads and writes besides statuses and stock: the work left, lines, backorders, intercepts. */
@Repository
class CancelStore {

    /** Parcels that a carrier has and that can still be stopped on the way (not DELIVERED or RETURNED). */
    static final Set<FulfilmentStatus> INTERCEPTABLE = java.util.EnumSet.of(FulfilmentStatus.SHIPPED,
            FulfilmentStatus.IN_TRANSIT, FulfilmentStatus.OUT_FOR_DELIVERY, FulfilmentStatus.EXCEPTION);

    /**
     * Cancelled orders with something left to compensate: a fulfilment order holding stock, a parcel
     * with a carrier and no intercept request, or a backorder. What is done no longer matches, so a
     * restarted or repeated run finds only what is left. {@code cancelled_order_no} is the order number
     * of a cancelled order and NULL otherwise (migration 14), so its index holds only cancelled orders.
     */
    private static final String PENDING_SQL = """
            SELECT o.order_no FROM customer_order o
             WHERE o.cancelled_order_no > :after
               AND (EXISTS (SELECT 1 FROM fulfilment_order f
                             WHERE %s
                               AND (f.status IN %s
                                    OR (f.status IN %s AND NOT EXISTS (SELECT 1 FROM intercept_request i
                                                                      WHERE i.fulfilment_no = f.fulfilment_no))))
                    OR EXISTS (SELECT 1 FROM backorder b WHERE b.order_no = o.order_no))
             ORDER BY o.cancelled_order_no
             LIMIT :limit""".formatted(FulfilmentOrders.OF_ORDER, FulfilmentStatus.sqlList(FulfilmentStatus.HOLDING_STOCK),
            FulfilmentStatus.sqlList(INTERCEPTABLE));

    /** A fulfilment order of a cancelled order, with its parcel (when shipped). */
    record Part(String fulfilmentNo, String orderNo, String carrierCode, String trackingNo) {
    }

    /** A backorder line being deleted. */
    record Backorder(String orderNo, int orderLineNo, String skuCode, int quantity) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    CancelStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /** The next cancelled orders with work left, after {@code after} in key order. */
    List<String> pending(String after, int limit) {
        return jdbc.queryForList(PENDING_SQL, new MapSqlParameterSource("after", after).addValue("limit", limit),
                String.class);
    }

    /** The fulfilment orders of these orders, with their parcels. */
    List<Part> parts(Collection<String> orderNos) {
        List<Part> parts = new ArrayList<>();
        for (List<String> slice : keyLists.slices(orderNos)) {
            jdbc.query("""
                            SELECT f.fulfilment_no, f.order_no, f.carrier_code, f.tracking_no FROM %s
                             WHERE %s""".formatted(FulfilmentOrders.ofOrders(keyLists),
                            keyLists.matches("o.order_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)),
                    rs -> {
                        parts.add(new Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    });
        }
        return parts;
    }

    /** Deletes these orders' backorders and returns what they were. */
    List<Backorder> deleteBackorders(Collection<String> orderNos) {
        List<Backorder> deleted = new ArrayList<>();
        for (List<String> slice : keyLists.slices(orderNos)) {
            Map<String, Object> keys = Map.of("nos", keyLists.bind(slice));
            jdbc.query("""
                            SELECT order_no, order_line_no, sku_code, quantity FROM backorder
                             WHERE %s ORDER BY order_no, order_line_no""".formatted(keyLists.matches("order_no", "nos")),
                    keys, rs -> {
                        deleted.add(new Backorder(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)));
                    });
            jdbc.update("DELETE FROM backorder WHERE " + keyLists.matches("order_no", "nos"), keys);
        }
        return deleted;
    }

    /** Fulfilment orders among these that already have an intercept request. */
    Set<String> intercepted(Collection<String> fulfilmentNos) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> slice : keyLists.slices(fulfilmentNos)) {
            found.addAll(jdbc.queryForList("SELECT fulfilment_no FROM intercept_request WHERE "
                    + keyLists.matches("fulfilment_no", "nos"), Map.of("nos", keyLists.bind(slice)), String.class));
        }
        return found;
    }

    void requestIntercepts(List<Part> parcels, LocalDateTime at, long jobExecutionId) {
        if (parcels.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO intercept_request (fulfilment_no, order_no, carrier_code, tracking_no, requested_at, status,
                                               job_execution_id)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?)""", parcels, parcels.size(), (ps, p) -> {
            ps.setString(1, p.fulfilmentNo());
            ps.setString(2, p.orderNo());
            ps.setString(3, p.carrierCode());
            ps.setString(4, p.trackingNo());
            ps.setString(5, SqlTimestamps.text(at));
            ps.setLong(6, jobExecutionId);
        });
    }
}
