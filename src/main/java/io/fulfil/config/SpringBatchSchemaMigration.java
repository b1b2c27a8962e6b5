package io.fulfil.config;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Migration 1: Spring Batch's own tables, from the DDL that ships in its jar for the database at hand
 * (never a hand-made copy). mysql-connector-j reports MariaDB as "MySQL", and Spring Batch then uses
 * its MySQL sequence tables, so that is the script to run; the MariaDB driver would report "MariaDB".
 */
@Component
class V1__SpringBatchSchema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String platform = switch (product) {
            case "h2" -> "h2";
            case "mysql" -> "mysql";
            case "mariadb" -> "mariadb";
            default -> throw new IllegalStateException("unsupported database for the job repository: " + product);
        };
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
    }
}
