package io.fulfil.fulfilment;

/** {@code customer_order.status} (CONTRACT §2). */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, ON_HOLD, BACKORDERED, PARTIALLY_ALLOCATED, ALLOCATED, PARTIALLY_SHIPPED, SHIPPED,
    PARTIALLY_DELIVERED, DELIVERED, CANCELLED;
}
