package io.fulfil.stock;

import java.time.LocalDateTime;

/**
 * One change of one stock row, as the ledger applies and journals it: what changed and by how much,
 * why ({@code kind}, {@code reason}, the {@code reference} it was made for, e.g. a pick line), who made
 * it ({@code actor}: a picker, a job run) and when it happened in the world ({@code occurredAt}).
 */
public record StockMovement(StockKey key, MovementKind kind, int onHandChange, int allocatedChange,
                            String reference, String orderNo, String reason, String actor,
                            LocalDateTime occurredAt) {

    /** Allocated stock given back to the shelf. */
    public static StockMovement release(StockKey key, int quantity, String reference, String orderNo, String reason,
                                        String actor, LocalDateTime at) {
        return new StockMovement(key, MovementKind.RELEASE, 0, -positive(quantity), reference, orderNo, reason,
                actor, at);
    }

    /** A shortfall found while picking: the units were never in the bin. */
    public static StockMovement shortPick(StockKey key, int shortfall, String reference, String orderNo,
                                          String reason, String actor, LocalDateTime at) {
        return new StockMovement(key, MovementKind.SHORT_PICK, -positive(shortfall), -shortfall, reference, orderNo,
                reason, actor, at);
    }

    /** Units that left with a carrier. */
    public static StockMovement ship(StockKey key, int quantity, String reference, String orderNo, String actor,
                                     LocalDateTime at) {
        return new StockMovement(key, MovementKind.SHIP, -positive(quantity), -quantity, reference, orderNo,
                "shipped", actor, at);
    }

    /**
     * {@code allocated} set back to what open fulfilment lines hold ({@code reconcile --repair}); the
     * change may go either way, {@code on_hand} stays.
     */
    public static StockMovement reconcile(StockKey key, int allocatedChange, String reason, String actor,
                                          LocalDateTime at) {
        if (allocatedChange == 0) {
            throw new IllegalArgumentException("a reconciling movement needs a change of allocated");
        }
        return new StockMovement(key, MovementKind.RECONCILE, 0, allocatedChange, null, null, reason, actor, at);
    }

    /** Whether this movement makes stock available that was not (a running split must notice it). */
    public boolean raisesAvailability() {
        return onHandChange - allocatedChange > 0;
    }

    private static int positive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a stock movement needs a positive quantity, not " + quantity);
        }
        return quantity;
    }
}
