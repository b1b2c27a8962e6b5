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
        // slice after slice in key order (KeyLists.slices sorts), so the locks keep that order
        for (List<String> slice : keyLists.slices(orderNos)) {
            jdbc.query("""
                            SELECT order_no, status FROM customer_order
                             WHERE %s ORDER BY order_no FOR UPDATE""".formatted(keyLists.matches("order_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)),
                    rs -> {
                        statuses.put(rs.getString(1), OrderStatus.valueOf(rs.getString(2)));
                    });
        }
        return statuses;
    }

    /**
     * Recomputes the status of each of these orders, locked by the caller, from its fulfilment orders
     * and backorders, and writes the ones that changed. Returns the new statuses of those.
     */
    public Map<String, OrderStatus> rollUp(Collection<String> orderNos) {
        Map<String, OrderStatus> current = new TreeMap<>();
        for (List<String> slice : keyLists.slices(orderNos)) {
            jdbc.query("SELECT order_no, status FROM customer_order WHERE " + keyLists.matches("order_no", "nos"),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        current.put(rs.getString(1), OrderStatus.valueOf(rs.getString(2)));
                    });
        }
        return rollUp(current);
    }

    /**
     * The same for orders whose statuses the caller read under its lock ({@link #lock}) and has not
     * changed since, which saves reading them again. Their parts are read a key list at a time.
     */
    public Map<String, OrderStatus> rollUp(Map<String, OrderStatus> lockedStatuses) {
        Map<String, OrderStatus> derived = derived(lockedStatuses);
        if (derived.isEmpty()) {
            return new TreeMap<>();
        }
        Map<String, List<FulfilmentStatus>> parts = new HashMap<>();
        for (List<String> slice : keyLists.slices(derived.keySet())) {
            jdbc.query("SELECT f.order_no, f.status FROM " + FulfilmentOrders.ofOrders(keyLists)
                            + " WHERE " + keyLists.matches("o.order_no", "nos"),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(FulfilmentStatus.valueOf(rs.getString(2)));
                    });
        }
        return derive(derived, parts);
    }

    /**
     * The same for orders whose statuses the caller read under its lock ({@link #lock}), and whose
     * fulfilment orders it read under that lock too and knows as they stand now, this transaction's
     * changes included ({@code parts}: each order's fulfilment orders' statuses, every one of them).
     * Saves reading the parts again; the backorders are read.
     */
    public Map<String, OrderStatus> rollUp(Map<String, OrderStatus> lockedStatuses,
                                           Map<String, List<FulfilmentStatus>> parts) {
        Map<String, OrderStatus> derived = derived(lockedStatuses);
        return derived.isEmpty() ? new TreeMap<>() : derive(derived, parts);
    }

    /** Those of these orders whose status the roll-up derives (not one the shop or a person set). */
    private static Map<String, OrderStatus> derived(Map<String, OrderStatus> statuses) {
        Map<String, OrderStatus> derived = new TreeMap<>();
        statuses.forEach((orderNo, status) -> {
            if (status != null && !NOT_DERIVED.contains(status)) {
                derived.put(orderNo, status);
            }
        });
        return derived;
    }

    /** Derives each order's status from its parts and backorders (read here); writes and returns the changed ones. */
    private Map<String, OrderStatus> derive(Map<String, OrderStatus> derived, Map<String, List<FulfilmentStatus>> parts) {
        Map<String, OrderStatus> changed = new TreeMap<>();
        Set<String> backordered = new HashSet<>();
        for (List<String> slice : keyLists.slices(derived.keySet())) {
            backordered.addAll(jdbc.queryForList(
                    "SELECT DISTINCT order_no FROM backorder WHERE " + keyLists.matches("order_no", "nos"),
                    Map.of("nos", keyLists.bind(slice)), String.class));
        }
        Map<OrderStatus, List<String>> moves = new TreeMap<>();
        derived.forEach((orderNo, status) -> {
            OrderStatus next = OrderStatusRollup.derive(parts.getOrDefault(orderNo, List.of()),
                    backordered.contains(orderNo));
            if (next != status) {
                moves.computeIfAbsent(next, k -> new ArrayList<>()).add(orderNo);
                changed.put(orderNo, next);
            }
        });
        moves.forEach((status, nos) -> {
            for (List<String> slice : keyLists.slices(nos)) {
                jdbc.update("""
                                UPDATE customer_order SET %s, status = :status
                                 WHERE %s AND status NOT IN (:fixed)""".formatted(OrderGrowthRoom.AFTER_STATUS,
                                keyLists.matches("order_no", "nos")),
                        new MapSqlParameterSource("status", status.name()).addValue("nos", keyLists.bind(slice))
                                .addValue("fixed", NOT_DERIVED.stream().map(Enum::name).toList()));
            }
        });
        return changed;
    }
}
