package io.fulfil.fulfilment;

/**
 * The one status machine of a fulfilment order (CONTRACT §2). The main line moves forward only, by
 * rank; the side states EXCEPTION, RETURNED and CANCELLED sit apart from it. A late or repeated
 * event never moves a status back.
 */
public enum FulfilmentStatus {
    ALLOCATED(1), WAVED(2), PICKED(3), SHIPPED(4), IN_TRANSIT(5), OUT_FOR_DELIVERY(6), DELIVERED(7),
    EXCEPTION(-1), RETURNED(-1), CANCELLED(-1);

    private final int rank;

    FulfilmentStatus(int rank) {
        this.rank = rank;
    }

    public boolean isSideState() {
        return rank < 0;
    }

    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED;
    }

    /** Whether its stock has left the warehouse (or been given back), so it no longer counts as allocated. */
    public boolean releasedStock() {
        return this == CANCELLED || (!isSideState() && rank >= SHIPPED.rank) || this == RETURNED;
    }

    /**
     * Whether an event may move a fulfilment order from this status to {@code next}: forward on the
     * main line; CANCELLED only before it ships; EXCEPTION and RETURNED only once a carrier has it;
     * out of EXCEPTION only forward to a carrier status after SHIPPED (an exception is a carrier's,
     * so it never leads back into the warehouse). Moving to the same status is not a move.
     */
    public boolean canMoveTo(FulfilmentStatus next) {
        if (isFinal() || next == this) {
            return false;
        }
        if (next == CANCELLED) {
            return !isSideState() && rank < SHIPPED.rank;
        }
        boolean withCarrier = this == EXCEPTION || rank >= SHIPPED.rank;
        if (next.isSideState()) {
            return withCarrier;
        }
        if (this == EXCEPTION) {
            return next.rank > SHIPPED.rank;
        }
        return next.rank > rank;
    }

    /** Returns {@code next} if the move is legal, else throws naming both statuses. */
    public FulfilmentStatus moveTo(FulfilmentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a fulfilment order cannot move from " + this + " to " + next);
        }
        return next;
    }

    int rank() {
        return rank;
    }
}
