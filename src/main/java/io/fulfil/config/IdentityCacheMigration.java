package io.fulfil.config;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 11: on H2, the identity sequences of the two journals written a row per item
 * ({@code stock_movement}, {@code carrier_event}) hand out ids 10,000 at a time instead of H2's 32.
 * H2 persists an identity sequence each time its cache runs out, with a commit of its own: at 32 that
 * was some 30 extra store commits per 1,000 journal rows, a fifth of the manifest and carrier-event
 * imports' time. A process killed with ids still cached resumes after the persisted bound, so ids stay
 * unique (only a gap is left). MySQL keeps its auto-increment counter in memory: nothing to do there.
 */
@Component
class V11__IdentityCache extends BaseJavaMigration {

    static final int CACHE = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"h2".equals(connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT))) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE stock_movement ALTER COLUMN movement_id SET CACHE " + CACHE);
            statement.execute("ALTER TABLE carrier_event ALTER COLUMN event_id SET CACHE " + CACHE);
        }
    }
}
