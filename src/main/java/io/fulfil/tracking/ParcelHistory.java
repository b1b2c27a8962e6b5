package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A parcel's status from its events (CONTRACT §8.3): the events are replayed from SHIPPED in event
 * time order, so the outcome depends on which events are known and never on the order they arrived
 * in: a late event that happened earlier takes its place in the history instead of being applied on
 * top of it. On the main line SHIPPED &lt; IN_TRANSIT &lt; OUT_FOR_DELIVERY &lt; DELIVERED a status only
 * moves forward; EXCEPTION is entered from any main-line status before DELIVERED and left by an
 * event at or above the status it was entered from; DELIVERED and RETURNED are final. The legality
 * of each step is the status machine's ({@link FulfilmentStatus}); this class only orders the events.
 */
public final class ParcelHistory {

    private ParcelHistory() {
    }

    public static ParcelState replay(Collection<TrackedEvent> events) {
        List<TrackedEvent> ordered = new ArrayList<>(events);
        ordered.sort(TrackedEvent.TIME_ORDER);
        ParcelState state = ParcelState.SHIPPED;
        for (TrackedEvent e : ordered) {
            state = apply(state, e);
        }
        return state;
    }

    /** The state after one more event, later than (or as late as) every event already applied. */
    static ParcelState apply(ParcelState state, TrackedEvent event) {
        FulfilmentStatus next = event.status();
        if (next == null) {
            // a code the mapping does not know: recorded and reported, changes nothing
            return state;
        }
        java.time.LocalDateTime last = state.lastEventAt() == null || event.eventTime().isAfter(state.lastEventAt())
                ? event.eventTime() : state.lastEventAt();
        FulfilmentStatus current = state.status();
        boolean legal = current == FulfilmentStatus.EXCEPTION
                ? FulfilmentStatus.canLeaveException(state.exceptionFrom(), next)
                : current.canMoveTo(next);
        if (!legal) {
            return new ParcelState(current, state.exceptionFrom(), state.deliveredAt(), last);
        }
        FulfilmentStatus from = next == FulfilmentStatus.EXCEPTION ? current : null;
        return new ParcelState(next, from, next == FulfilmentStatus.DELIVERED ? event.eventTime() : null, last);
    }
}
