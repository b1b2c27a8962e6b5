package io.fulfil.fulfilment;

import static io.fulfil.support.JsonTable.Column.integer;
import static io.fulfil.support.JsonTable.Column.text;

import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import io.fulfil.support.JsonTable;
import io.fulfil.support.KeyCollations;
import java.time.LocalDateTime;
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
 * ({@link #lock}) so that they decide on what they will change, or hold a lock that keeps what they
 * decide on from changing (the manifest import: a PICKED fulfilment order leaves PICKED only under
 * its parent's lock, so it holds the parents' and lets the shipments' update lock the rows).
 *
 * <p>Lock order, for every job: parent orders ({@link ParentOrders#lock}), then fulfilment orders
 * (here), then stock rows ({@code StockLedger}), each in key order. Jobs that keep to it queue for
 * each other instead of deadlocking.
 */
@Repository
public class FulfilmentOrders {

    /**
     * The index that finds an order's fulfilment orders, by (split_key, order_no) (migration V15);
     * lookups of a chunk's orders name it ({@link KeyLists#through}).
     */
    public static final String BY_ORDER_INDEX = "fulfilment_order_by_order";

    /**
     * True when fulfilment order {@code f} is one of order {@code o}'s: the order's split key and number
     * (migration V15). The key grows with the time of the order's first split, so the split appends to
     * the index instead of writing into random pages of it; every lookup of an order's parts goes
     * through the order's row for it.
     */
    public static final String OF_ORDER = "f.split_key = o.split_key AND f.order_no = o.order_no";

    /**
     * {@code customer_order o} joined to its fulfilment orders {@code f}, for a FROM clause that picks
     * the orders by {@code o.order_no}.
     */
    public static String ofOrders(KeyLists keyLists) {
        return "customer_order o JOIN fulfilment_order f" + keyLists.through(BY_ORDER_INDEX) + " ON " + OF_ORDER;
    }

    /** A fulfilment order's state as read (under lock, when from {@link #lock}). */
    public record Current(String fulfilmentNo, String orderNo, String warehouseCode, String temperatureZone,
                          FulfilmentStatus status, FulfilmentStatus exceptionFrom, String waveNo) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    /** MySQL: how the joined updates compare their JSON tables' keys with the table's. */
    private final KeyCollations keys;
    private final KeyLists keyLists;
    /** MySQL: a chunk's shipments and tracking changes as one joined update (see {@link JsonTable}). */
    private final boolean joinedUpdates;

    public FulfilmentOrders(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, Database database) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.joinedUpdates = database == Database.MYSQL;
        this.keys = new KeyCollations(jdbc.getJdbcTemplate());
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

    /**
     * Moves ALLOCATED fulfilment orders, locked by the caller, into one wave with one guarded
     * statement: WAVED, {@code wave_no}, and {@code wave_slot} 1, 2, … in the order given. Throws,
     * changing nothing, when one of them is no longer ALLOCATED.
     */
    public void waveTogether(String waveNo, List<String> slotOrder) {
        if (slotOrder.isEmpty()) {
            return;
        }
        Set<FulfilmentStatus> from = FulfilmentStatus.legalPredecessorsOf(FulfilmentStatus.WAVED);
        // the slot is the key's place in the list: a CASE over bound keys, since neither database can
        // take a key's position in a bound list portably (the slot numbers are ours, not input)
        StringBuilder slot = new StringBuilder("CASE fulfilment_no");
        MapSqlParameterSource parameters = new MapSqlParameterSource("wave", waveNo)
                .addValue("nos", keyLists.bind(slotOrder));
        for (int i = 0; i < slotOrder.size(); i++) {
            slot.append(" WHEN :k").append(i).append(" THEN ").append(i + 1);
            parameters.addValue("k" + i, slotOrder.get(i));
        }
        slot.append(" END");
        int moved = jdbc.update("""
                        UPDATE fulfilment_order SET status = 'WAVED', wave_no = :wave, wave_slot = %s, %s
                         WHERE %s AND status IN %s""".formatted(slot, GrowthRoom.AFTER_WAVING,
                        keyLists.matches("fulfilment_no", "nos"), FulfilmentStatus.sqlList(from)), parameters);
        if (moved != slotOrder.size()) {
            throw new IllegalStateException("a fulfilment order of wave " + waveNo
                    + " was no longer ALLOCATED; nothing of the wave is applied");
        }
    }

    /** A PICKED fulfilment order handed to a carrier: its parcel's carrier, tracking number, time and weight. */
    public record Shipment(String fulfilmentNo, String carrierCode, String trackingNo, LocalDateTime shippedAt,
                           int weightGrams) {
    }

    /**
     * Ships these fulfilment orders, PICKED, whose parents the caller has locked: SHIPPED with their
     * parcel's carrier, tracking number, time and weight. Fails, for the caller to roll back, when
     * one of them is not PICKED.
     *
     * <p>On MySQL the shipments' document drives the joined update ({@code STRAIGHT_JOIN}): each
     * fulfilment order is found by its primary key (named: on a small or freshly counted table the
     * optimizer may prefer reading it whole) and locked in the document's order. Read whole, every row
     * is locked on the way, and two imports applying side by side (the partitions of one, or two files)
     * each waited for a row the other held: a deadlock.
     */
    public void ship(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return;
        }
        Set<FulfilmentStatus> from = FulfilmentStatus.legalPredecessorsOf(FulfilmentStatus.SHIPPED);
        String failed = "a fulfilment order being shipped was no longer PICKED; nothing of the chunk is applied";
        if (joinedUpdates) {
            for (List<Shipment> piece : JsonTable.pieces(shipments)) {
                int updated = jdbc.getJdbcTemplate().update(JsonTable.statement("""
                        UPDATE %s d STRAIGHT_JOIN fulfilment_order f FORCE INDEX (PRIMARY) ON f.fulfilment_no = %s
                           SET f.status = 'SHIPPED', f.carrier_code = d.carrier, f.tracking_no = d.tracking,
                               f.shipped_at = d.shipped_at, f.weight_grams = d.weight, %s
                         WHERE f.status IN %s""".formatted(JsonTable.of(text("no"), text("carrier"), text("tracking"),
                        text("shipped_at"), integer("weight")), keys.as("fulfilment_order", "fulfilment_no", "d.no"),
                        GrowthRoom.AFTER_SHIPPING,
                        FulfilmentStatus.sqlList(from)), piece, (s, json) -> {
                    json.string(0, s.fulfilmentNo());
                    json.string(1, s.carrierCode());
                    json.string(2, s.trackingNo());
                    json.string(3, SqlTimestamps.text(s.shippedAt()));
                    json.number(4, s.weightGrams());
                }));
                requireCount(updated, piece.size(), failed);
            }
            return;
        }
        int[][] counts = jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE fulfilment_order
                   SET status = 'SHIPPED', carrier_code = ?, tracking_no = ?, shipped_at = ?, weight_grams = ?
                 WHERE fulfilment_no = ? AND status IN %s""".formatted(FulfilmentStatus.sqlList(from)),
                shipments, shipments.size(), (ps, s) -> {
                    ps.setString(1, s.carrierCode());
                    ps.setString(2, s.trackingNo());
                    ps.setString(3, SqlTimestamps.text(s.shippedAt()));
                    ps.setInt(4, s.weightGrams());
                    ps.setString(5, s.fulfilmentNo());
                });
        requireEach(counts, failed);
    }

    /**
     * A parcel's new state from its carrier events, for a fulfilment order locked by the caller and
     * read as {@code before}: status, where an EXCEPTION was entered from, delivery time, latest event.
     */
    public record Tracking(Current before, FulfilmentStatus status, FulfilmentStatus exceptionFrom,
                           LocalDateTime deliveredAt, LocalDateTime lastEventAt) {
    }

    /**
     * Writes parcels' states as their events give them. A status change must be a legal move of the
     * status machine from the status read under lock (or, out of EXCEPTION, a legal way out of it given
     * where it was entered from, or a late event showing the other final status was reached first,
     * see {@link FulfilmentStatus#finalReachedEarlier}); each update is guarded by that status, so nothing moves a parcel
     * that another job moved in between. On MySQL the changes drive the joined update, as in {@link #ship}.
     */
    public void track(List<Tracking> changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (Tracking t : changes) {
            FulfilmentStatus now = t.before().status();
            boolean legal = t.status() == now
                    || (now == FulfilmentStatus.EXCEPTION
                            ? FulfilmentStatus.canLeaveException(t.before().exceptionFrom(), t.status())
                            : now.canMoveTo(t.status()))
                    || FulfilmentStatus.finalReachedEarlier(now, t.status());
            if (!legal) {
                throw new IllegalStateException("parcel " + t.before().fulfilmentNo() + " is " + now
                        + " and cannot move to " + t.status());
            }
        }
        String failed = "a parcel changed status while its events were applied; nothing of the chunk is applied";
        if (joinedUpdates) {
            for (List<Tracking> piece : JsonTable.pieces(changes)) {
                int updated = jdbc.getJdbcTemplate().update(JsonTable.statement("""
                        UPDATE %s d STRAIGHT_JOIN fulfilment_order f FORCE INDEX (PRIMARY) ON f.fulfilment_no = %s
                           SET f.status = d.next, f.exception_from = d.exception_from, f.delivered_at = d.delivered_at,
                               f.last_event_at = d.last_event_at, %s
                         WHERE f.status = %s""".formatted(JsonTable.of(text("no"), text("next"),
                        text("exception_from"), text("delivered_at"), text("last_event_at"), text("was")),
                        keys.as("fulfilment_order", "fulfilment_no", "d.no"), GrowthRoom.RELEASED,
                        keys.as("fulfilment_order", "status", "d.was")), piece, (t, json) -> {
                    json.string(0, t.before().fulfilmentNo());
                    json.string(1, t.status().name());
                    json.string(2, t.exceptionFrom() == null ? null : t.exceptionFrom().name());
                    json.string(3, SqlTimestamps.text(t.deliveredAt()));
                    json.string(4, SqlTimestamps.text(t.lastEventAt()));
                    json.string(5, t.before().status().name());
                }));
                requireCount(updated, piece.size(), failed);
            }
            return;
        }
        int[][] counts = jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE fulfilment_order
                   SET status = ?, exception_from = ?, delivered_at = ?, last_event_at = ?
                 WHERE fulfilment_no = ? AND status = ?""", changes, changes.size(), (ps, t) -> {
                    ps.setString(1, t.status().name());
                    ps.setString(2, t.exceptionFrom() == null ? null : t.exceptionFrom().name());
                    ps.setString(3, SqlTimestamps.text(t.deliveredAt()));
                    ps.setString(4, SqlTimestamps.text(t.lastEventAt()));
                    ps.setString(5, t.before().fulfilmentNo());
                    ps.setString(6, t.before().status().name());
                });
        requireEach(counts, failed);
    }

    /** Takes these fulfilment orders, locked by the caller and CANCELLED, out of their waves. */
    public void leaveWaves(Collection<String> cancelledNos) {
        for (List<String> slice : keyLists.slices(cancelledNos)) {
            jdbc.update("""
                            UPDATE fulfilment_order SET wave_no = NULL, wave_slot = NULL
                             WHERE %s AND status = 'CANCELLED'""".formatted(keyLists.matches("fulfilment_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)));
        }
    }

    private static void requireEach(int[][] counts, String message) {
        for (int[] batch : counts) {
            for (int count : batch) {
                // a driver may answer "no info" (-2) for a batch; only a count of 0 says a row was not
                // in a legal predecessor status (H2, which runs these batches, gives exact counts)
                if (count == 0) {
                    throw new IllegalStateException(message);
                }
            }
        }
    }

    /**
     * A joined update matched fewer rows than it was given: one of them no longer had the status it
     * was read with (the driver reports rows found, not rows changed, so unchanged values still count).
     */
    private static void requireCount(int updated, int expected, String message) {
        if (updated != expected) {
            throw new IllegalStateException(message);
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
