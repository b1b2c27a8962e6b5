package io.fulfil.config;

import io.fulfil.support.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * On MySQL/MariaDB the processor sends a chunk's rows as one JSON document read by {@code JSON_TABLE}
 * ({@code support/BulkInsert}, {@code support/JsonTable}), which MySQL has from 8.0.4 and MariaDB from
 * 10.6. An older server is refused at start, naming its version, rather than failing at a job's first
 * chunk with a syntax error.
 */
final class MySqlJsonTableCheck {

    static final String PROBE = "SELECT COUNT(*) FROM JSON_TABLE('[{\"c0\":1}]', '$[*]' COLUMNS (c0 BIGINT PATH '$.c0')) j";

    private MySqlJsonTableCheck() {
    }

    /** Throws when the database is MySQL/MariaDB without JSON_TABLE; nothing on H2. */
    static void requireJsonTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (Database.of(connection.getMetaData().getURL()) != Database.MYSQL) {
                return;
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(PROBE)) {
                rows.next();
            } catch (SQLException e) {
                throw new IllegalStateException("this database server (" + connection.getMetaData().getDatabaseProductName()
                        + " " + connection.getMetaData().getDatabaseProductVersion() + ") cannot run JSON_TABLE, which"
                        + " fulfil needs (MySQL 8.0.4 or later, MariaDB 10.6 or later): " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            // cannot connect: Flyway, which runs next, names the reason
        }
    }
}
