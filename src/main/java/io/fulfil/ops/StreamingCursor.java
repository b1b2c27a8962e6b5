package io.fulfil.ops;

import io.fulfil.support.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.RowMapper;

/**
 * A cursor over a query whose rows the database hands out as it finds them, instead of computing the
 * whole result before the first row: on MySQL and MariaDB the driver's streaming mode (fetch size
 * {@link Integer#MIN_VALUE}); on H2 lazy query execution, set for this cursor's connection only and
 * reset before the connection goes back to the pool. Either way the reader's first rows come at once
 * and the rest are computed as they are read, on the thread that reads them.
 *
 * <p>Why: a read-ahead step ({@link ReadAheadReader}) overlaps reading with writing, but H2 otherwise
 * runs the whole query when the cursor opens, on the step's thread, before anything is written: the
 * wave job's candidates at 1,000,000 fulfilment lines took 12 s there. Only a query H2 can answer
 * lazily streams (no sort it cannot read from an index: {@code EXPLAIN} shows {@code index sorted});
 * any other is computed whole, as before.
 *
 * <p>Keeps no restart position (a restarted step reads again what is still to do).
 */
public final class StreamingCursor<T> extends JdbcCursorItemReader<T> {

    private static final Logger log = LoggerFactory.getLogger(StreamingCursor.class);

    private final Database database;
    private final String name;

    public StreamingCursor(String name, DataSource dataSource, Database database, String sql, RowMapper<T> rowMapper) {
        super(dataSource, sql, rowMapper);
        this.database = database;
        this.name = name;
        setName(name);
        setFetchSize(database.streamingFetchSize());
        setSaveState(false);
        setVerifyCursorPosition(false);
    }

    @Override
    protected void openCursor(Connection connection) {
        if (database == Database.H2) {
            try {
                // a lazy result is read from the store's pages as they were when the query started; H2
                // keeps those pages only while a transaction holds that version, and under READ
                // COMMITTED it lets go at the end of the statement, which for a lazy query is its
                // start (H2 issue 4142, "Chunk not found"). A REPEATABLE READ transaction holds it
                // until it ends, here when the cursor closes; it only reads, so it locks nothing.
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                lazy(connection, true);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare H2's lazy query execution for " + name, e);
            }
        }
        super.openCursor(connection);
    }

    @Override
    protected void cleanupOnClose(Connection connection) {
        super.cleanupOnClose(connection);
        if (database != Database.H2 || connection == null) {
            return;
        }
        try {
            if (connection.isClosed()) {
                return; // closed already (a failed open closes the reader once more)
            }
            connection.rollback();
            lazy(connection, false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the pool resets autocommit and isolation on the connection's return, and the reader's
            // rows are all read: not worth failing a finished step over
            log.warn("cannot reset the connection of cursor {}: {}", name, e.getMessage());
        }
    }

    private static void lazy(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
