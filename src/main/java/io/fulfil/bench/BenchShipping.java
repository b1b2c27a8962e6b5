package io.fulfil.bench;

import io.fulfil.support.Database;
import io.fulfil.support.csv.CsvOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Writes what the warehouse and the carriers send after picking, for the benchmark: a manifest that
 * ships every PICKED fulfilment order (carriers in turn, one tracking number each), and the carriers'
 * events for every shipped parcel, in rounds of event time (each parcel's first scan, then its second,
 * and so on, the last delivering it), as carriers push them: every 20th event of a round arrives a
 * round late (after a later one of its parcel) and every 50th arrives twice. Both stream from the
 * database, so the heap stays flat whatever the size.
 */
@Service
public class BenchShipping {

    private static final String[] MANIFEST_HEADER = {"fulfilment_no", "carrier_code", "tracking_no", "shipped_at",
            "weight_grams"};
    private static final String[] EVENTS_HEADER = {"carrier_code", "tracking_no", "event_code", "event_time",
            "location", "description"};
    private static final String[] CARRIERS = {"SF", "ZTO", "YTO", "JD", "KD100"};
    /** Per carrier: codes of a parcel's journey, from the shipped mapping (two in transit, out for delivery, delivered). */
    private static final String[][] JOURNEYS = {
            {"50", "30", "44", "80"}, {"收件", "到件", "派件", "签收"}, {"GOT", "ARRIVAL", "SENT_SCAN", "SIGNED"},
            {"100", "300", "400", "500"}, {"1", "0", "5", "3"}};
    private static final LocalDateTime SHIPPED = LocalDateTime.of(2026, 11, 30, 9, 0);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JdbcTemplate jdbc;

    public BenchShipping(DataSource dataSource, Database database) {
        this.jdbc = new JdbcTemplate(dataSource);
        // MySQL otherwise buffers the whole result
        this.jdbc.setFetchSize(database.streamingFetchSize());
    }

    /** Writes a manifest of every PICKED fulfilment order; returns its rows. */
    public long writeManifest(Path file) {
        long[] rows = {0};
        try (CsvOutput out = CsvOutput.create(file, MANIFEST_HEADER)) {
            jdbc.query("SELECT fulfilment_no, units FROM fulfilment_order WHERE status = 'PICKED' ORDER BY fulfilment_no",
                    (RowCallbackHandler) rs -> {
                        long n = rows[0]++;
                        String carrier = CARRIERS[(int) (n % CARRIERS.length)];
                        out.row(rs.getString(1), carrier, trackingNo(carrier, n),
                                time(SHIPPED.plusSeconds(n % 36_000)), Integer.toString(200 + 350 * rs.getInt(2)));
                    });
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return rows[0];
    }

    /** Writes every shipped parcel's journey as carrier events; returns the rows written. */
    public long writeEvents(Path file) {
        long[] rows = {0};
        try (CsvOutput out = CsvOutput.create(file, EVENTS_HEADER)) {
            List<String[]> late = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                int r = round;
                List<String[]> lateNow = new ArrayList<>(late);
                late.clear();
                long[] seen = {0};
                jdbc.query("""
                        SELECT carrier_code, tracking_no FROM fulfilment_order
                         WHERE status = 'SHIPPED' ORDER BY tracking_no""", (RowCallbackHandler) rs -> {
                    String carrier = rs.getString(1);
                    String trackingNo = rs.getString(2);
                    int c = java.util.Arrays.asList(CARRIERS).indexOf(carrier);
                    long n = Long.parseLong(trackingNo.replaceAll("\\D", "")) % 36_000;
                    String[] row = {carrier, trackingNo, JOURNEYS[c][r],
                            time(SHIPPED.plusSeconds(n).plusHours(6L * (r + 1))), "bench hub " + (n % 40), "scan " + r};
                    long i = ++seen[0];
                    if (r < 3 && i % 20 == 0) {
                        late.add(row);
                        return;
                    }
                    out.row(row);
                    rows[0]++;
                    if (i % 50 == 0) {
                        out.row(row);
                        rows[0]++;
                    }
                });
                for (String[] row : lateNow) {
                    out.row(row);
                    rows[0]++;
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return rows[0];
    }

    private static String trackingNo(String carrier, long n) {
        return carrier + String.format("%012d", n);
    }

    private static String time(LocalDateTime utc) {
        return ISO.format(utc.atOffset(ZoneOffset.UTC).withOffsetSameInstant(ZoneOffset.ofHours(8)));
    }
}
