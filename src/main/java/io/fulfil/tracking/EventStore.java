package io.fulfil.tracking;

import io.fulfil.support.BulkInsert;
import io.fulfil.support.Database;
import io.fulfil.support.JsonTable;
import io.fulfil.support.KeyCollations;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Carrier events, parcels waiting for their manifest and intercept requests: the tables of tracking,
 * read and written a chunk at a time (one query per kind of row, keyed by tracking number, which
 * leads every index here).
 */
@Repository
class EventStore {

    /** A recorded event of a parcel. */
    record StoredEvent(ParcelKey parcel, String eventCode, LocalDateTime eventTime) {
    }

    /** A shipped parcel: its fulfilment order and parent. */
    record Parcel(ParcelKey key, String fulfilmentNo, String orderNo) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final ShippedParcels shippedParcels;
    private final BulkInsert<NewEvent> eventInsert;
    /** MySQL: the parcels looked up as one joined table (see {@link #waiting}). */
    private final boolean joinedLookups;
    private final KeyCollations keys;

    EventStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, ShippedParcels shippedParcels, Database database) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.shippedParcels = shippedParcels;
        this.joinedLookups = database == Database.MYSQL;
        this.keys = new KeyCollations(jdbc.getJdbcTemplate());
        this.eventInsert = BulkInsert.into("carrier_event")
                .text("tracking_no").text("carrier_code").text("event_code").text("event_time").text("location")
                .text("description").text("mapped_status").text("fulfilment_no")
                .constant("received_at", Types.VARCHAR).constant("job_execution_id", Types.BIGINT)
                .build(database, (NewEvent e, BulkInsert.Values v) -> v.string(e.row().trackingNo())
                        .string(e.row().carrierCode()).string(e.row().eventCode())
                        .string(SqlTimestamps.text(e.row().eventTime())).string(e.row().location())
                        .string(e.row().description()).string(e.mappedStatus()).string(e.fulfilmentNo()));
    }

    /** The shipped parcels among these, as last committed (the caller locks them next). */
    Map<ParcelKey, Parcel> parcels(Collection<ParcelKey> keys) {
        Map<ParcelKey, Parcel> found = new HashMap<>();
        shippedParcels.find(keys).forEach((key, owner) -> found.put(key,
                new Parcel(key, owner.fulfilmentNo(), owner.orderNo())));
        return found;
    }

    /** Every recorded event of these parcels. */
    Map<ParcelKey, List<StoredEvent>> eventsOf(Collection<ParcelKey> keys) {
        Map<ParcelKey, List<StoredEvent>> events = new HashMap<>();
        Set<ParcelKey> wanted = Set.copyOf(keys);
        for (List<String> slice : keyLists.slices(ParcelKey.trackingNos(keys))) {
            jdbc.query("""
                            SELECT tracking_no, carrier_code, event_code, event_time FROM carrier_event
                             WHERE %s""".formatted(keyLists.matches("tracking_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        ParcelKey key = new ParcelKey(rs.getString(2), rs.getString(1));
                        if (wanted.contains(key)) {
                            events.computeIfAbsent(key, k -> new ArrayList<>()).add(new StoredEvent(key,
                                    rs.getString(3), rs.getObject(4, LocalDateTime.class)));
                        }
                    });
        }
        return events;
    }

    /**
     * Records new events, {@code fulfilmentNos} giving the parcel of those whose parcel is shipped, and
     * returns those it recorded. Another import may be recording some of the same events at this very
     * moment (carriers send events twice; the inbox and an operator may import at once): the events of
     * a shipped parcel are serialised by its fulfilment order's lock, but those of a parcel not shipped
     * yet have no row to lock, so the unique index decides. Its insert waits for the other transaction
     * and then fails; the batch is then undone to a savepoint, and the events not recorded by the other
     * import (committed by now) are recorded.
     */
    List<CarrierEventRow> insert(List<CarrierEventRow> rows, CarrierMapping mapping, Map<ParcelKey, String> fulfilmentNos,
                                 LocalDateTime receivedAt, long jobExecutionId) {
        if (rows.isEmpty()) {
            return rows;
        }
        java.sql.Savepoint savepoint = savepoint();
        try {
            insertEvents(rows, mapping, fulfilmentNos, receivedAt, jobExecutionId);
            return rows;
        } catch (org.springframework.dao.DuplicateKeyException recordedMeanwhile) {
            rollbackTo(savepoint);
            Set<ParcelKey> keys = new TreeSet<>();
            rows.forEach(r -> keys.add(r.parcel()));
            Set<String> recorded = new java.util.HashSet<>();
            eventsOf(keys).values().forEach(es -> es.forEach(e -> recorded.add(new CarrierEventRow(0,
                    e.parcel().carrierCode(), e.parcel().trackingNo(), e.eventCode(), e.eventTime(), null, null).key())));
            List<CarrierEventRow> left = rows.stream().filter(r -> !recorded.contains(r.key())).toList();
            if (!left.isEmpty()) {
                insertEvents(left, mapping, fulfilmentNos, receivedAt, jobExecutionId);
            }
            return left;
        }
    }

    private void insertEvents(List<CarrierEventRow> rows, CarrierMapping mapping, Map<ParcelKey, String> fulfilmentNos,
                              LocalDateTime receivedAt, long jobExecutionId) {
        List<NewEvent> events = new ArrayList<>(rows.size());
        for (CarrierEventRow r : rows) {
            var status = mapping.statusOf(r.carrierCode(), r.eventCode());
            events.add(new NewEvent(r, status == null ? null : status.name(), fulfilmentNos.get(r.parcel())));
        }
        eventInsert.insert(jdbc.getJdbcTemplate(), events, SqlTimestamps.text(receivedAt), jobExecutionId);
    }

    /** An event as recorded: the row, the status its code maps to (null if unknown) and its parcel's owner. */
    private record NewEvent(CarrierEventRow row, String mappedStatus, String fulfilmentNo) {
    }

    /** Notes parcels whose events wait for a manifest (those not noted yet). */
    void wait(Map<ParcelKey, LocalDateTime> firstEventAt) {
        if (firstEventAt.isEmpty()) {
            return;
        }
        java.sql.Savepoint savepoint = savepoint();
        try {
            insertWaiting(firstEventAt);
        } catch (org.springframework.dao.DuplicateKeyException notedMeanwhile) {
            // another import noted some of these parcels at the same moment (see insert)
            rollbackTo(savepoint);
            insertWaiting(firstEventAt);
        }
    }

    private void insertWaiting(Map<ParcelKey, LocalDateTime> firstEventAt) {
        Set<ParcelKey> noted = waiting(firstEventAt.keySet());
        List<Map.Entry<ParcelKey, LocalDateTime>> fresh = firstEventAt.entrySet().stream()
                .filter(e -> !noted.contains(e.getKey())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO waiting_parcel (tracking_no, carrier_code, first_event_at) VALUES (?, ?, ?)""",
                fresh, fresh.size(), (ps, e) -> {
                    ps.setString(1, e.getKey().trackingNo());
                    ps.setString(2, e.getKey().carrierCode());
                    ps.setString(3, SqlTimestamps.text(e.getValue()));
                });
    }

    /**
     * Those of these parcels whose events wait for a manifest. Asked for every chunk of a manifest,
     * and mostly answered with nothing, so it is kept cheap: on MySQL the parcels are one bound
     * document ({@link JsonTable}) joined to the table's key, rather than an IN list of a parameter
     * per tracking number (whose binding cost the manifest import more than the lookup itself).
     */
    Set<ParcelKey> waiting(Collection<ParcelKey> parcels) {
        Set<ParcelKey> found = new TreeSet<>();
        // only exact matches: a case-insensitive collation would also match another case of a key
        Set<ParcelKey> wanted = Set.copyOf(parcels);
        if (joinedLookups) {
            for (List<ParcelKey> piece : JsonTable.pieces(new ArrayList<>(parcels))) {
                jdbc.getJdbcTemplate().query(ParcelKey.statement("SELECT w.tracking_no, w.carrier_code FROM "
                                + ParcelKey.joinedTo("waiting_parcel", "w", keys), piece),
                        (RowCallbackHandler) rs -> {
                            ParcelKey key = new ParcelKey(rs.getString(2), rs.getString(1));
                            if (wanted.contains(key)) {
                                found.add(key);
                            }
                        });
            }
            return found;
        }
        for (List<String> slice : keyLists.slices(ParcelKey.trackingNos(parcels))) {
            jdbc.query("SELECT tracking_no, carrier_code FROM waiting_parcel WHERE "
                            + keyLists.matches("tracking_no", "nos"),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        ParcelKey key = new ParcelKey(rs.getString(2), rs.getString(1));
                        if (wanted.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    /** Waiting parcels that have been shipped since (at most {@code limit}), with their fulfilment orders. */
    List<Parcel> shippedWhileWaiting(int limit) {
        return jdbc.query("""
                        SELECT w.tracking_no, w.carrier_code, f.fulfilment_no, f.order_no
                          FROM waiting_parcel w
                          JOIN fulfilment_order f ON f.tracking_no = w.tracking_no AND f.carrier_code = w.carrier_code
                         ORDER BY w.tracking_no, w.carrier_code
                         LIMIT :limit""", Map.of("limit", limit),
                (rs, i) -> new Parcel(new ParcelKey(rs.getString(2), rs.getString(1)), rs.getString(3),
                        rs.getString(4)));
    }

    /** Gives the waiting events of these now shipped parcels their fulfilment order; they no longer wait. */
    void attach(List<Parcel> parcels) {
        if (parcels.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                UPDATE carrier_event SET fulfilment_no = ?
                 WHERE tracking_no = ? AND carrier_code = ? AND fulfilment_no IS NULL""", parcels, parcels.size(),
                (ps, p) -> {
                    ps.setString(1, p.fulfilmentNo());
                    ps.setString(2, p.key().trackingNo());
                    ps.setString(3, p.key().carrierCode());
                });
        jdbc.getJdbcTemplate().batchUpdate("DELETE FROM waiting_parcel WHERE tracking_no = ? AND carrier_code = ?",
                parcels, parcels.size(), (ps, p) -> {
                    ps.setString(1, p.key().trackingNo());
                    ps.setString(2, p.key().carrierCode());
                });
    }

    /**
     * Closes the intercept requests of parcels that have just reached a final status: DONE for those
     * that came back, FAILED for those delivered. A request closed the other way is closed again: a late
     * event can show that the other final status was reached first (FulfilmentStatus#finalReachedEarlier).
     */
    void closeIntercepts(Collection<String> returned, Collection<String> delivered, LocalDateTime at) {
        closeIntercepts(returned, "DONE", "FAILED", at);
        closeIntercepts(delivered, "FAILED", "DONE", at);
    }

    private void closeIntercepts(Collection<String> fulfilmentNos, String outcome, String otherOutcome,
                                 LocalDateTime at) {
        for (List<String> slice : keyLists.slices(fulfilmentNos)) {
            jdbc.update("""
                            UPDATE intercept_request SET status = :outcome, closed_at = :at
                             WHERE %s AND status IN ('OPEN', :other)""".formatted(
                            keyLists.matches("fulfilment_no", "nos")),
                    new MapSqlParameterSource("outcome", outcome).addValue("other", otherOutcome)
                            .addValue("at", SqlTimestamps.text(at)).addValue("nos", keyLists.bind(slice)));
        }
    }

    /** Rows recorded by these executions: all of them, and those whose code was not mapped. */
    long[] recordedBy(List<Long> jobExecutionIds) {
        long[] counts = new long[3];
        if (jobExecutionIds.isEmpty()) {
            return counts;
        }
        jdbc.query("""
                        SELECT COUNT(*), SUM(CASE WHEN mapped_status IS NULL THEN 1 ELSE 0 END),
                               SUM(CASE WHEN fulfilment_no IS NULL THEN 1 ELSE 0 END)
                          FROM carrier_event WHERE job_execution_id IN (:ids)""",
                Map.of("ids", jobExecutionIds), rs -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    counts[2] = rs.getLong(3);
                });
        return counts;
    }

    /** A savepoint in the caller's transaction (the connection bound to it). */
    private java.sql.Savepoint savepoint() {
        return jdbc.getJdbcTemplate().execute(
                (org.springframework.jdbc.core.ConnectionCallback<java.sql.Savepoint>) java.sql.Connection::setSavepoint);
    }

    private void rollbackTo(java.sql.Savepoint savepoint) {
        jdbc.getJdbcTemplate().execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            c.rollback(savepoint);
            return null;
        });
    }

}
