package io.fulfil.stock;

/** What a count found in one bin: the units on the shelf and the bin's location. */
public record StockCount(StockKey key, int onHand, String locationCode) {
}
