package io.fulfil.stock;

/** A stock row's counts; {@code available} is what can still be promised (CONTRACT §3.3). */
public record StockLevel(int onHand, int allocated) {

    public int available() {
        return Math.max(0, onHand - allocated);
    }
}
