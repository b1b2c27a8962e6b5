package io.fulfil.split;

import io.fulfil.split.Catalog.Sku;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stock rows as the split job locks them, turned into the {@link ChunkStock} the planner reserves in. */
final class StockRows {

    private final Map<StockKey, StockLevel> rows = new LinkedHashMap<>();

    private StockRows() {
    }

    static StockRows stock() {
        return new StockRows();
    }

    /** Nothing allocated yet: all of it is available. */
    StockRows has(String warehouseCode, Sku sku, int onHand) {
        return has(warehouseCode, sku, onHand, 0);
    }

    StockRows has(String warehouseCode, Sku sku, int onHand, int allocated) {
        rows.put(new StockKey(warehouseCode, sku.code()), new StockLevel(onHand, allocated));
        return this;
    }

    Map<StockKey, StockLevel> rows() {
        return rows;
    }

    ChunkStock chunk() {
        return new ChunkStock(rows);
    }
}
