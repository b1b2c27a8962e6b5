package io.fulfil.config;

import io.fulfil.support.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * What migrations 10 and 13 do on H2: identity columns that hand out 10,000 values between stores
 * instead of H2's 32. Each time an identity's cached range runs out, H2 stores its whole file (every
 * dirty page, the open chunk's too). A process that dies skips the unused values: gaps, never
 * repeats. MySQL keeps AUTO_INCREMENT in memory and needs nothing; there nothing is done.
 */
final class H2IdentityCaches {

    /** A table and its identity column: names from the migrations' own lists, never input. */
    record Identity(String table, String column) {
    }

    private H2IdentityCaches() {
    }

    static void cache10000(Context context, List<Identity> identities) throws SQLException {
        Connection connection = context.getConnection();
        if (Database.of(connection.getMetaData().getURL()) != Database.H2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (Identity identity : identities) {
                statement.execute("ALTER TABLE " + identity.table() + " ALTER COLUMN " + identity.column()
                        + " SET CACHE 10000");
            }
        }
    }
}
