package io.fulfil.fulfilment;

import io.fulfil.support.KeyLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The parent orders of fulfilment orders: their locks and the roll-up of their status from their
 * parts (CONTRACT §8.4), one query per kind of row for a whole chunk of orders. Every job that changes
 * a fulfilment order or a backorder after the split calls {@link #rollUp} in the same transaction.
 */
@Repository
public class ParentOrders {

    /** Statuses the roll-up never overrides: the shop's own, and a hold a person has to look at. */
    private static final Set<OrderStatus> NOT_DERIVED = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID,
            OrderStatus.ON_HOLD, OrderStatus.CANCELLED);

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    public ParentOrders(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /**
     * Locks these orders in key order until the transaction ends; the first lock of every job that
     * changes fulfilment orders (see {@link FulfilmentOrders} for the whole lock order). Returns their
     * statuses.
     */
    public Map<String, OrderStatus> lock(Collection<String> orderNos) {
        Map<String, OrderStatus> statuses = new TreeMap<>();
        if (orderNos.isEmpty()) {
            return statuses;
        }
        jdbc.query("""
                        SELECT order_no, status FROM customer_order
                         WHERE %s ORDER BY order_no FOR UPDATE""".formatted(keyLists.matches("order_no", "nos")),
                Map.of("nos", keyLists.bind(new TreeSet<>(orderNos))),
                rs -> {
                    statuses.put(rs.getString(1), OrderStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /**
     * Recomputes the status of each of these orders, locked by the caller, from its fulfilment orders
     * and backorders, and writes the ones that changed. Returns the new statuses of those.
     */
    public Map<String, OrderStatus> rollUp(Collection<String> orderNos) {
        Map<String, OrderStatus> changed = new TreeMap<>();
        if (orderNos.isEmpty()) {
            return changed;
        }
        Object keys = keyLists.bind(new TreeSet<>(orderNos));
        Map<String, OrderStatus> current = new HashMap<>();
        jdbc.query("SELECT order_no, status FROM customer_order WHERE " + keyLists.matches("order_no", "nos"),
                Map.of("nos", keys), rs -> {
                    current.put(rs.getString(1), OrderStatus.valueOf(rs.getString(2)));
                });
        Map<String, List<FulfilmentStatus>> parts = new HashMap<>();
        jdbc.query("SELECT order_no, status FROM fulfilment_order WHERE " + keyLists.matches("order_no", "nos"),
                Map.of("nos", keys), rs -> {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(FulfilmentStatus.valueOf(rs.getString(2)));
                });
        Set<String> backordered = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT order_no FROM backorder WHERE " + keyLists.matches("order_no", "nos"),
                Map.of("nos", keys), String.class));
        Map<OrderStatus, List<String>> moves = new TreeMap<>();
        current.forEach((orderNo, status) -> {
            if (NOT_DERIVED.contains(status)) {
                return;
            }
            OrderStatus derived = OrderStatusRollup.derive(parts.getOrDefault(orderNo, List.of()),
                    backordered.contains(orderNo));
            if (derived != status) {
                moves.computeIfAbsent(derived, k -> new ArrayList<>()).add(orderNo);
                changed.put(orderNo, derived);
            }
        });
        moves.forEach((status, nos) -> jdbc.update("""
                        UPDATE customer_order SET status = :status
                         WHERE %s AND status NOT IN (:fixed)""".formatted(keyLists.matches("order_no", "nos")),
                new MapSqlParameterSource("status", status.name()).addValue("nos", keyLists.bind(nos))
                        .addValue("fixed", NOT_DERIVED.stream().map(Enum::name).toList())));
        return changed;
    }
}
