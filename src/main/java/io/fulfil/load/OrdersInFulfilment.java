package io.fulfil.load;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.OrderStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Finds the orders that {@code load} must leave alone because the processor has started on them
 * (CONTRACT §4): any status but PENDING_PAYMENT or PAID (the processor's statuses, and CANCELLED),
 * already split, or having fulfilment orders or backorders. Their amounts and lines are what the
 * split apportioned; changing them afterwards would break the money and quantity invariants.
 */
final class OrdersInFulfilment {

    private static final Set<String> OPEN = Set.of(OrderStatus.PENDING_PAYMENT.name(), OrderStatus.PAID.name());

    private final NamedParameterJdbcTemplate jdbc;

    OrdersInFulfilment(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** For each of these orders that must not change, why; three queries for the whole batch. */
    Map<String, String> among(Collection<String> orderNos) {
        Map<String, String> reasons = new HashMap<>();
        if (orderNos.isEmpty()) {
            return reasons;
        }
        Map<String, ?> keys = Map.of("keys", orderNos);
        jdbc.query("SELECT order_no, status, split_at FROM customer_order WHERE order_no IN (:keys)", keys, rs -> {
            String status = rs.getString("status");
            if (!OPEN.contains(status)) {
                reasons.put(rs.getString("order_no"), "already being fulfilled (status " + status + ")");
            } else if (rs.getObject("split_at") != null) {
                reasons.put(rs.getString("order_no"), "already being fulfilled (already split)");
            }
        });
        note(reasons, "SELECT DISTINCT f.order_no FROM customer_order o JOIN fulfilment_order f ON "
                        + FulfilmentOrders.OF_ORDER + " WHERE o.order_no IN (:keys)", keys,
                "already being fulfilled (it has fulfilment orders)");
        note(reasons, "SELECT DISTINCT order_no FROM backorder WHERE order_no IN (:keys)", keys,
                "already being fulfilled (it has backorders)");
        return reasons;
    }

    private void note(Map<String, String> reasons, String sql, Map<String, ?> keys, String reason) {
        List<String> found = jdbc.queryForList(sql, keys, String.class);
        found.forEach(orderNo -> reasons.putIfAbsent(orderNo, reason));
    }
}
