package io.fulfil.config;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 13: on H2, the identity of {@code split_decision} (made in migration 12) hands out 10,000
 * values between stores instead of H2's 32, as migration 10 does for the other journals: each time
 * the cached range runs out H2 stores its whole file, and the split writes one decision per order.
 * MySQL keeps AUTO_INCREMENT in memory; there the migration does nothing.
 */
@Component
class V13__H2DecisionIdentityCache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE split_decision ALTER COLUMN decision_id SET CACHE 10000");
        }
    }
}
