package io.fulfil.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares a {@link JsonTable}'s text column with a table's key column as a bound parameter was
 * compared: in the key column's own character set and collation. A parameter takes the column's
 * collation; a JSON_TABLE column has one of its own ({@code utf8mb4_bin} on MariaDB), and a
 * comparison in another collation than the index's may keep the index from serving the join (MySQL
 * then reads the whole table for every row of the document). The README advises a {@code utf8mb4_bin}
 * database but a shop's may be created otherwise, so each column's character set and collation are
 * read from the schema once, on first use (MySQL/MariaDB only).
 */
public final class KeyCollations {

    /** Character set and collation names as the schema gives them; checked before they go into SQL. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final JdbcTemplate jdbc;
    private final Map<String, String> conversions = new ConcurrentHashMap<>();

    public KeyCollations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code expression} (a JSON table's column, e.g. {@code d.no}) in the character set and collation
     * of {@code table.column}: {@code CONVERT(d.no USING utf8mb4) COLLATE utf8mb4_bin}. Table and
     * column are names from the code, never input.
     */
    public String as(String table, String column, String expression) {
        String conversion = conversions.computeIfAbsent(table + "." + column, key -> read(table, column));
        return conversion.replace("%expression%", expression);
    }

    private String read(String table, String column) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS
                 WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?""", table, column);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no column " + table + "." + column + " in this database's schema");
        }
        String charset = (String) rows.get(0).get("CHARACTER_SET_NAME");
        String collation = (String) rows.get(0).get("COLLATION_NAME");
        if (charset == null || collation == null || !NAME.matcher(charset).matches()
                || !NAME.matcher(collation).matches()) {
            throw new IllegalStateException("column " + table + "." + column + " has no text collation: "
                    + charset + ", " + collation);
        }
        return "CONVERT(%expression% USING " + charset + ") COLLATE " + collation;
    }
}
