package io.fulfil.ops;

import io.fulfil.picking.confirm.PickConfirmations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts by status of fulfilment orders and waves, for the demo and operators' summaries. */
@Service
public class FloorSummary {

    private final JdbcClient jdbc;

    public FloorSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> fulfilmentOrdersByStatus() {
        return countBy("SELECT status, COUNT(*) FROM fulfilment_order GROUP BY status ORDER BY status");
    }

    public Map<String, Long> wavesByStatus() {
        return countBy("SELECT status, COUNT(*) FROM wave GROUP BY status ORDER BY status");
    }

    /** Pick lines confirmed short, and the units that went back to backorder. */
    public long[] shortPicks() {
        return jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM(p.quantity - c.picked_qty), 0)
                          FROM pick_confirmation c JOIN pick_line p ON %s
                         WHERE c.picked_qty < p.quantity""".formatted(PickConfirmations.CONFIRMATION_OF_LINE))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
