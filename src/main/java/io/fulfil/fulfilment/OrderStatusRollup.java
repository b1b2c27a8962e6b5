package io.fulfil.fulfilment;

import java.util.Collection;

/**
 * Derives a split order's status from its fulfilment orders and backorders; after the first split
 * the parent's status is never set from a single event (CONTRACT §2, §8.4). The rule itself; the
 * database side (locking the parent, reading its parts) is {@link ParentOrders#rollUp}.
 */
public final class OrderStatusRollup {

    private OrderStatusRollup() {
    }

    /**
     * Whether a fulfilment order moving from {@code from} to {@code to} leaves its parent's derived
     * status as it was: {@link #derive} tells statuses apart only by whether they are CANCELLED,
     * DELIVERED or with a carrier, so a move within one of those classes (ALLOCATED, WAVED, PICKED;
     * or from one carrier status to another that is neither DELIVERED nor outside the carrier's
     * hands) needs no roll-up when nothing else of the order changed.
     */
    public static boolean sameStanding(FulfilmentStatus from, FulfilmentStatus to) {
        return (from == FulfilmentStatus.CANCELLED) == (to == FulfilmentStatus.CANCELLED)
                && (from == FulfilmentStatus.DELIVERED) == (to == FulfilmentStatus.DELIVERED)
                && FulfilmentStatus.WITH_CARRIER.contains(from) == FulfilmentStatus.WITH_CARRIER.contains(to);
    }

    /**
     * @param fulfilments statuses of the order's fulfilment orders (cancelled ones included)
     * @param hasBackorder whether any quantity is still unallocated
     */
    public static OrderStatus derive(Collection<FulfilmentStatus> fulfilments, boolean hasBackorder) {
        int live = 0;
        int delivered = 0;
        int shipped = 0;
        for (FulfilmentStatus s : fulfilments) {
            if (s == FulfilmentStatus.CANCELLED) {
                continue;
            }
            live++;
            if (s == FulfilmentStatus.DELIVERED) {
                delivered++;
            }
            // CONTRACT §8.4: a parcel in EXCEPTION or RETURNED went out with a carrier, so it counts as shipped
            if (FulfilmentStatus.WITH_CARRIER.contains(s)) {
                shipped++;
            }
        }
        if (live == 0) {
            return hasBackorder ? OrderStatus.BACKORDERED : OrderStatus.CANCELLED;
        }
        if (delivered == live && !hasBackorder) {
            return OrderStatus.DELIVERED;
        }
        if (delivered > 0) {
            return OrderStatus.PARTIALLY_DELIVERED;
        }
        if (shipped == live && !hasBackorder) {
            return OrderStatus.SHIPPED;
        }
        if (shipped > 0) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return hasBackorder ? OrderStatus.PARTIALLY_ALLOCATED : OrderStatus.ALLOCATED;
    }
}
