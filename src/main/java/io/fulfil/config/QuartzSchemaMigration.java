package io.fulfil.config;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Migration 7: Quartz's tables for {@code serve}'s clustered job store (CONTRACT §10), from the DDL in
 * the Quartz jar for the database at hand, never a hand-made copy. MySQL's script starts by dropping
 * the tables; here that runs once, on a database that has none yet, so nothing is lost (Boot's own
 * {@code spring.quartz.jdbc.initialize-schema=always} would run it at every start). MySQL's script
 * writes its comments with {@code #}.
 */
@Component
class V7__QuartzSchema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String script = switch (product) {
            case "h2" -> "tables_h2.sql";
            case "mysql", "mariadb" -> "tables_mysql_innodb.sql";
            default -> throw new IllegalStateException("unsupported database for the scheduler: " + product);
        };
        ScriptUtils.executeSqlScript(connection,
                new EncodedResource(new ClassPathResource("org/quartz/impl/jdbcjobstore/" + script)), false, false,
                new String[] {"--", "#"}, ScriptUtils.DEFAULT_STATEMENT_SEPARATOR,
                ScriptUtils.DEFAULT_BLOCK_COMMENT_START_DELIMITER, ScriptUtils.DEFAULT_BLOCK_COMMENT_END_DELIMITER);
    }
}
