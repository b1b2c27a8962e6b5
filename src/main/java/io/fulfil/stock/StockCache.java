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
 * One run's projection of the stock rows it has seen, by SKU (every warehouse's row of a SKU, or
 * none): the levels last read from the database, with the reservations of every chunk planned since
 * already counted, so that the next chunk can be planned while the ones before it are still being
 * written. It is a guess, never a promise: the ledger's reservations still check every row in the
 * database, and a chunk whose guess was too high (another run allocated the stock meanwhile) is
 * planned again on locked rows.
 *
 * <p>A projection can only be too high, never too low, which is what makes a plan that the ledger
 * accepts the same plan as one made on locked rows: rows are read from the database with every
 * committed reservation, and a chunk's reservations are counted when it is planned. When a planned
 * chunk is not written as planned (it was planned again, or its transaction rolled back),
 * {@link #invalidate()} forgets everything and starts a new epoch; plans made in an older epoch are
 * then planned again too, since they counted reservations that never happened.
 *
 * <p>Bounded: least recently used SKUs go first (a SKU read again is at worst too high). Safe for
 * the planning thread and the writer threads (its methods are synchronized).
 */
public final class StockCache {

    /** Levels of some stock rows as projected in one epoch. */
    /**
     * Levels of some stock rows as projected in one epoch, and the ledger's raise counter they were
     * read under: a plan made on them no longer holds once the counter moved (stock was made available).
     */
    public record View(long epoch, long raised, Map<StockKey, StockLevel> levels) {
    }

    private final StockLedger ledger;
    private final Map<String, Map<String, StockLevel>> bySku;
    private long epoch;
    /** The ledger's raise counter when the levels held were read; -1 before the first read. */
    private long raisedSeen = -1;

    public StockCache(StockLedger ledger, int capacity) {
        this.ledger = ledger;
        this.bySku = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, StockLevel>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The projected levels of every stock row of these SKUs, reading the unknown SKUs (without locks). */
    public synchronized View levelsOf(Collection<String> skuCodes) {
        noticeRaises();
        // a SKU has a row in a few warehouses: sized for that at once rather than grown by doubling
        Map<StockKey, StockLevel> levels = new HashMap<>(skuCodes.size() * 6);
        List<String> missing = new ArrayList<>();
        for (String sku : skuCodes) {
            Map<String, StockLevel> rows = bySku.get(sku);
            if (rows == null) {
                missing.add(sku);
            } else {
                rows.forEach((warehouse, level) -> levels.put(new StockKey(warehouse, sku), level));
            }
        }
        if (!missing.isEmpty()) {
            Map<StockKey, StockLevel> read = ledger.read(missing);
            levels.putAll(read);
            remember(missing, read);
        }
        return new View(epoch, raisedSeen, levels);
    }

    /**
     * Stock made available by another job since the levels held were read (a release, a count
     * upwards) would stay invisible to this run: the projection is only ever too high by design, and a
     * level that is too low still reserves fine, so the run would backorder what is on the shelf. The
     * ledger counts such raises; when the count moved, everything held is forgotten (a new epoch). It
     * is read before the levels, so levels read after it are at least as new as the raise it counts.
     */
    private void noticeRaises() {
        long raised = ledger.raisedVersion();
        if (raised != raisedSeen) {
            if (raisedSeen >= 0) {
                invalidate();
            }
            raisedSeen = raised;
        }
    }

    /**
     * Counts the reservations of a chunk planned on a view of the given epoch. Answers false, counting
     * nothing, when the projection was invalidated since: that plan must not be written as it is.
     */
    public synchronized boolean reserve(long viewEpoch, Map<StockKey, Integer> reserved) {
        if (viewEpoch != epoch) {
            return false;
        }
        reserved.forEach(this::add);
        return true;
    }

    /** The current epoch: a plan made on a view of an older one must be planned again. */
    public synchronized long epoch() {
        return epoch;
    }

    /** Forgets every level and starts a new epoch. */
    public synchronized void invalidate() {
        bySku.clear();
        epoch++;
    }

    /**
     * Invalidates the projection when the current transaction rolls back: the plan it counted for the
     * transaction's chunk was then never written.
     */
    public void invalidateUnlessCommitted() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    invalidate();
                }
            }
        });
    }

    private void remember(Collection<String> skuCodes, Map<StockKey, StockLevel> levels) {
        for (String sku : skuCodes) {
            bySku.put(sku, new HashMap<>());
        }
        levels.forEach((key, level) -> bySku.computeIfAbsent(key.skuCode(), k -> new HashMap<>())
                .put(key.warehouseCode(), level));
    }

    private void add(StockKey key, int quantity) {
        Map<String, StockLevel> rows = bySku.get(key.skuCode());
        StockLevel level = rows == null ? null : rows.get(key.warehouseCode());
        if (level == null) {
            // evicted meanwhile: the next chunk that needs the SKU reads it again (at worst too high)
            bySku.remove(key.skuCode());
            return;
        }
        rows.put(key.warehouseCode(), new StockLevel(level.onHand(), level.allocated() + quantity));
    }
}
