package io.fulfil.config;

import io.fulfil.config.H2IdentityCaches.Identity;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 10: on H2, the identity columns of the journals that chunked jobs append to hand out
 * 10,000 values between stores instead of H2's 32 ({@link H2IdentityCaches}): a pick import's
 * short-pick movements and a carrier-event import's events wrote the file again every few chunks
 * (7% of a pick import's time). On MySQL the migration does nothing.
 */
@Component
class V10__H2IdentityCache extends BaseJavaMigration {

    private static final List<Identity> IDENTITIES = List.of(new Identity("stock_movement", "movement_id"),
            new Identity("carrier_event", "event_id"), new Identity("order_history", "history_id"));

    @Override
    public void migrate(Context context) throws Exception {
        H2IdentityCaches.cache10000(context, IDENTITIES);
    }
}
