package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.support.SqlTimestamps;
import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What operators chase carriers about: parcels without news, parcels in EXCEPTION, events waiting
 * for a tracking number nobody shipped, codes no mapping knows ({@code report stalled}); and the
 * intercept requests of cancelled orders ({@code report intercepts}). Each is a list of rows for the
 * table on the terminal and a CSV file under {@code <outbox>/reports/}.
 */
@Service
public class TrackingReports {

    /** A report: its rows (the first is the header) and the CSV file written with them. */
    public record Report(List<String[]> rows, Path file) {
    }

    /** On the way with a carrier: news is expected. */
    private static final Set<FulfilmentStatus> ON_THE_WAY = Set.of(FulfilmentStatus.SHIPPED,
            FulfilmentStatus.IN_TRANSIT, FulfilmentStatus.OUT_FOR_DELIVERY);

    /**
     * True for a stalled parcel ({@code fulfilment_order}): in EXCEPTION, or on the way without carrier
     * news since {@code :silentSince} ({@link #stalledParameters}). Read through the index of parcels on
     * their way (migration 18), not the whole table.
     */
    public static final String STALLED = """
            parcel_on_the_way > ''
            AND ((status IN (:onTheWay) AND COALESCE(last_event_at, shipped_at) < :silentSince)
                 OR status = 'EXCEPTION')""";

    private static final String[] STALLED_HEADER = {"problem", "fulfilment_no", "order_no", "carrier_code",
            "tracking_no", "status", "shipped_at", "last_event_at", "hours_silent", "detail"};
    private static final String[] INTERCEPTS_HEADER = {"fulfilment_no", "order_no", "carrier_code", "tracking_no",
            "requested_at", "status", "parcel_status", "closed_at"};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final NamedParameterJdbcTemplate jdbc;
    private final FileRoots roots;
    private final Clock clock;

    TrackingReports(NamedParameterJdbcTemplate jdbc, FileRoots roots, Clock clock) {
        this.jdbc = jdbc;
        this.roots = roots;
        this.clock = clock;
    }

    /** The parameters of {@link #STALLED}: parcels silent since {@code silentSince} (UTC) count. */
    public static MapSqlParameterSource stalledParameters(LocalDateTime silentSince) {
        return new MapSqlParameterSource("onTheWay", FulfilmentStatus.names(ON_THE_WAY))
                .addValue("silentSince", SqlTimestamps.text(silentSince));
    }

    public Report stalled(int hours) throws IOException {
        if (hours < 1) {
            throw new IllegalArgumentException("--hours must be at least 1, not " + hours);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalDateTime silentSince = now.minusHours(hours);
        List<String[]> rows = new ArrayList<>();
        rows.add(STALLED_HEADER);
        jdbc.query("""
                        SELECT fulfilment_no, order_no, carrier_code, tracking_no, status, shipped_at, last_event_at
                          FROM fulfilment_order
                         WHERE %s
                         ORDER BY status, COALESCE(last_event_at, shipped_at), fulfilment_no""".formatted(STALLED),
                stalledParameters(silentSince),
                rs -> {
                    LocalDateTime shipped = rs.getObject(6, LocalDateTime.class);
                    LocalDateTime last = rs.getObject(7, LocalDateTime.class);
                    LocalDateTime news = last != null ? last : shipped;
                    String status = rs.getString(5);
                    boolean exception = FulfilmentStatus.EXCEPTION.name().equals(status);
                    rows.add(new String[] {exception ? "EXCEPTION" : "NO_NEWS", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), status, utc(shipped), utc(last),
                            news == null ? "" : Long.toString(Duration.between(news, now).toHours()),
                            exception ? "the carrier reported a problem" : "no carrier event for " + hours + " hours or more"});
                });
        jdbc.query("""
                        SELECT w.carrier_code, w.tracking_no, w.first_event_at, COUNT(e.event_id)
                          FROM waiting_parcel w
                          JOIN carrier_event e ON e.tracking_no = w.tracking_no AND e.carrier_code = w.carrier_code
                         GROUP BY w.carrier_code, w.tracking_no, w.first_event_at
                         ORDER BY w.first_event_at, w.tracking_no""", Map.of(), rs -> {
                    rows.add(new String[] {"WAITING", "", "", rs.getString(1), rs.getString(2), "", "",
                            utc(rs.getObject(3, LocalDateTime.class)), "", rs.getLong(4)
                            + " event(s) for a tracking number no manifest has shipped"});
                });
        jdbc.query("""
                        SELECT carrier_code, event_code, COUNT(*), MIN(event_time), MAX(event_time)
                          FROM carrier_event WHERE mapped_status IS NULL
                         GROUP BY carrier_code, event_code ORDER BY carrier_code, event_code""", Map.of(), rs -> {
                    rows.add(new String[] {"UNKNOWN_CODE", "", "", rs.getString(1), "", "", "",
                            utc(rs.getObject(5, LocalDateTime.class)), "", rs.getLong(3) + " event(s) with code '"
                            + rs.getString(2) + "', which jobs/carriers.properties does not map (first "
                            + utc(rs.getObject(4, LocalDateTime.class)) + ")"});
                });
        return new Report(rows, write("stalled", rows, now));
    }

    public Report intercepts() throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(INTERCEPTS_HEADER);
        jdbc.query("""
                        SELECT i.fulfilment_no, i.order_no, i.carrier_code, i.tracking_no, i.requested_at, i.status,
                               f.status, i.closed_at
                          FROM intercept_request i JOIN fulfilment_order f ON f.fulfilment_no = i.fulfilment_no
                         ORDER BY CASE i.status WHEN 'OPEN' THEN 0 ELSE 1 END, i.requested_at, i.fulfilment_no""",
                Map.of(), rs -> {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            utc(rs.getObject(5, LocalDateTime.class)), rs.getString(6), rs.getString(7),
                            utc(rs.getObject(8, LocalDateTime.class))});
                });
        return new Report(rows, write("intercepts", rows, LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC))));
    }

    private Path write(String name, List<String[]> rows, LocalDateTime now) throws IOException {
        Path file = roots.outboxFile("reports", name + "-" + FILE_TIME.format(now) + ".csv");
        try (CsvOutput out = CsvOutput.create(file, rows.get(0))) {
            rows.subList(1, rows.size()).forEach(out::row);
            out.commit();
        }
        return file;
    }

    /** Times are stored in UTC; written with their offset so that nobody has to guess. */
    private static String utc(LocalDateTime t) {
        return t == null ? "" : t.toString() + "Z";
    }
}
