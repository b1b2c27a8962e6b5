package io.fulfil.config;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** The application's schema on a test's own H2 database, without starting Spring. */
public final class FlywayForTests {

    private FlywayForTests() {
    }

    public static Flyway h2(DataSource dataSource) {
        return configuration(dataSource, false).load();
    }

    static FluentConfiguration configuration(DataSource dataSource, boolean mySql) {
        return new FluentConfiguration().dataSource(dataSource).locations("classpath:db/migration/common")
                .javaMigrations(new V1__SpringBatchSchema(), new V7__QuartzSchema(), new V10__H2IdentityCache(),
                        new V13__H2DecisionIdentityCache(), new V16__MySqlFixedWidthStatus(),
                        new V21__OrderGrowthRoom())
                .placeholders(DatabaseDialectConfiguration.migrationPlaceholders(mySql));
    }

    public static void migrate(DataSource dataSource) {
        h2(dataSource).migrate();
    }
}
