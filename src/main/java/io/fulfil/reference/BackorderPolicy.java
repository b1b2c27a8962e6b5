package io.fulfil.reference;

/** What a merchant wants done with the part of a group that no warehouse has (CONTRACT §3.6). */
public enum BackorderPolicy {
    /** Ship what is available now; the rest waits in backorder. */
    SHIP_AVAILABLE,
    /** The whole merchant + zone group waits until it can be shipped complete. */
    WAIT_FOR_ALL
}
