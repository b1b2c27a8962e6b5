package io.fulfil.support;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An INSERT of many rows into one table, in the form each database takes fastest.
 *
 * <p>On MySQL and MariaDB the rows travel as one JSON document bound as a single parameter and read
 * back by {@code INSERT ... SELECT ... FROM JSON_TABLE(?, ...)}. A JDBC batch of the same rows, even
 * rewritten by Connector/J into multi-row INSERTs, binds, clones and re-binds every value of every row
 * on the client: profiles of the split and of the manifest import had a third to three quarters of the
 * writing thread's time in that bookkeeping (a hash lookup per bound value). Measured on MariaDB 10.11,
 * the server inserts from the document as fast as from a multi-row VALUES list. String, decimal and
 * time columns are read from the document as TEXT and converted by the INSERT into the table's own
 * column, so a value too long or malformed fails there as it would in a VALUES list (strict mode); a
 * null is left out of the document and reads as NULL.
 *
 * <p>The statement is prepared on the server, so the document is not escaped into the statement's
 * text ({@link JsonTable#serverPrepared}).
 *
 * <p>On H2, which runs in the same process, the rows are a JDBC batch as before.
 *
 * <p>Values that are the same for every row of a call (a run's id, the time of the chunk) are
 * {@linkplain Builder#constant constants}, bound once per statement instead of once per row.
 */
public final class BulkInsert<T> {

    /** Rows per statement on MySQL. */
    static final int ROWS_PER_STATEMENT = 2000;
    /**
     * And about this many characters of JSON per statement at most, whatever the rows' size (checked
     * before each row, so one row more may follow): at three bytes a character (Chinese text; a
     * four-byte character is two Java characters) some 3 MB, within the default max_allowed_packet of
     * MariaDB (16 MB) and MySQL 8 (64 MB), also where a driver prepares it as an escaped literal.
     * Rows come out of a JSON_TABLE in the document's order, so generated keys follow the list's order
     * as they did in a batch.
     */
    static final int CHARS_PER_STATEMENT = 1_000_000;

    /** How a row's values are given, column by column, in the order the columns were declared. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(T row, Values values) throws SQLException;
    }

    /** The values of one row, each checked against its column's kind. */
    public interface Values {
        Values string(String value) throws SQLException;

        Values integer(long value) throws SQLException;

        Values decimal(BigDecimal value) throws SQLException;
    }

    private enum Kind {
        TEXT, INTEGER, DECIMAL;

        /** The column at key {@code c<i>} of the document, as JSON_TABLE reads it. */
        JsonTable.Column column(int i) {
            String key = JsonRows.key(i);
            return this == INTEGER ? JsonTable.Column.integer(key) : JsonTable.Column.text(key);
        }
    }

    private record Constant(String name, int sqlType) {
    }

    private final Database database;
    private final List<Kind> kinds;
    private final List<Constant> constants;
    private final RowWriter<T> writer;
    private final String sql;

    private BulkInsert(Database database, String table, List<String> names, List<Kind> kinds,
                       List<Constant> constants, RowWriter<T> writer) {
        this.database = database;
        this.kinds = List.copyOf(kinds);
        this.constants = List.copyOf(constants);
        this.writer = writer;
        StringJoiner columns = new StringJoiner(", ", "INSERT INTO " + table + " (", ")");
        names.forEach(columns::add);
        constants.forEach(c -> columns.add(c.name()));
        if (database == Database.MYSQL) {
            StringJoiner select = new StringJoiner(", ", " SELECT ", "");
            JsonTable.Column[] jsonColumns = new JsonTable.Column[kinds.size()];
            for (int c = 0; c < kinds.size(); c++) {
                select.add("j." + JsonRows.key(c));
                jsonColumns[c] = kinds.get(c).column(c);
            }
            constants.forEach(c -> select.add("?"));
            this.sql = columns + select.toString() + " FROM " + JsonTable.of(jsonColumns) + " j";
        } else {
            StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
            for (int c = 0; c < kinds.size() + constants.size(); c++) {
                values.add("?");
            }
            this.sql = columns + values.toString();
        }
    }

    /** Starts the declaration of an insert into {@code table} (a name from the code, never input). */
    public static Builder into(String table) {
        return new Builder(table);
    }

    /** The statement this insert runs (for tests and logs). */
    public String sql() {
        return sql;
    }

    /** Inserts {@code rows}, with the {@code constants} in the order they were declared. */
    public void insert(JdbcTemplate jdbc, List<T> rows, Object... constants) {
        if (constants.length != this.constants.size()) {
            throw new IllegalArgumentException("expected " + this.constants.size() + " constants, got "
                    + constants.length);
        }
        if (rows.isEmpty()) {
            return;
        }
        if (database == Database.MYSQL) {
            insertAsJson(jdbc, rows, constants);
        } else {
            insertAsBatch(jdbc, rows, constants);
        }
    }

    private void insertAsJson(JdbcTemplate jdbc, List<T> rows, Object[] constants) {
        JsonValues values = new JsonValues();
        int from = 0;
        while (from < rows.size()) {
            JsonRows json = new JsonRows(Math.min(rows.size() - from, ROWS_PER_STATEMENT));
            values.json = json;
            int next = from;
            try {
                while (next < rows.size() && json.rows() < ROWS_PER_STATEMENT && json.length() < CHARS_PER_STATEMENT) {
                    json.startRow();
                    values.column = 0;
                    writer.write(rows.get(next++), values);
                    values.requireComplete();
                    json.endRow();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            String document = json.finish();
            jdbc.update(JsonTable.serverPrepared(sql, ps -> {
                bindConstants(ps, 1, constants);
                ps.setString(constants.length + 1, document);
            }));
            from = next;
        }
    }

    private void insertAsBatch(JdbcTemplate jdbc, List<T> rows, Object[] constants) {
        StatementValues values = new StatementValues();
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            values.ps = ps;
            values.column = 0;
            writer.write(row, values);
            values.requireComplete();
            bindConstants(ps, kinds.size() + 1, constants);
        });
    }

    private void bindConstants(PreparedStatement ps, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int sqlType = constants.get(i).sqlType();
            if (values[i] == null) {
                ps.setNull(first + i, sqlType);
            } else {
                ps.setObject(first + i, values[i], sqlType);
            }
        }
    }

    /** Keeps the position within a row and checks each value against its column. */
    private abstract class Positioned implements Values {
        int column;

        int next(Kind kind) {
            if (column >= kinds.size() || kinds.get(column) != kind) {
                throw new IllegalStateException("value " + (column + 1) + " of a row for \"" + sql + "\" is "
                        + kind + (column < kinds.size() ? ", its column is " + kinds.get(column) : ", one too many"));
            }
            return column++;
        }

        void requireComplete() {
            if (column != kinds.size()) {
                throw new IllegalStateException("a row for \"" + sql + "\" has " + column + " of its "
                        + kinds.size() + " values");
            }
        }
    }

    private final class JsonValues extends Positioned {
        JsonRows json;

        @Override
        public Values string(String value) {
            json.string(next(Kind.TEXT), value);
            return this;
        }

        @Override
        public Values integer(long value) {
            json.number(next(Kind.INTEGER), value);
            return this;
        }

        @Override
        public Values decimal(BigDecimal value) {
            json.decimal(next(Kind.DECIMAL), value);
            return this;
        }
    }

    private final class StatementValues extends Positioned {
        PreparedStatement ps;

        @Override
        public Values string(String value) throws SQLException {
            ps.setString(next(Kind.TEXT) + 1, value);
            return this;
        }

        @Override
        public Values integer(long value) throws SQLException {
            ps.setLong(next(Kind.INTEGER) + 1, value);
            return this;
        }

        @Override
        public Values decimal(BigDecimal value) throws SQLException {
            ps.setBigDecimal(next(Kind.DECIMAL) + 1, value);
            return this;
        }
    }

    /** Declares the table's columns: first those with a value per row, then the constants. */
    public static final class Builder {
        private final String table;
        private final List<String> names = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Constant> constants = new ArrayList<>();

        private Builder(String table) {
            this.table = table;
        }

        /** A string column; also a time column, given as text (see {@link SqlTimestamps}). */
        public Builder text(String column) {
            return column(column, Kind.TEXT);
        }

        /** A whole-number column. */
        public Builder integer(String column) {
            return column(column, Kind.INTEGER);
        }

        /** A DECIMAL column, given exactly. */
        public Builder decimal(String column) {
            return column(column, Kind.DECIMAL);
        }

        /** A column with one value for every row of a call, bound as the given {@link java.sql.Types}. */
        public Builder constant(String column, int sqlType) {
            constants.add(new Constant(column, sqlType));
            return this;
        }

        private Builder column(String column, Kind kind) {
            if (!constants.isEmpty()) {
                throw new IllegalStateException("declare the constants after the columns with a value per row");
            }
            names.add(column);
            kinds.add(kind);
            return this;
        }

        public <T> BulkInsert<T> build(Database database, RowWriter<T> writer) {
            return new BulkInsert<>(database, table, names, kinds, constants, writer);
        }
    }
}
