package io.fulfil.config;

import io.fulfil.config.H2IdentityCaches.Identity;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 13: on H2, the identity of {@code split_decision} (made in migration 12) hands out 10,000
 * values between stores instead of H2's 32 ({@link H2IdentityCaches}), as migration 10 does for the
 * other journals: the split writes one decision per order. On MySQL the migration does nothing.
 */
@Component
class V13__H2DecisionIdentityCache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        H2IdentityCaches.cache10000(context, List.of(new Identity("split_decision", "decision_id")));
    }
}
