package io.fulfil.split;

import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The locked stock of one chunk in memory: the planner reserves against it order by order, and the
 * reservations are written in one batch at the end. An order whose planning fails is rolled back
 * here with {@link #rollbackOrder()}, so a bad order leaves no trace in the others' stock.
 */
public final class ChunkStock implements StockView {

    private final Map<StockKey, Integer> available;
    private final Map<StockKey, Integer> reserved = new LinkedHashMap<>();
    private final Map<StockKey, Integer> orderJournal = new HashMap<>();

    public ChunkStock(Map<StockKey, StockLevel> locked) {
        // sized for the chunk's thousands of rows at once rather than grown by doubling
        available = new HashMap<>(locked.size() * 4 / 3 + 1);
        locked.forEach((key, level) -> available.put(key, level.available()));
    }

    @Override
    public int available(String warehouseCode, String skuCode) {
        return available.getOrDefault(new StockKey(warehouseCode, skuCode), 0);
    }

    @Override
    public void reserve(String warehouseCode, String skuCode, int quantity) {
        StockKey key = new StockKey(warehouseCode, skuCode);
        int left = available.getOrDefault(key, 0) - quantity;
        if (quantity <= 0 || left < 0) {
            throw new IllegalStateException("cannot reserve " + quantity + " of " + skuCode + " at " + warehouseCode);
        }
        available.put(key, left);
        reserved.merge(key, quantity, Integer::sum);
        orderJournal.merge(key, quantity, Integer::sum);
    }

    /** Starts a new order: what it reserves can be rolled back on its own. */
    public void beginOrder() {
        orderJournal.clear();
    }

    /** Gives back everything reserved since {@link #beginOrder()}. */
    public void rollbackOrder() {
        orderJournal.forEach((key, qty) -> {
            available.merge(key, qty, Integer::sum);
            reserved.merge(key, -qty, Integer::sum);
            if (reserved.get(key) == 0) {
                reserved.remove(key);
            }
        });
        orderJournal.clear();
    }

    /** Everything reserved in this chunk, by stock row. */
    public Map<StockKey, Integer> reservations() {
        return reserved;
    }
}
