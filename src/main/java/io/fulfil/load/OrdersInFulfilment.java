package io.fulfil.load;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.OrderStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Finds the orders that {@code load} must leave alone because the processor has started on them
 * (CONTRACT §4): any status but PENDING_PAYMENT or PAID (the processor's statuses, and CANCELLED),
 * already split, or having fulfilment orders or backorders. Their amounts and lines are what the
 * split apportioned; changing them afterwards would break the money and quantity invariants.
 *
 * <p>An order ON_HOLD is among them, but marked as held: the split holds only an order it would
 * split for the first time, so a held order has no fulfilment orders, backorders or decisions, and
 * nothing was apportioned. Loading it again, corrected and PAID, is how the shop gives it back to the
 * split.
 */
final class OrdersInFulfilment {

    private static final Set<String> OPEN = Set.of(OrderStatus.PENDING_PAYMENT.name(), OrderStatus.PAID.name());

    private final NamedParameterJdbcTemplate jdbc;

    OrdersInFulfilment(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What load must leave alone among some orders: why, for each of them; and which of them are only
     * on hold, which a row that gives them back to the shop may change.
     */
    record Taken(Map<String, String> reasons, Set<String> held) {

        /** Why the order must not change, or null when it may. */
        String reason(String orderNo) {
            return reasons.get(orderNo);
        }

        /** Why the order must not change, or null when it may or is only on hold. */
        String reasonUnlessHeld(String orderNo) {
            return held.contains(orderNo) ? null : reasons.get(orderNo);
        }
    }

    /** The orders among these that must not change, and why; three queries for the whole batch. */
    Taken among(Collection<String> orderNos) {
        Map<String, String> reasons = new HashMap<>();
        Set<String> held = new HashSet<>();
        if (orderNos.isEmpty()) {
            return new Taken(reasons, held);
        }
        Map<String, ?> keys = Map.of("keys", orderNos);
        jdbc.query("SELECT order_no, status, split_at FROM customer_order WHERE order_no IN (:keys)", keys, rs -> {
            String status = rs.getString("status");
            if (!OPEN.contains(status)) {
                reasons.put(rs.getString("order_no"), "already being fulfilled (status " + status + ")");
                if (OrderStatus.ON_HOLD.name().equals(status)) {
                    held.add(rs.getString("order_no"));
                }
            } else if (rs.getObject("split_at") != null) {
                reasons.put(rs.getString("order_no"), "already being fulfilled (already split)");
            }
        });
        // an order on hold never has parts; should one have them, it is taken like any other
        held.removeAll(note(reasons, "SELECT DISTINCT f.order_no FROM customer_order o JOIN fulfilment_order f ON "
                        + FulfilmentOrders.OF_ORDER + " WHERE o.order_no IN (:keys)", keys,
                "already being fulfilled (it has fulfilment orders)"));
        held.removeAll(note(reasons, "SELECT DISTINCT order_no FROM backorder WHERE order_no IN (:keys)", keys,
                "already being fulfilled (it has backorders)"));
        return new Taken(reasons, held);
    }

    /** Notes the reason for each order the query finds that has none yet; returns those it found. */
    private List<String> note(Map<String, String> reasons, String sql, Map<String, ?> keys, String reason) {
        List<String> found = jdbc.queryForList(sql, keys, String.class);
        found.forEach(orderNo -> reasons.putIfAbsent(orderNo, reason));
        return found;
    }
}
