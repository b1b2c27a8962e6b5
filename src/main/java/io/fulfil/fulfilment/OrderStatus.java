package io.fulfil.fulfilment;

/** {@code customer_order.status} (CONTRACT §2). */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, ON_HOLD, BACKORDERED, PARTIALLY_ALLOCATED, ALLOCATED, PARTIALLY_SHIPPED, SHIPPED,
    PARTIALLY_DELIVERED, DELIVERED, CANCELLED;

    /** Statuses whose orders the split job reads: new paid ones, and ones with backorders to retry. */
    public static final java.util.List<OrderStatus> SPLITTABLE = java.util.List.of(PAID, BACKORDERED,
            PARTIALLY_ALLOCATED);
}
