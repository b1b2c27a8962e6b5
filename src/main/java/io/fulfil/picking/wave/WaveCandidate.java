package io.fulfil.picking.wave;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An ALLOCATED fulfilment order as the wave job sees it.
 *
 * @param createdAt when the split allocated it (UTC wall-clock), for the warehouse's cut-off
 * @param lineCount its fulfilment lines
 * @param units     the sum of their quantities
 * @param lines     its lines as read with it (empty when not read: the wave's writer reads them)
 */
public record WaveCandidate(String fulfilmentNo, String warehouseCode, String temperatureZone, boolean express,
                            LocalDateTime createdAt, int lineCount, int units, List<WaveStore.Line> lines) {

    public WaveCandidate {
        lines = List.copyOf(lines);
    }

    public WaveCandidate(String fulfilmentNo, String warehouseCode, String temperatureZone, boolean express,
                         LocalDateTime createdAt, int lineCount, int units) {
        this(fulfilmentNo, warehouseCode, temperatureZone, express, createdAt, lineCount, units, List.of());
    }

    public WaveKind kind() {
        return WaveKind.of(lineCount, units);
    }
}
