package io.fulfil.report;

import io.fulfil.picking.confirm.PickConfirmations;
import io.fulfil.tracking.TrackingReports;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The figures of one business day: what happened between its midnight and the next in the business
 * time zone (times are stored in UTC, so the day is turned into a UTC window first), and two figures
 * that are a state rather than a day's events, counted as they are now (orders on hold, stalled
 * parcels).
 */
@Repository
public class DailyFigures {

    /** One line of the report: a count, and units where units mean something (0 otherwise). */
    public record Figure(String name, long count, long units, String meaning) {
    }

    /** Hours without carrier news after which a parcel on the way counts as stalled (as {@code report stalled}). */
    static final int STALLED_HOURS = 48;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public DailyFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Figure> of(LocalDate day, ZoneId zone) {
        MapSqlParameterSource window = new MapSqlParameterSource()
                .addValue("from", utc(day.atStartOfDay(zone).toInstant()))
                .addValue("to", utc(day.plusDays(1).atStartOfDay(zone).toInstant()));
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("orders_split", "orders split (first split that day), units ordered", """
                SELECT COUNT(DISTINCT o.order_no), COALESCE(SUM(l.quantity), 0)
                  FROM customer_order o JOIN order_line l ON l.order_no = o.order_no
                 WHERE o.split_at >= :from AND o.split_at < :to AND o.status NOT IN ('ON_HOLD', 'PAID')""", window));
        figures.add(figure("fulfilment_orders_created", "fulfilment orders created by splits, units allocated", """
                SELECT COUNT(DISTINCT f.fulfilment_no), COALESCE(SUM(l.quantity), 0)
                  FROM fulfilment_order f LEFT JOIN fulfilment_line l ON l.fulfilment_no = f.fulfilment_no
                 WHERE f.created_at >= :from AND f.created_at < :to""", window));
        figures.add(figure("fulfilment_orders_waved", "fulfilment orders in waves created that day, units on their pick lists", """
                SELECT COUNT(DISTINCT p.fulfilment_no), COALESCE(SUM(p.quantity), 0)
                  FROM pick_line p JOIN wave w ON w.wave_no = p.wave_no
                 WHERE w.created_at >= :from AND w.created_at < :to""", window));
        figures.add(figure("pick_lines_picked", "pick lines confirmed with a pick time that day, units picked", """
                SELECT COUNT(*), COALESCE(SUM(picked_qty), 0) FROM pick_confirmation
                 WHERE picked_at >= :from AND picked_at < :to""", window));
        figures.add(figure("pick_lines_short", "of those, picked short; units missing", """
                SELECT COUNT(*), COALESCE(SUM(p.quantity - c.picked_qty), 0)
                  FROM pick_confirmation c JOIN pick_line p ON %s
                 WHERE c.picked_at >= :from AND c.picked_at < :to AND c.picked_qty < p.quantity"""
                .formatted(PickConfirmations.CONFIRMATION_OF_LINE), window));
        figures.add(figure("fulfilment_orders_shipped", "parcels shipped (manifest shipped_at), units", """
                SELECT COUNT(DISTINCT f.fulfilment_no), COALESCE(SUM(l.quantity), 0)
                  FROM fulfilment_order f LEFT JOIN fulfilment_line l ON l.fulfilment_no = f.fulfilment_no
                 WHERE f.shipped_at >= :from AND f.shipped_at < :to""", window));
        figures.add(figure("fulfilment_orders_delivered", "parcels delivered (delivering event's time), units", """
                SELECT COUNT(DISTINCT f.fulfilment_no), COALESCE(SUM(l.quantity), 0)
                  FROM fulfilment_order f LEFT JOIN fulfilment_line l ON l.fulfilment_no = f.fulfilment_no
                 WHERE f.delivered_at >= :from AND f.delivered_at < :to""", window));
        figures.add(figure("backorder_lines", "backorder lines first left unallocated that day and still open, units", """
                SELECT COUNT(*), COALESCE(SUM(quantity), 0) FROM backorder
                 WHERE created_at >= :from AND created_at < :to""", window));
        figures.add(figure("orders_on_hold_now", "orders ON_HOLD now (a state, not the day's events)", """
                SELECT COUNT(*), 0 FROM customer_order WHERE status = 'ON_HOLD'""", new MapSqlParameterSource()));
        figures.add(figure("parcels_stalled_now", "parcels now in EXCEPTION or on the way without carrier news for "
                + STALLED_HOURS + " hours (see report stalled)",
                "SELECT COUNT(*), 0 FROM fulfilment_order WHERE " + TrackingReports.STALLED,
                TrackingReports.stalledParameters(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))
                        .minusHours(STALLED_HOURS))));
        return figures;
    }

    private Figure figure(String name, String meaning, String sql, MapSqlParameterSource parameters) {
        Map<String, Object> row = jdbc.queryForMap(sql, parameters);
        var values = row.values().iterator();
        return new Figure(name, ((Number) values.next()).longValue(), ((Number) values.next()).longValue(), meaning);
    }

    private static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
