package io.fulfil.support;

import java.util.Collection;

/**
 * Matches a column against a list of keys bound as one parameter, in the form each database runs
 * fastest. On H2, {@code = ANY(?)} with an array: H2 looks the keys up through the index (it still
 * re-checks each row found by walking the array, as it does for an {@code IN (?, ?, …)} list, but
 * binds one parameter instead of a thousand); {@code IN (SELECT * FROM UNNEST(?))}, which would hash
 * the keys, measured twenty times slower on the split. MySQL has no arrays but sorts IN lists and
 * searches them, so it keeps {@code IN}.
 */
public final class KeyLists {

    private final boolean arrays;

    private KeyLists(boolean arrays) {
        this.arrays = arrays;
    }

    /** The form for the given database. */
    public static KeyLists of(Database database) {
        return new KeyLists(database == Database.H2);
    }

    /** SQL that is true when {@code column} is one of the keys bound to {@code :parameter}. */
    public String matches(String column, String parameter) {
        return arrays ? column + " = ANY(:" + parameter + ")" : column + " IN (:" + parameter + ")";
    }

    /** The value to bind to that parameter; the keys must not be empty (MySQL has no empty IN list). */
    public Object bind(Collection<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an empty key list matches nothing; callers skip the query");
        }
        return arrays ? keys.toArray(String[]::new) : keys;
    }
}
