package io.fulfil.fulfilment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one status machine of a fulfilment order (CONTRACT §2, §8.3). Every status change in the
 * database is guarded by the sets this enum gives ({@link #legalPredecessorsOf}), so the rules live
 * here and nowhere else.
 *
 * <ul>
 * <li>The warehouse moves a fulfilment order one step at a time: ALLOCATED, WAVED, PICKED, SHIPPED
 * (no jump from ALLOCATED to SHIPPED: a parcel is shipped only once it was picked).</li>
 * <li>Once a carrier has it, the main line SHIPPED &lt; IN_TRANSIT &lt; OUT_FOR_DELIVERY &lt; DELIVERED
 * only moves forward, skipping statuses whose events were lost.</li>
 * <li>EXCEPTION is entered from any carrier status before DELIVERED and remembers that status; it is
 * left by a later status at or above it (see {@link #canLeaveException}).</li>
 * <li>DELIVERED, RETURNED and CANCELLED are final. CANCELLED only before the parcel ships.</li>
 * </ul>
 */
public enum FulfilmentStatus {
    ALLOCATED(1), WAVED(2), PICKED(3), SHIPPED(4), IN_TRANSIT(5), OUT_FOR_DELIVERY(6), DELIVERED(7),
    EXCEPTION(-1), RETURNED(-1), CANCELLED(-1);

    /** Statuses whose quantities are still held in {@code stock.allocated}. */
    public static final Set<FulfilmentStatus> HOLDING_STOCK = EnumSet.of(ALLOCATED, WAVED, PICKED);

    /** Statuses of a parcel that a carrier has (CONTRACT §8.4 counts them as shipped). */
    public static final Set<FulfilmentStatus> WITH_CARRIER = EnumSet.of(SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY,
            DELIVERED, EXCEPTION, RETURNED);

    private final int rank;

    FulfilmentStatus(int rank) {
        this.rank = rank;
    }

    public boolean isSideState() {
        return rank < 0;
    }

    /** On the main line and at or after SHIPPED: a carrier status. */
    public boolean isCarrierMainLine() {
        return rank >= SHIPPED.rank;
    }

    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED;
    }

    /** Whether its stock has left the warehouse (or been given back), so it no longer counts as allocated. */
    public boolean releasedStock() {
        return !HOLDING_STOCK.contains(this);
    }

    /**
     * Whether a fulfilment order may move from this status to {@code next}, not knowing where an
     * EXCEPTION was entered from (for that, see {@link #canLeaveException}). Moving to the same
     * status is not a move.
     */
    public boolean canMoveTo(FulfilmentStatus next) {
        if (isFinal() || next == this) {
            return false;
        }
        if (next == CANCELLED) {
            return HOLDING_STOCK.contains(this);
        }
        if (next == EXCEPTION) {
            return isCarrierMainLine() && this != DELIVERED;
        }
        if (next == RETURNED) {
            return this == EXCEPTION || isCarrierMainLine();
        }
        if (this == EXCEPTION) {
            // SHIPPED is the manifest's, never a carrier event's: an exception is left by news after it
            return next.rank > SHIPPED.rank;
        }
        if (rank < SHIPPED.rank) {
            // the warehouse's steps, one at a time
            return next.rank == rank + 1;
        }
        return next.rank > rank;
    }

    /** Whether an order in EXCEPTION, entered from {@code enteredFrom}, may move to {@code next}. */
    public static boolean canLeaveException(FulfilmentStatus enteredFrom, FulfilmentStatus next) {
        if (next == RETURNED) {
            return true;
        }
        return EXCEPTION.canMoveTo(next) && (enteredFrom == null || next.rank >= enteredFrom.rank);
    }

    /**
     * Whether a parcel that is {@code stored} (DELIVERED or RETURNED) may become {@code replayed}, the
     * other of the two: a carrier's late event that happened before the stored final one shows the
     * parcel reached that other end first. A parcel's status is its events replayed in event-time
     * order (CONTRACT §8.3), so the outcome never depends on which of the two arrived first.
     */
    public static boolean finalReachedEarlier(FulfilmentStatus stored, FulfilmentStatus replayed) {
        return stored != replayed && (stored == DELIVERED || stored == RETURNED)
                && (replayed == DELIVERED || replayed == RETURNED);
    }

    /** Returns {@code next} if the move is legal, else throws naming both statuses. */
    public FulfilmentStatus moveTo(FulfilmentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a fulfilment order cannot move from " + this + " to " + next);
        }
        return next;
    }

    /** Every status from which a move to {@code next} is legal: the guard of every status update. */
    public static Set<FulfilmentStatus> legalPredecessorsOf(FulfilmentStatus next) {
        Set<FulfilmentStatus> from = EnumSet.noneOf(FulfilmentStatus.class);
        for (FulfilmentStatus s : values()) {
            if (s.canMoveTo(next)) {
                from.add(s);
            }
        }
        return from;
    }

    /** The names of these statuses, for a SQL {@code IN} list bound as parameters. */
    public static List<String> names(Set<FulfilmentStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().toList();
    }

    /** A SQL literal list such as {@code ('ALLOCATED', 'PICKED', 'WAVED')}, for constant status sets. */
    public static String sqlList(Set<FulfilmentStatus> statuses) {
        return names(statuses).stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    int rank() {
        return rank;
    }

    static List<FulfilmentStatus> mainLine() {
        return Arrays.stream(values()).filter(s -> !s.isSideState()).toList();
    }
}
