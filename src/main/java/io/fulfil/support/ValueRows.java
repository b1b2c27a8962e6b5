package io.fulfil.support;

import java.util.List;

/**
 * A chunk's rows as an inline table for MySQL/MariaDB, {@code SELECT ? AS a, ? AS b UNION ALL SELECT
 * ?, ? ...}, so that one {@code UPDATE t JOIN (...) d ON t.key = d.key SET ...} changes a whole chunk
 * in one statement (MySQL finds each row by its key, eq_ref) instead of one statement per row: a
 * batch of single-row updates is still a statement per row for the server to parse and run. MySQL
 * has no row-list literal both it and MariaDB accept, and MariaDB cannot name the columns of a
 * {@code VALUES} table; the union of selects names them once.
 */
public final class ValueRows {

    /** Rows per statement: large enough that statements are few, small enough to stay a modest packet. */
    public static final int ROWS_PER_STATEMENT = 500;

    private ValueRows() {
    }

    /** The inline table of {@code rows} rows with these columns, every cell a parameter. */
    public static String table(List<String> columns, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("an inline table needs a row");
        }
        StringBuilder sql = new StringBuilder(rows * columns.size() * 4 + 64).append("SELECT ");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append("? AS ").append(columns.get(c));
        }
        String more = " UNION ALL SELECT " + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        for (int r = 1; r < rows; r++) {
            sql.append(more);
        }
        return sql.toString();
    }

    /** {@code list} cut into pieces of at most {@link #ROWS_PER_STATEMENT}. */
    public static <T> List<List<T>> pieces(List<T> list) {
        List<List<T>> pieces = new java.util.ArrayList<>();
        for (int from = 0; from < list.size(); from += ROWS_PER_STATEMENT) {
            pieces.add(list.subList(from, Math.min(list.size(), from + ROWS_PER_STATEMENT)));
        }
        return pieces;
    }
}
