package io.fulfil.stock;

/** One stock row's key: a SKU in a warehouse. */
public record StockKey(String warehouseCode, String skuCode) {
}
