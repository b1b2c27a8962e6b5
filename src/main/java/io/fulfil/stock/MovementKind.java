package io.fulfil.stock;

/**
 * Why stock changed. A split's reservation is not journalled here: its record is the fulfilment line
 * it allocates (warehouse, SKU, quantity, run, time), which would otherwise be written twice.
 */
public enum MovementKind {
    /** A count of the shelf ({@code load stock.csv}): {@code on_hand} set to what was counted. */
    COUNT,
    /** Allocated stock given back (a cancellation): {@code allocated} down, the goods stay in their bin. */
    RELEASE,
    /** The bin did not hold what was allocated: {@code on_hand} and {@code allocated} both down. */
    SHORT_PICK,
    /** A parcel left with a carrier: {@code on_hand} and {@code allocated} both down. */
    SHIP,
    /**
     * {@code reconcile --repair}: {@code allocated} reset to what open fulfilment lines hold, after it
     * drifted (a hand edit, a bug); {@code on_hand} is never changed this way (a count fixes it).
     */
    RECONCILE
}
