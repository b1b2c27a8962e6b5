package io.fulfil.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts shown after a split run: what this execution created, and where all orders now stand. */
@Service
public class SplitSummary {

    private final JdbcClient jdbc;

    public SplitSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long fulfilmentOrdersCreatedBy(long jobExecutionId) {
        return jdbc.sql("SELECT COUNT(*) FROM fulfilment_order WHERE job_execution_id = :id")
                .param("id", jobExecutionId).query(Long.class).single();
    }

    public long ordersTouchedBy(long jobExecutionId) {
        return jdbc.sql("SELECT COUNT(DISTINCT order_no) FROM split_decision WHERE job_execution_id = :id")
                .param("id", jobExecutionId).query(Long.class).single();
    }

    public Map<String, Long> ordersByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM customer_order GROUP BY status ORDER BY status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public long backorderLines() {
        return jdbc.sql("SELECT COUNT(*) FROM backorder").query(Long.class).single();
    }
}
