package io.fulfil.config;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** On MySQL/MariaDB when FULFIL_TEST_MYSQL_URL is set; the probe's tables are its own, the schema the tests' shared one. */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
class MySqlFlywayWhenBehindTests extends FlywayWhenBehindTests {

    @Override
    HikariDataSource newDataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(System.getenv("FULFIL_TEST_MYSQL_URL"));
        ds.setUsername(System.getenv().getOrDefault("FULFIL_TEST_MYSQL_USERNAME", "root"));
        ds.setPassword(System.getenv().getOrDefault("FULFIL_TEST_MYSQL_PASSWORD", ""));
        return ds;
    }

    @Override
    boolean mySql() {
        return true;
    }
}
