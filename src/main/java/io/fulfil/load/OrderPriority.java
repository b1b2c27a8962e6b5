package io.fulfil.load;

/** {@code customer_order.priority} (CONTRACT §1): EXPRESS demand is served before NORMAL. */
public enum OrderPriority {
    NORMAL, EXPRESS
}
