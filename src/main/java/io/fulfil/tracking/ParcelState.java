package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.time.LocalDateTime;

/**
 * Where a parcel stands after its events: its status, the main-line status an EXCEPTION was entered
 * from, when it was delivered and the time of its latest mapped event (null: none yet).
 */
public record ParcelState(FulfilmentStatus status, FulfilmentStatus exceptionFrom, LocalDateTime deliveredAt,
                          LocalDateTime lastEventAt) {

    /** A parcel just handed to its carrier (the manifest), before any event. */
    public static final ParcelState SHIPPED = new ParcelState(FulfilmentStatus.SHIPPED, null, null, null);
}
