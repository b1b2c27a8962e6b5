package io.fulfil.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Matches a column against a list of keys bound as one parameter, in the form each database runs
 * fastest. On H2, {@code = ANY(?)} with an array: H2 looks the keys up through the index (it still
 * re-checks each row found by walking the array, as it does for an {@code IN (?, ?, …)} list, but
 * binds one parameter instead of a thousand); {@code IN (SELECT * FROM UNNEST(?))}, which would hash
 * the keys, measured twenty times slower on the split. MySQL has no arrays but sorts IN lists and
 * searches them, so it keeps {@code IN}.
 */
public final class KeyLists {

    /** Keys per list on H2 (see {@link #slices}). */
    public static final int H2_SLICE = 100;

    private final boolean arrays;

    private KeyLists(boolean arrays) {
        this.arrays = arrays;
    }

    /** The form for the given database. */
    public static KeyLists of(Database database) {
        return new KeyLists(database == Database.H2);
    }

    /**
     * Written after a table's name in a key-list lookup through a secondary index that does not hold
     * every column read: on MySQL and MariaDB, {@code FORCE INDEX (index)}. For a list of 200 to 999
     * keys MariaDB estimates the rows from the index's sampled statistics (below 200 it looks each key
     * up, {@code eq_range_index_dive_limit}), and those change while a run updates the table: seen at
     * 400,000 orders, it scanned all of {@code fulfilment_order} (beyond its buffer pool) for a chunk's
     * 419 parent orders, some 0.5 s a chunk, and the manifest import fell to 1,450 rows/s. A chunk's
     * keys find a few rows each, so the index is always the right way, and forcing it rules the table
     * scan out. (An index that holds every column read can still be read whole under this hint; those
     * lookups keep their lists under 200 keys instead, see {@code ParcelKey.TRACKING_NOS_PER_LOOKUP}.)
     * H2 plans such a lookup through the index by itself; there this is empty. {@code index} is a name
     * from the code, never input.
     */
    public String through(String index) {
        return arrays ? "" : " FORCE INDEX (" + index + ")";
    }

    /** SQL that is true when {@code column} is one of the keys bound to {@code :parameter}. */
    public String matches(String column, String parameter) {
        return arrays ? column + " = ANY(:" + parameter + ")" : column + " IN (:" + parameter + ")";
    }

    /**
     * The distinct keys in key order, cut into lists to bind one at a time. On H2, whose cost per row
     * found grows with the list (each row walks the array), a chunk's thousand keys become lists of
     * {@value #H2_SLICE} (a tenth of the comparisons); MySQL, which searches its sorted IN list, gets
     * one list. Statements run slice after slice keep the key order of their locks.
     */
    public List<List<String>> slices(Collection<String> keys) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
        if (sorted.isEmpty()) {
            return List.of();
        }
        if (!arrays || sorted.size() <= H2_SLICE) {
            return List.of(sorted);
        }
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += H2_SLICE) {
            slices.add(sorted.subList(from, Math.min(sorted.size(), from + H2_SLICE)));
        }
        return slices;
    }

    /** The value to bind to that parameter; the keys must not be empty (MySQL has no empty IN list). */
    public Object bind(Collection<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an empty key list matches nothing; callers skip the query");
        }
        return arrays ? keys.toArray(String[]::new) : keys;
    }
}
