package io.fulfil.tracking;

import io.fulfil.imports.ImportKind;
import io.fulfil.imports.ParsedRow;
import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Carrier events (CONTRACT §4, §8.2, §8.3) as a kind of import: {@code carrier_code, tracking_no,
 * event_code, event_time, location, description}, one scan of one parcel. A row is identified by
 * carrier, tracking number, code and time; carriers send events twice, so a repeated one is a
 * duplicate, recorded once, and not an error. Rejected: an unknown carrier, a missing tracking number
 * or code, a time that does not parse or lies in the future. A code the carrier's mapping does not
 * know is recorded and reported, and changes nothing.
 */
@Component
public class CarrierEvents implements ImportKind<CarrierEventRow> {

    static final List<String> COLUMNS = List.of("carrier_code", "tracking_no", "event_code", "event_time");

    private final CarrierMapping mapping;
    private final ParcelTracking tracking;
    private final Clock clock;

    CarrierEvents(CarrierMapping mapping, ParcelTracking tracking, Clock clock) {
        this.mapping = mapping;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "carrier-events";
    }

    @Override
    public List<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public String key(CsvRow row) {
        return row.cell("carrier_code") + "\u0000" + row.cell("tracking_no") + "\u0000" + row.cell("event_code")
                + "\u0000" + row.cell("event_time");
    }

    @Override
    public String keyColumn() {
        return "event_time";
    }

    @Override
    public String describeKey(CsvRow row) {
        return row.cell("carrier_code") + " " + row.cell("tracking_no") + " " + row.cell("event_code") + " at "
                + row.cell("event_time");
    }

    @Override
    public boolean rejectsRepeatedRows() {
        return false;
    }

    /**
     * A parcel's events are applied together: the status that follows from them is written once, not
     * once per scan, and events apply the same in any order (the status follows event time).
     */
    @Override
    public Optional<Function<CsvRow, String>> groupKey() {
        return Optional.of(row -> row.cell("carrier_code") + " " + row.cell("tracking_no"));
    }

    @Override
    public CarrierEventRow parse(CsvRow row) {
        String carrier = row.text("carrier_code", 32);
        String trackingNo = row.code("tracking_no", 64);
        String code = row.text("event_code", 64);
        LocalDateTime at = row.offsetDateTime("event_time");
        String location = row.optionalText("location", 200);
        String description = row.optionalText("description", 500);
        if (carrier != null && !mapping.knows(carrier)) {
            row.reject("carrier_code", "unknown carrier " + CsvCells.quote(carrier) + "; known: "
                    + String.join(", ", mapping.carriers()));
        }
        if (at != null && at.isAfter(LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)))) {
            row.reject("event_time", "in the future");
        }
        if (row.hasErrors()) {
            return null;
        }
        return new CarrierEventRow(row.line(), carrier, trackingNo, code, at, location, description);
    }

    @Override
    public void check(List<ParsedRow<CarrierEventRow>> rows) {
        // nothing to look up: an event for a parcel not shipped yet is kept until its manifest arrives
    }

    @Override
    public List<List<RowError>> apply(List<CarrierEventRow> rows, String fileName, long jobExecutionId) {
        tracking.record(rows, jobExecutionId);
        return List.of();
    }

    @Override
    public boolean settles() {
        return true;
    }

    @Override
    public int settle(int limit) {
        return tracking.settleWaiting(limit);
    }

    @Override
    public Map<String, Long> outcome(List<Long> jobExecutionIds) {
        long[] counts = tracking.recordedBy(jobExecutionIds);
        Map<String, Long> outcome = new LinkedHashMap<>();
        outcome.put("applied", counts[0]);
        outcome.put("unknown codes", counts[1]);
        outcome.put("waiting for a manifest", counts[2]);
        return outcome;
    }
}
