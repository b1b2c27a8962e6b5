package io.fulfil.load;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Which of a batch of keys exist in a table: one query per batch instead of one per row. */
final class KnownKeys {

    private final NamedParameterJdbcTemplate jdbc;

    KnownKeys(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code table} and {@code column} come from this package's code, never from a file. */
    Set<String> existing(String table, String column, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT " + column + " FROM " + table + " WHERE " + column + " IN (:keys)";
        return new HashSet<>(jdbc.queryForList(sql, Map.of("keys", keys), String.class));
    }
}
