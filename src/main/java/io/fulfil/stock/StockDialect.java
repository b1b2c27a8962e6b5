package io.fulfil.stock;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How one database locks and reserves stock rows: the one place where H2 and MySQL differ in the
 * stock ledger. Each keeps a single lock order for every statement it runs, so two writers queue
 * instead of deadlocking; the order differs because each database runs a different statement shape
 * fastest (see the implementations).
 */
interface StockDialect {

    /** The order in which this database's statements lock stock rows. */
    Comparator<StockKey> lockOrder();

    /** Locks every stock row of the SKUs until the transaction ends; their levels as of the lock. */
    Map<StockKey, StockLevel> lockSkus(Collection<String> skuCodes);

    /**
     * Adds the quantities to {@code allocated} where each is still available; returns a description
     * of the rows that were short (then the caller must roll back), or null.
     */
    String reserveWhereAvailable(Map<StockKey, Integer> quantities);

    /**
     * Adds each row's changes of {@code on_hand} and {@code allocated} ({@code int[] {onHand,
     * allocated}}, rows in lock order), locking the rows in that order until the transaction ends, if
     * every row exists and stays within {@code 0 <= allocated <= on_hand}; otherwise changes nothing
     * and returns false (see {@link StockLedger#outOfBounds}).
     */
    boolean changeWithinBounds(List<Map.Entry<StockKey, int[]>> changes);

    /** Reserves all or nothing, without locking first; false (nothing changed) when a row was short. */
    boolean tryReserve(Map<StockKey, Integer> quantities);
}
