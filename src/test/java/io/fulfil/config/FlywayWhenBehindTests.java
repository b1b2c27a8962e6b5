package io.fulfil.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway runs only when the schema is behind (H2 and MySQL/MariaDB by the subclasses): a current
 * schema is left alone; a schema behind this build's migrations is migrated.
 */
abstract class FlywayWhenBehindTests {

    private static final List<String> PROBE_TABLES = List.of("flyway_probe_a", "flyway_probe_b", "flyway_probe_history");

    HikariDataSource dataSource;
    JdbcTemplate jdbc;

    abstract HikariDataSource newDataSource();

    abstract boolean mySql();

    @BeforeEach
    void open() {
        dataSource = newDataSource();
        jdbc = new JdbcTemplate(dataSource);
        dropProbe();
    }

    @AfterEach
    void close() {
        dropProbe();
        dataSource.close();
    }

    @Test
    void theApplicationsSchemaIsCurrentOnceMigratedAtItsHighestVersion() {
        Flyway real = FlywayForTests.configuration(dataSource, mySql()).load();
        real.migrate();

        assertThat(FlywayWhenBehind.isBehind(real.getConfiguration())).isFalse();
        MigrationVersion highest = real.info().current().getVersion();
        assertThat(FlywayWhenBehind.highestAvailable(real.getConfiguration())).contains(highest);
        assertThat(highest.compareTo(MigrationVersion.fromVersion("7"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aSchemaBehindIsMigratedAndACurrentOneIsLeftAlone() {
        Flyway upToOne = probe().target("1").load();
        upToOne.migrate();
        Flyway probe = probe().load();
        assertThat(FlywayWhenBehind.isBehind(probe.getConfiguration())).isTrue();

        new FlywayWhenBehind().migrateWhenBehind().migrate(probe);

        assertThat(tableExists("flyway_probe_b")).isTrue();
        assertThat(FlywayWhenBehind.isBehind(probe.getConfiguration())).isFalse();

        // current: the strategy does not run Flyway, so a table dropped behind its back stays dropped
        jdbc.execute("DROP TABLE flyway_probe_b");
        new FlywayWhenBehind().migrateWhenBehind().migrate(probe);
        assertThat(tableExists("flyway_probe_b")).isFalse();
    }

    @Test
    void aMissingHistoryIsBehind() {
        assertThat(FlywayWhenBehind.isBehind(probe().load().getConfiguration())).isTrue();
    }

    private FluentConfiguration probe() {
        return new FluentConfiguration().dataSource(dataSource).locations("classpath:db/flyway-probe")
                .table("flyway_probe_history").baselineOnMigrate(true).baselineVersion("0");
    }

    private boolean tableExists(String table) {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
            return true;
        } catch (org.springframework.dao.DataAccessException e) {
            return false;
        }
    }

    private void dropProbe() {
        PROBE_TABLES.forEach(t -> jdbc.execute("DROP TABLE IF EXISTS " + quoted(t)));
    }

    private String quoted(String table) {
        return jdbc.execute((java.sql.Connection c) -> {
            String q = c.getMetaData().getIdentifierQuoteString().trim();
            return q + table + q;
        });
    }
}
