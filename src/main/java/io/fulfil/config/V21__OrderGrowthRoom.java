package io.fulfil.config;

import io.fulfil.fulfilment.OrderGrowthRoom;
import io.fulfil.support.Database;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 21: {@code customer_order.growth_room}, room inside an order's row for what the split and
 * the roll-ups change in it ({@link OrderGrowthRoom} says why and how it is kept).
 *
 * <p>On MySQL and MariaDB the column's default is {@link OrderGrowthRoom#BYTES} zero bytes, so that an
 * order the shop inserts afterwards has the room without the shop doing anything. The column is added
 * as NULL first and given its default after: both are changes of the table's definition only (no
 * rebuild), and orders already in the table read NULL and are updated as before (giving them room
 * would make each row grow by it once, the thing the room is there to avoid). On H2, which writes a
 * changed page whole whatever its rows' lengths, the column has no default and stays NULL.
 */
@Component
class V21__OrderGrowthRoom extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customer_order ADD COLUMN growth_room VARBINARY(64)");
            if (Database.of(connection.getMetaData().getURL()) != Database.H2) {
                statement.execute("ALTER TABLE customer_order ALTER COLUMN growth_room SET DEFAULT "
                        + OrderGrowthRoom.DEFAULT_LITERAL);
            }
        }
    }
}
