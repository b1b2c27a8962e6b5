package io.fulfil.config;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 10: on H2, the identity columns of the journals that chunked jobs append to hand out
 * 10,000 values between stores instead of H2's 32. Each time an identity's cached range runs out, H2
 * stores its file (every dirty page, the open chunk's too), so a pick import's short-pick movements and
 * a carrier-event import's events wrote the file again every few chunks (7% of a pick import's time).
 * A process that dies skips the unused values: gaps, never repeats. MySQL keeps AUTO_INCREMENT in
 * memory and needs nothing; there the migration does nothing.
 */
@Component
class V10__H2IdentityCache extends BaseJavaMigration {

    private static final List<List<String>> IDENTITIES = List.of(List.of("stock_movement", "movement_id"),
            List.of("carrier_event", "event_id"), List.of("order_history", "history_id"));

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (List<String> identity : IDENTITIES) {
                // names from the list above, never input
                statement.execute("ALTER TABLE " + identity.get(0) + " ALTER COLUMN " + identity.get(1)
                        + " SET CACHE 10000");
            }
        }
    }
}
