package io.fulfil.picking.confirm;

import java.time.LocalDateTime;

/**
 * A stored pick line: what the pick list asked for and, once confirmed, what was picked
 * ({@code pickedQty}, {@code picker}, {@code pickedAt} stay null until then).
 */
public record PickLine(PickKey key, String fulfilmentNo, int fulfilmentLineNo, String skuCode, int quantity,
                       Integer pickedQty, String picker, LocalDateTime pickedAt) {

    public boolean confirmed() {
        return pickedQty != null;
    }

    /** This line as confirmed by {@code row}. */
    public PickLine confirmedBy(PickConfirmation row) {
        return new PickLine(key, fulfilmentNo, fulfilmentLineNo, skuCode, quantity, row.pickedQty(), row.picker(),
                row.pickedAt());
    }
}
