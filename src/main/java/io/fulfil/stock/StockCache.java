package io.fulfil.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One run's memory of the stock rows it has seen, by SKU (every warehouse's row of a SKU, or none),
 * so that a chunk reads only the SKUs no earlier chunk touched. It is a guess, never a promise: the
 * ledger's reservations still check every row in the database, and a chunk whose guess was too high
 * (another run allocated the stock meanwhile) plans again on locked rows. Reservations enter it only
 * when their transaction commits; a rolled-back chunk's SKUs are forgotten. Bounded, least recently
 * used SKUs go first. Not thread-safe: one per step execution.
 */
public final class StockCache {

    private final StockLedger ledger;
    private final Map<String, Map<String, StockLevel>> bySku;

    public StockCache(StockLedger ledger, int capacity) {
        this.ledger = ledger;
        this.bySku = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, StockLevel>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The last known levels of every stock row of these SKUs, reading the unknown SKUs (without locks). */
    public Map<StockKey, StockLevel> levelsOf(Collection<String> skuCodes) {
        List<String> missing = new ArrayList<>();
        for (String sku : skuCodes) {
            if (!bySku.containsKey(sku)) {
                missing.add(sku);
            }
        }
        if (!missing.isEmpty()) {
            remember(missing, ledger.read(missing));
        }
        Map<StockKey, StockLevel> levels = new HashMap<>();
        for (String sku : skuCodes) {
            bySku.get(sku).forEach((warehouse, level) -> levels.put(new StockKey(warehouse, sku), level));
        }
        return levels;
    }

    /** Replaces what is known of these SKUs with levels just read from the database. */
    public void remember(Collection<String> skuCodes, Map<StockKey, StockLevel> levels) {
        for (String sku : skuCodes) {
            bySku.put(sku, new HashMap<>());
        }
        levels.forEach((key, level) -> bySku.computeIfAbsent(key.skuCode(), k -> new HashMap<>())
                .put(key.warehouseCode(), level));
    }

    /**
     * Counts these reservations once the current transaction commits; forgets the SKUs if it rolls
     * back, since what the database holds for them is then not known here.
     */
    public void afterCompletion(Collection<String> skuCodes, Map<StockKey, Integer> reserved) {
        List<String> skus = List.copyOf(skuCodes);
        Map<StockKey, Integer> quantities = Map.copyOf(reserved);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    quantities.forEach(StockCache.this::add);
                } else {
                    skus.forEach(bySku::remove);
                }
            }
        });
    }

    private void add(StockKey key, int quantity) {
        Map<String, StockLevel> rows = bySku.get(key.skuCode());
        StockLevel level = rows == null ? null : rows.get(key.warehouseCode());
        if (level == null) {
            // evicted meanwhile: the next chunk that needs the SKU reads it again
            bySku.remove(key.skuCode());
            return;
        }
        rows.put(key.warehouseCode(), new StockLevel(level.onHand(), level.allocated() + quantity));
    }
}
