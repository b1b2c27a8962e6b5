package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * A carrier event as the status replay needs it: when it happened, the carrier's code and the status
 * that code stands for (null for a code the mapping does not know).
 */
public record TrackedEvent(LocalDateTime eventTime, String eventCode, FulfilmentStatus status) {

    /**
     * Event time first; events of the same instant in main-line order (the status's declaration order),
     * then by code, so a parcel's events have one order whatever order they arrived in.
     */
    public static final Comparator<TrackedEvent> TIME_ORDER = Comparator.comparing(TrackedEvent::eventTime)
            .thenComparing(e -> e.status() == null ? Integer.MAX_VALUE : e.status().ordinal())
            .thenComparing(TrackedEvent::eventCode);
}
