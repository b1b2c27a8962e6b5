package io.fulfil.reconcile;

import io.fulfil.stock.StockKey;

/**
 * One stock row whose counters disagree with what they should be: {@code allocated} with the units
 * open fulfilment lines hold ({@code held}), {@code on_hand} with the sum of its ledger movements
 * ({@code journalled}), or {@code 0 <= allocated <= on_hand}. {@code stockRow} is false when lines
 * or movements name a row that does not exist.
 */
public record StockDifference(StockKey key, boolean stockRow, long onHand, long allocated, long held,
                              long journalled) {

    public boolean allocatedDiffers() {
        return allocated != held;
    }

    public boolean onHandDiffers() {
        return onHand != journalled;
    }

    /** Whether {@code allocated} can be set to {@code held} without breaking {@code 0 <= allocated <= on_hand}. */
    public boolean repairable() {
        return stockRow && allocatedDiffers() && held <= onHand;
    }

    /** The differences in words, e.g. "allocated 7 but open fulfilment lines hold 5". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!stockRow) {
            text.append("no stock row, but open fulfilment lines hold ").append(held)
                    .append(" and the ledger journals on_hand ").append(journalled);
            return text.toString();
        }
        if (allocatedDiffers()) {
            text.append("allocated ").append(allocated).append(" but open fulfilment lines hold ").append(held);
        }
        if (onHandDiffers()) {
            text.append(text.isEmpty() ? "" : "; ").append("on_hand ").append(onHand)
                    .append(" but the ledger's movements add up to ").append(journalled);
        }
        if (allocated < 0 || allocated > onHand) {
            text.append(text.isEmpty() ? "" : "; ").append("allocated ").append(allocated)
                    .append(" outside 0..on_hand ").append(onHand);
        }
        return text.toString();
    }
}
