package io.fulfil.picking.confirm;

import io.fulfil.split.Amounts;
import io.fulfil.split.MoneySplit;
import java.util.List;

/**
 * A short pick's money (CONTRACT §7.5): the fulfilment line's goods, discount and shipping are split
 * over [picked, shortfall] in proportion to quantity, by largest remainder in whole cents, ties to the
 * picked piece; each piece's paid amount is its goods − discount + shipping. The shortfall piece goes
 * to the order line's backorder.
 *
 * @param picked    what stays on the fulfilment line
 * @param shortfall what leaves it for the backorder
 */
record ShortPick(int pickedQty, Amounts picked, int shortfallQty, Amounts shortfall) {

    static ShortPick of(Amounts line, int quantity, int pickedQty) {
        if (pickedQty < 0 || pickedQty >= quantity) {
            throw new IllegalArgumentException("not a short pick: picked " + pickedQty + " of " + quantity);
        }
        List<Amounts> pieces = MoneySplit.byQuantity(line, new long[] {pickedQty, quantity - pickedQty});
        return new ShortPick(pickedQty, pieces.get(0), quantity - pickedQty, pieces.get(1));
    }
}
