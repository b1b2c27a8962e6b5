package io.fulfil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.support.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The H2 store buffer really reaches H2's store. This test fails if an H2 upgrade renames the field
 * it sets: the split would still be right, only slower, so the failure is the warning.
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
                .hasMessage("fulfil.h2.store-buffer-mb must be between 0 (H2's own) and 1024, is -1");
    }

    private DataSource fileDatabase() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("buffer") + ";WRITE_DELAY=0");
        open = dataSource.getConnection();
        return dataSource;
    }

    private static long bufferOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore().getAutoCommitMemory();
    }
}
