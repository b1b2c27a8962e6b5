package io.fulfil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.support.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The H2 store buffer really reaches H2's store and really keeps a big transaction from being written
 * before its commit. This test fails if an H2 upgrade renames or stops using the field it sets: the
 * split would still be right, only slower, so the failure is the warning.
 */
class H2StoreBufferTests {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private Connection open;

    @AfterEach
    void closeDatabase() throws SQLException {
        if (open != null) {
            try (Statement statement = open.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void raisesTheBufferOfTheEmbeddedFileStore() throws SQLException {
        DataSource dataSource = fileDatabase();
        long h2Own = bufferOf(open);

        long applied = new H2StoreBuffer(dataSource, Database.H2, new H2Settings(128)).apply();

        long expected = Math.min(128 * MB, Runtime.getRuntime().maxMemory() / 4);
        assertThat(h2Own).isLessThan(expected);
        assertThat(applied).isEqualTo(expected);
        assertThat(bufferOf(open)).isEqualTo(expected);
    }

    @Test
    void withTheBufferABigTransactionIsWrittenOnlyAtItsCommit() throws SQLException {
        DataSource dataSource = fileDatabase();
        assertThat(writesBeforeCommit(open, "with_h2s_own")).as("H2's own buffer").isPositive();

        new H2StoreBuffer(dataSource, Database.H2, new H2Settings(128)).apply();

        assertThat(writesBeforeCommit(open, "with_128_mb")).as("a 128 MB buffer").isZero();
    }

    @Test
    void zeroKeepsH2sOwnBuffer() throws SQLException {
        DataSource dataSource = fileDatabase();
        long h2Own = bufferOf(open);

        assertThat(new H2StoreBuffer(dataSource, Database.H2, new H2Settings(0)).apply()).isEqualTo(h2Own);
        assertThat(bufferOf(open)).isEqualTo(h2Own);
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:buffer-test;DB_CLOSE_DELAY=-1");
        open = dataSource.getConnection();
        long before = bufferOf(open);

        assertThat(new H2StoreBuffer(dataSource, Database.H2, new H2Settings(128)).apply()).isEqualTo(-1);
        assertThat(bufferOf(open)).isEqualTo(before);
        try (Statement statement = open.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
        }
    }

    @Test
    void doesNothingOnMySql() {
        DataSource unreachable = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("must not be asked for a connection");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };

        assertThat(new H2StoreBuffer(unreachable, Database.MYSQL, new H2Settings(128)).apply()).isEqualTo(-1);
    }

    @Test
    void refusesASizeOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> new H2Settings(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fulfil.h2.store-buffer-mb must be between 0 (H2's own) and 255, is -1");
    }

    private DataSource fileDatabase() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("buffer") + ";WRITE_DELAY=0");
        open = dataSource.getConnection();
        return dataSource;
    }

    private static long bufferOf(Connection connection) throws SQLException {
        return storeOf(connection).getAutoCommitMemory();
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /** How often H2 writes to its file during one transaction of 40,000 rows of 500 characters. */
    private static long writesBeforeCommit(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, text VARCHAR(600))");
        }
        MVStore store = storeOf(connection);
        connection.setAutoCommit(false);
        long before = store.getFileStore().getWriteCount();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int id = 0; id < 40_000; id++) {
                insert.setInt(1, id);
                insert.setString(2, ("row " + id + " ").repeat(100).substring(0, 500));
                insert.addBatch();
                if (id % 1000 == 999) {
                    insert.executeBatch();
                }
            }
        }
        long writes = store.getFileStore().getWriteCount() - before;
        connection.commit();
        connection.setAutoCommit(true);
        return writes;
    }
}
