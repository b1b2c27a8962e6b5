package io.fulfil.picking.wave;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which allocated work may be waved now (CONTRACT §7.1). A warehouse with a daily cut-off takes, in
 * a run, the work allocated before today's cut-off (today being the run's date in the warehouse's
 * time zone); work allocated after it waits for the next day's first wave. Without a cut-off
 * everything is eligible. Fixed for one run: the instant is the run's start.
 */
public final class CutOffs {

    private final WaveSettings settings;
    private final java.time.Instant now;
    /** Per warehouse: allocated strictly before this UTC wall-clock time is eligible; empty = no cut-off. */
    private final Map<String, Optional<LocalDateTime>> limits = new HashMap<>();

    public CutOffs(WaveSettings settings, Clock clock) {
        this.settings = settings;
        this.now = clock.instant();
    }

    /** Whether work allocated at {@code createdAtUtc} (UTC wall-clock, as stored) in this warehouse is eligible. */
    public boolean eligible(String warehouseCode, LocalDateTime createdAtUtc) {
        Optional<LocalDateTime> limit = limits.computeIfAbsent(warehouseCode, this::limit);
        return limit.isEmpty() || createdAtUtc.isBefore(limit.get());
    }

    private Optional<LocalDateTime> limit(String warehouseCode) {
        LocalTime cutOff = settings.cutOff(warehouseCode);
        if (cutOff == null) {
            return Optional.empty();
        }
        ZoneId zone = settings.timeZone(warehouseCode);
        LocalDate today = now.atZone(zone).toLocalDate();
        return Optional.of(today.atTime(cutOff).atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }
}
