package io.fulfil.config;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Flyway migrates (and with it validates every applied migration's checksum) only when the schema is
 * behind: when the highest version applied is lower than the highest migration this build has, or the
 * history is missing, holds a failed migration, or cannot be read. A current schema costs one query
 * (and on MySQL one more, {@link MySqlJsonTableCheck}) instead of Flyway's full validation, which read and checksummed every migration at every start of
 * every command (README, Start-up).
 *
 * <p>What is given up: a migration file edited after it was applied is no longer reported at every
 * start, only at the next start that has a new migration to apply. Migrations are never edited once
 * released (CONTRACT's schema rule), and tests migrate a fresh database each time.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class FlywayWhenBehind {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.*");

    @Bean
    FlywayMigrationStrategy migrateWhenBehind() {
        return flyway -> {
            MySqlJsonTableCheck.requireJsonTable(flyway.getConfiguration().getDataSource());
            if (isBehind(flyway.getConfiguration())) {
                flyway.migrate();
            }
        };
    }

    /** True unless the history shows every migration of this build applied successfully. */
    static boolean isBehind(Configuration configuration) {
        Optional<MigrationVersion> available = highestAvailable(configuration);
        Optional<MigrationVersion> applied = highestApplied(configuration.getDataSource(), configuration.getTable());
        return available.isEmpty() || applied.isEmpty() || applied.get().compareTo(available.get()) < 0;
    }

    /** The highest applied version; empty when the history is missing, unreadable or holds a failed migration. */
    static Optional<MigrationVersion> highestApplied(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String quote = connection.getMetaData().getIdentifierQuoteString().trim();
            // Flyway quotes its names (lower case, which H2 would otherwise read as upper case); the table
            // name is Flyway's setting, never input, and identifiers cannot be bound as parameters
            String sql = "SELECT " + quote + "version" + quote + ", " + quote + "success" + quote + " FROM " + quote
                    + table + quote;
            try (ResultSet rows = statement.executeQuery(sql)) {
                MigrationVersion highest = null;
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return Optional.empty();
                    }
                    String version = rows.getString(1);
                    if (version != null) {
                        MigrationVersion v = MigrationVersion.fromVersion(version);
                        highest = highest == null || v.compareTo(highest) > 0 ? v : highest;
                    }
                }
                return Optional.ofNullable(highest);
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The highest version among this build's migrations: SQL files named V&lt;version&gt;__*.sql under
     * the configured classpath locations, and Java migrations. Empty (so Flyway runs in full) when a
     * location is not on the class path or a repeatable migration exists, whose changes only Flyway sees.
     */
    static Optional<MigrationVersion> highestAvailable(Configuration configuration) {
        MigrationVersion highest = null;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                FlywayWhenBehind.class.getClassLoader());
        try {
            for (Location location : configuration.getLocations()) {
                if (!location.isClassPath()) {
                    return Optional.empty();
                }
                for (Resource resource : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*.sql")) {
                    String name = resource.getFilename();
                    if (name == null) {
                        continue;
                    }
                    if (name.startsWith("R__")) {
                        return Optional.empty();
                    }
                    highest = higher(highest, name);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        for (JavaMigration migration : configuration.getJavaMigrations()) {
            highest = higher(highest, migration.getClass().getSimpleName());
        }
        return Optional.ofNullable(highest);
    }

    private static MigrationVersion higher(MigrationVersion highest, String name) {
        Matcher m = VERSIONED.matcher(name);
        if (!m.matches()) {
            return highest;
        }
        MigrationVersion v = MigrationVersion.fromVersion(m.group(1).replace('_', '.').replaceAll("\\.$", ""));
        return highest == null || v.compareTo(highest) > 0 ? v : highest;
    }
}
