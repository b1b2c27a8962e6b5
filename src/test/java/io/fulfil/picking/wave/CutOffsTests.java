package io.fulfil.picking.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutOffsTests {

    /** 2026-11-21 18:30 in Shanghai. */
    private static final Clock EVENING = Clock.fixed(Instant.parse("2026-11-21T10:30:00Z"), ZoneOffset.UTC);
    /** 2026-11-22 00:30 in Shanghai, still the 21st in UTC. */
    private static final Clock JUST_AFTER_MIDNIGHT = Clock.fixed(Instant.parse("2026-11-21T16:30:00Z"), ZoneOffset.UTC);

    private static WaveSettings cutOffAt(String time, String zone) {
        return new WaveSettings(200, 2000, 10, Map.of("SH-QP", new WaveSettings.Warehouse(null, null, time, zone)));
    }

    @Test
    void workAllocatedBeforeTodaysCutOffIsEligibleAndAfterItWaits() {
        CutOffs cutOffs = new CutOffs(cutOffAt("16:00", null), EVENING);
        // 16:00 Shanghai is 08:00 UTC
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 7, 59, 59))).isTrue();
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 8, 0))).isFalse();
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 9, 0))).isFalse();
        // yesterday after its cut-off: today's first wave takes it
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 20, 12, 0))).isTrue();
    }

    @Test
    void todayIsTheRunsDateInTheWarehousesTimeZone() {
        CutOffs cutOffs = new CutOffs(cutOffAt("16:00", null), JUST_AFTER_MIDNIGHT);
        // in Shanghai it is the 22nd: the work of the 21st after 16:00 is now due
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 9, 0))).isTrue();
        CutOffs inUtc = new CutOffs(cutOffAt("16:00", "UTC"), JUST_AFTER_MIDNIGHT);
        assertThat(inUtc.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 16, 1))).isFalse();
        assertThat(inUtc.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 15, 59))).isTrue();
    }

    @Test
    void withoutACutOffEverythingIsEligible() {
        CutOffs cutOffs = new CutOffs(cutOffAt("16:00", null), EVENING);
        assertThat(cutOffs.eligible("GZ-BY", LocalDateTime.of(2026, 11, 21, 10, 29))).isTrue();
        assertThat(new CutOffs(WaveSettings.defaults(), EVENING).eligible("SH-QP", LocalDateTime.of(2030, 1, 1, 0, 0)))
                .isTrue();
    }

    @Test
    void warehouseCodesAreFoundWhateverTheirCaseAndPunctuationAsEnvironmentVariablesGiveThem() {
        CutOffs cutOffs = new CutOffs(new WaveSettings(200, 2000, 10,
                Map.of("shqp", new WaveSettings.Warehouse(null, null, "16:00", null))), EVENING);
        assertThat(cutOffs.eligible("SH-QP", LocalDateTime.of(2026, 11, 21, 9, 0))).isFalse();
    }

    @Test
    void badSettingsAreRefusedWithOneLineNamingTheKey() {
        assertThatThrownBy(() -> cutOffAt("25:00", null))
                .hasMessage("fulfil.wave.warehouses.SH-QP.cut-off must be a time of day HH:mm such as 16:00, is '25:00'");
        assertThatThrownBy(() -> cutOffAt("16:00", "Mars/Olympus"))
                .hasMessage("fulfil.wave.warehouses.SH-QP.time-zone must be a time zone such as Asia/Shanghai, is 'Mars/Olympus'");
        assertThatThrownBy(() -> new WaveSettings(0, 2000, 10, Map.of()))
                .hasMessage("fulfil.wave.max-orders must be between 1 and 100000, is 0");
        assertThatThrownBy(() -> new WaveSettings(200, 0, 10, Map.of()))
                .hasMessage("fulfil.wave.max-lines must be between 1 and 1000000, is 0");
        assertThatThrownBy(() -> new WaveSettings(200, 2000, 10,
                Map.of("GZ-BY", new WaveSettings.Warehouse(-1, null, null, null))))
                .hasMessage("fulfil.wave.warehouses.GZ-BY.max-orders must be between 1 and 100000, is -1");
    }
}
