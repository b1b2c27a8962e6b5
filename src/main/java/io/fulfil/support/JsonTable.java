package io.fulfil.support;

import com.mysql.cj.ServerVersion;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.SqlProvider;

/**
 * A chunk's rows as a table for one statement on MySQL/MariaDB: {@code JSON_TABLE(?, '$[*]' COLUMNS
 * (...))} over a {@link JsonRows} document bound as its single parameter, so that one {@code UPDATE
 * ... JOIN} or lookup serves a whole piece of a chunk (each row found by its key, eq_ref) instead of a
 * statement per row. The table yields the rows in the document's order, so with {@code STRAIGHT_JOIN}
 * it drives the join in that order and rows are locked in it. A join on one of its text columns
 * compares it in the table column's collation ({@link KeyCollations}), as a bound parameter was.
 *
 * <p>This replaced a union of one-row selects with a parameter per cell: Connector/J's bookkeeping of
 * each bound value (a hash lookup per value, on every bind and again when the statement is built)
 * was a fifth of the manifest import's Java time.
 */
public final class JsonTable {

    /** Rows per statement: large enough that statements are few, small enough to stay a modest packet. */
    public static final int ROWS_PER_STATEMENT = 500;

    /** A column of the table: its name and its type in JSON_TABLE ({@code TEXT} or {@code BIGINT}). */
    public record Column(String name, String type) {
        public static Column text(String name) {
            return new Column(name, "TEXT");
        }

        public static Column integer(String name) {
            return new Column(name, "BIGINT");
        }
    }

    private JsonTable() {
    }

    /** The table function over the document bound to its parameter, column {@code i} at key {@code c<i>}. */
    public static String of(Column... columns) {
        StringJoiner sql = new StringJoiner(", ", "JSON_TABLE(?, '$[*]' COLUMNS (", "))");
        for (int c = 0; c < columns.length; c++) {
            sql.add(columns[c].name() + " " + columns[c].type() + " PATH '$." + JsonRows.key(c) + "'");
        }
        return sql.toString();
    }

    /**
     * The statement {@code sql} with {@code rows} as its one document (its only parameter), each row's
     * values written by {@code row}; prepared on the server on MariaDB (see {@link #serverPrepared}).
     */
    public static <T> PreparedStatementCreator statement(String sql, List<T> rows, RowWriter<T> row) {
        JsonRows json = new JsonRows(rows.size());
        for (T r : rows) {
            json.startRow();
            row.write(r, json);
            json.endRow();
        }
        String document = json.finish();
        return serverPrepared(sql, ps -> ps.setString(1, document));
    }

    /**
     * {@code sql} prepared on the MySQL/MariaDB server (Connector/J's {@code serverPrepareStatement}),
     * its values bound by {@code values}: they travel in the binary protocol as they are. A statement
     * prepared by the driver (its default, and the pool's) is sent as text with every value written
     * into it as a quoted literal, and a JSON document is full of quotes: the driver escaped it
     * character by character (a tenth of the manifest import's Java time, measured with JFR) and the
     * server's parser read the literal back the same way. Here each statement costs one more round
     * trip (prepare, then execute), a few per chunk. JdbcTemplate closes the statement, which frees
     * it on the server. The statement is the driver's own, not the pool's wrapper: a connection it
     * finds broken is evicted by the pool when the transaction around it fails to end, or when it is
     * next borrowed after sitting idle.
     *
     * <p>MariaDB only, where the MariaDB suites run every such statement prepared this way. MySQL 8 keeps
     * the driver's preparation (the document as a constant, the form MySQL's manual gives for
     * {@code JSON_TABLE}) until a MySQL suite runs them prepared on its server; so does a connection
     * that is not Connector/J's (another driver behind a MySQL URL).
     */
    public static PreparedStatementCreator serverPrepared(String sql, PreparedStatementSetter values) {
        return new ServerPrepared(sql, values);
    }

    private record ServerPrepared(String sql, PreparedStatementSetter values)
            implements PreparedStatementCreator, SqlProvider {

        @Override
        public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
            PreparedStatement statement = onMariaDb(connection)
                    ? connection.unwrap(JdbcConnection.class).serverPrepareStatement(sql)
                    : connection.prepareStatement(sql);
            try {
                values.setValues(statement);
                return statement;
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        @Override
        public String getSql() {
            return sql;
        }

        /**
         * Connector/J on MariaDB: the driver reads MariaDB 10's version as MySQL 5.5.5 (its handshake's
         * prefix), below MySQL's first JSON_TABLE (8.0.4, checked at start), and keeps the full string.
         */
        private static boolean onMariaDb(Connection connection) throws SQLException {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            ServerVersion version = connection.unwrap(JdbcConnection.class).getServerVersion();
            return version.getMajor() < 8 || version.toString().contains("MariaDB");
        }
    }

    /** Writes one row's values into the document, column by column ({@link JsonRows#string} etc.). */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(T row, JsonRows json);
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
