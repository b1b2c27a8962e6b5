package io.fulfil.fulfilment;

import io.fulfil.support.SqlTimestamps;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Steps taken on an order after its split that no other table tells in words (each step of a
 * cancellation), written in the transaction that takes them and shown by {@code explain}.
 */
@Repository
public class OrderHistory {

    /** One step: on an order, maybe on one of its fulfilment orders; {@code action} is a short code. */
    public record Entry(String orderNo, String fulfilmentNo, String action, String detail) {
    }

    /** A step as recorded, with its time. */
    public record Recorded(LocalDateTime occurredAt, String fulfilmentNo, String action, String detail) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public OrderHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(List<Entry> entries, LocalDateTime at, Long jobExecutionId) {
        if (entries.isEmpty()) {
            return;
        }
        String when = SqlTimestamps.text(at);
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO order_history (order_no, fulfilment_no, action, detail, occurred_at, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, e) -> {
            ps.setString(1, e.orderNo());
            ps.setString(2, e.fulfilmentNo());
            ps.setString(3, e.action());
            ps.setString(4, e.detail().length() > 500 ? e.detail().substring(0, 497) + "..." : e.detail());
            ps.setString(5, when);
            if (jobExecutionId == null) {
                ps.setNull(6, java.sql.Types.BIGINT);
            } else {
                ps.setLong(6, jobExecutionId);
            }
        });
    }

    /** An order's steps in the order they were taken. */
    public List<Recorded> of(String orderNo) {
        return jdbc.query("""
                        SELECT occurred_at, fulfilment_no, action, detail FROM order_history
                         WHERE order_no = :no ORDER BY history_id""", Map.of("no", orderNo),
                (rs, i) -> new Recorded(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
    }
}
