package io.fulfil.config;

import com.zaxxer.hikari.HikariDataSource;
import io.fulfil.support.Database;
import io.fulfil.support.JdbcUrls;
import io.fulfil.support.KeyLists;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The few places where H2 and MySQL/MariaDB need different settings; everything else is shared.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseDialectConfiguration {

    /**
     * Migrations use ${timestamp} for the one column type the two databases spell differently, and
     * ${stored} after a generated column's expression: MySQL keeps it in the row only when told
     * {@code STORED}, H2 always does and has no such word.
     */
    @Bean
    FlywayConfigurationCustomizer migrationPlaceholders(org.springframework.core.env.Environment env) {
        return configuration -> configuration.placeholders(
                migrationPlaceholders(JdbcUrls.isMySql(env.getProperty("spring.datasource.url"))));
    }

    static Map<String, String> migrationPlaceholders(boolean mySql) {
        return Map.of("timestamp", mySql ? "DATETIME(3)" : "TIMESTAMP(3)", "stored", mySql ? "STORED" : "");
    }

    /** Which database the processor is connected to. */
    @Bean
    Database database(org.springframework.core.env.Environment env) {
        return Database.of(env.getProperty("spring.datasource.url"));
    }

    /** How queries match a column against a list of keys on this database. */
    @Bean
    KeyLists keyLists(Database database) {
        return KeyLists.of(database);
    }

    /**
     * MySQL only runs JDBC batches as batches when asked: without rewriteBatchedStatements every
     * row of a batch is a round trip. The setting means nothing to H2, so it is added for MySQL alone.
     */
    @Bean
    static BeanPostProcessor mySqlBatchRewrite() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource hikari && JdbcUrls.isMySql(hikari.getJdbcUrl())) {
                    hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
                    hikari.addDataSourceProperty("cachePrepStmts", "true");
                    // the statements that bind a chunk's JSON document are prepared on the server
                    // all the same, each on its own (JsonTable.serverPrepared)
                    hikari.addDataSourceProperty("useServerPrepStmts", "false");
                    hikari.addDataSourceProperty("characterEncoding", "UTF-8");
                }
                return bean;
            }
        };
    }
}
