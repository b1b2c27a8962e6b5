package io.fulfil.split;

import io.fulfil.support.Apportionment;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads a line's three amounts over its pieces (fulfilment lines and backorder) by quantity; used by
 * the split and by short picks (CONTRACT §3.7, §7.5).
 */
public final class MoneySplit {

    private MoneySplit() {
    }

    public static List<Amounts> byQuantity(Amounts total, long[] quantities) {
        if (quantities.length == 1) {
            return List.of(total);
        }
        long[] goods = Apportionment.apportion(total.goods(), quantities);
        long[] discount = Apportionment.apportion(total.discount(), quantities);
        long[] shipping = Apportionment.apportion(total.shipping(), quantities);
        keepPaidNonNegative(goods, discount, shipping);
        List<Amounts> pieces = new ArrayList<>(quantities.length);
        for (int i = 0; i < quantities.length; i++) {
            pieces.add(new Amounts(goods[i], discount[i], shipping[i]));
        }
        return pieces;
    }

    /**
     * Largest remainder is not monotone in the total (the Alabama paradox), so a piece can get a cent
     * more discount than goods plus shipping even though the line as a whole cannot. Such cents move
     * to the first pieces that have room, which keeps every sum exact and no paid amount negative.
     */
    private static void keepPaidNonNegative(long[] goods, long[] discount, long[] shipping) {
        for (int i = 0; i < discount.length; i++) {
            long excess = discount[i] - goods[i] - shipping[i];
            if (excess <= 0) {
                continue;
            }
            discount[i] -= excess;
            for (int j = 0; j < discount.length && excess > 0; j++) {
                long room = goods[j] + shipping[j] - discount[j];
                if (j != i && room > 0) {
                    long move = Math.min(room, excess);
                    discount[j] += move;
                    excess -= move;
                }
            }
            if (excess > 0) {
                throw new IllegalStateException("discount exceeds goods plus shipping; cannot apportion");
            }
        }
    }
}
