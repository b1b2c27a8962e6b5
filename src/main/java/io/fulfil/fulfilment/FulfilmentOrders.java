package io.fulfil.fulfilment;

import io.fulfil.support.KeyLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one place where a fulfilment order's status changes (the split creates them ALLOCATED). Every
 * update is guarded in SQL by the legal predecessors that {@link FulfilmentStatus} gives, so of two
 * jobs racing for the same fulfilment order only one can win, and callers lock the rows first
 * ({@link #lock}) so that they decide on what they will change.
 *
 * <p>Lock order, for every job: parent orders ({@link ParentOrders#lock}), then fulfilment orders
 * (here), then stock rows ({@code StockLedger}), each in key order. Jobs that keep to it queue for
 * each other instead of deadlocking.
 */
@Repository
public class FulfilmentOrders {

    /** A fulfilment order's state as read (under lock, when from {@link #lock}). */
    public record Current(String fulfilmentNo, String orderNo, String warehouseCode, String temperatureZone,
                          FulfilmentStatus status, FulfilmentStatus exceptionFrom, String waveNo) {
    }

    /** A fulfilment order put into a wave, with its slot there. */
    public record WaveSlot(String fulfilmentNo, String waveNo, int slot) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    public FulfilmentOrders(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /** Locks these fulfilment orders in key order until the transaction ends and reads them. */
    public Map<String, Current> lock(Collection<String> fulfilmentNos) {
        return read(fulfilmentNos, "FOR UPDATE");
    }

    /** Reads these fulfilment orders as last committed, without locks. */
    public Map<String, Current> read(Collection<String> fulfilmentNos) {
        return read(fulfilmentNos, "");
    }

    private Map<String, Current> read(Collection<String> fulfilmentNos, String lock) {
        Map<String, Current> found = new LinkedHashMap<>();
        if (fulfilmentNos.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        SELECT fulfilment_no, order_no, warehouse_code, temperature_zone, status, exception_from, wave_no
                          FROM fulfilment_order
                         WHERE %s
                         ORDER BY fulfilment_no
                         %s""".formatted(keyLists.matches("fulfilment_no", "nos"), lock),
                Map.of("nos", keyLists.bind(distinct(fulfilmentNos))),
                rs -> {
                    String from = rs.getString(6);
                    found.put(rs.getString(1), new Current(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), FulfilmentStatus.valueOf(rs.getString(5)),
                            from == null ? null : FulfilmentStatus.valueOf(from), rs.getString(7)));
                });
        return found;
    }

    /**
     * Moves these fulfilment orders, which the caller has locked, to {@code next}. Throws, naming the
     * first offender, when one of them cannot legally move there; changes nothing in that case.
     */
    public void move(Collection<Current> locked, FulfilmentStatus next) {
        if (locked.isEmpty()) {
            return;
        }
        for (Current c : locked) {
            if (!c.status().canMoveTo(next)) {
                throw new IllegalStateException("fulfilment order " + c.fulfilmentNo() + " is " + c.status()
                        + " and cannot move to " + next);
            }
        }
        List<String> nos = locked.stream().map(Current::fulfilmentNo).toList();
        int moved = jdbc.update("""
                        UPDATE fulfilment_order SET status = :next
                         WHERE %s AND status IN (:from)""".formatted(keyLists.matches("fulfilment_no", "nos")),
                new MapSqlParameterSource("next", next.name())
                        .addValue("nos", keyLists.bind(nos))
                        .addValue("from", FulfilmentStatus.names(FulfilmentStatus.legalPredecessorsOf(next))));
        requireAll(moved, nos.size(), next);
    }

    /** Moves ALLOCATED fulfilment orders, locked by the caller, into their waves (WAVED, wave_no, slot). */
    public void wave(List<WaveSlot> slots) {
        if (slots.isEmpty()) {
            return;
        }
        Set<FulfilmentStatus> from = FulfilmentStatus.legalPredecessorsOf(FulfilmentStatus.WAVED);
        int[][] counts = jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE fulfilment_order SET status = 'WAVED', wave_no = ?, wave_slot = ?
                 WHERE fulfilment_no = ? AND status IN %s""".formatted(FulfilmentStatus.sqlList(from)),
                slots, slots.size(), (ps, s) -> {
                    ps.setString(1, s.waveNo());
                    ps.setInt(2, s.slot());
                    ps.setString(3, s.fulfilmentNo());
                });
        for (int[] batch : counts) {
            for (int count : batch) {
                // MySQL's rewritten batches may answer "no info" (-2); the rows are locked by the caller
                if (count == 0) {
                    throw new IllegalStateException("a fulfilment order of wave " + slots.get(0).waveNo()
                            + " was no longer ALLOCATED; nothing of the wave is applied");
                }
            }
        }
    }

    private static void requireAll(int moved, int expected, FulfilmentStatus next) {
        if (moved != expected) {
            throw new IllegalStateException(expected - moved + " fulfilment order(s) changed status while being"
                    + " moved to " + next + "; nothing is applied");
        }
    }

    private static List<String> distinct(Collection<String> keys) {
        return new ArrayList<>(new java.util.TreeSet<>(keys));
    }
}
