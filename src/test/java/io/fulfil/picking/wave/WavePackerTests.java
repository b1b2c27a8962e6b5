package io.fulfil.picking.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavePackerTests {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 21, 2, 0);

    private static WaveCandidate multi(String no, String warehouse, int lines) {
        return new WaveCandidate(no, warehouse, "AMBIENT", false, T, lines, lines + 1);
    }

    private static WaveCandidate single(String no, String warehouse) {
        return new WaveCandidate(no, warehouse, "AMBIENT", false, T, 1, 1);
    }

    private static List<PlannedWave> pack(WaveSettings settings, WaveCandidate... candidates) {
        WavePacker packer = new WavePacker(settings);
        List<PlannedWave> waves = new ArrayList<>();
        for (WaveCandidate c : candidates) {
            waves.addAll(packer.add(c));
        }
        waves.addAll(packer.finish());
        assertThat(packer.finish()).isEmpty();
        return waves;
    }

    @Test
    void closesAWaveAtMaxOrders() {
        List<PlannedWave> waves = pack(new WaveSettings(2, 100, 10, Map.of()),
                multi("F1", "W1", 1), multi("F2", "W1", 1), multi("F3", "W1", 1));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("F1", "F2"), List.of("F3"));
    }

    @Test
    void closesAWaveBeforeItWouldPassMaxLines() {
        List<PlannedWave> waves = pack(new WaveSettings(100, 5, 10, Map.of()),
                multi("F1", "W1", 2), multi("F2", "W1", 3), multi("F3", "W1", 1));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("F1", "F2"), List.of("F3"));
        assertThat(waves).extracting(PlannedWave::lineCount).containsExactly(5, 1);
    }

    @Test
    void anOrderWithMoreLinesThanTheCapGetsAWaveOfItsOwn() {
        List<PlannedWave> waves = pack(new WaveSettings(100, 5, 10, Map.of()),
                multi("F1", "W1", 2), multi("F2", "W1", 9), multi("F3", "W1", 1));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("F1"), List.of("F2"), List.of("F3"));
    }

    @Test
    void keepsWarehousesZonesKindsAndPrioritiesApart() {
        WaveCandidate chilled = new WaveCandidate("F3", "W1", "CHILLED", false, T, 2, 2);
        WaveCandidate express = new WaveCandidate("F0", "W1", "AMBIENT", true, T, 2, 2);
        List<PlannedWave> waves = pack(WaveSettings.defaults(), express, multi("F1", "W1", 2), single("F2", "W1"),
                chilled, multi("F4", "W2", 1));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("F0"), List.of("F1"), List.of("F2"), List.of("F3"), List.of("F4"));
        assertThat(waves).extracting(PlannedWave::kind)
                .containsExactly(WaveKind.MULTI, WaveKind.MULTI, WaveKind.SINGLE, WaveKind.MULTI, WaveKind.MULTI);
        assertThat(waves.get(0).express()).isTrue();
    }

    @Test
    void aWarehouseMayOverrideTheCaps() {
        WaveSettings settings = new WaveSettings(3, 100, 10,
                Map.of("W2", new WaveSettings.Warehouse(1, null, null, null)));
        List<PlannedWave> waves = pack(settings, single("A1", "W1"), single("A2", "W1"), single("B1", "W2"),
                single("B2", "W2"));
        // B2 closes B1's wave; the others close at the end, oldest first
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("B1"), List.of("A1", "A2"), List.of("B2"));
    }

    @Test
    void interleavedGroupsArePackedAsEachAloneAndClosedInTheOrderTheyFill() {
        WaveSettings settings = new WaveSettings(2, 100, 10, Map.of());
        List<PlannedWave> waves = pack(settings, multi("A1", "W1", 1), single("B1", "W1"), multi("A2", "W1", 1),
                multi("C1", "W2", 1), multi("A3", "W1", 1), single("B2", "W1"), single("B3", "W1"));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos).containsExactly(List.of("A1", "A2"),
                List.of("B1", "B2"), List.of("C1"), List.of("A3"), List.of("B3"));
    }

    @Test
    void everyOpenExpressWaveClosesBeforeTheFirstNormalOne() {
        WaveCandidate expressW1 = new WaveCandidate("E1", "W1", "AMBIENT", true, T, 2, 2);
        WaveCandidate expressW2 = new WaveCandidate("E2", "W2", "AMBIENT", true, T, 2, 2);
        List<PlannedWave> waves = pack(WaveSettings.defaults(), expressW1, expressW2, multi("N1", "W1", 2),
                multi("N2", "W2", 2));
        assertThat(waves).extracting(PlannedWave::fulfilmentNos)
                .containsExactly(List.of("E1"), List.of("E2"), List.of("N1"), List.of("N2"));
        assertThat(waves).extracting(PlannedWave::express).containsExactly(true, true, false, false);
    }

    @Test
    void singleItemMeansOneLineOfQuantityOne() {
        assertThat(WaveKind.of(1, 1)).isEqualTo(WaveKind.SINGLE);
        assertThat(WaveKind.of(1, 2)).isEqualTo(WaveKind.MULTI);
        assertThat(WaveKind.of(2, 2)).isEqualTo(WaveKind.MULTI);
    }

    @Test
    void nothingInNothingOut() {
        assertThat(pack(WaveSettings.defaults())).isEmpty();
    }
}
