package io.fulfil.picking.wave;

import java.time.LocalDateTime;

/**
 * An ALLOCATED fulfilment order as the wave job sees it.
 *
 * @param createdAt when the split allocated it (UTC wall-clock), for the warehouse's cut-off
 * @param lineCount its fulfilment lines
 * @param units     the sum of their quantities
 */
public record WaveCandidate(String fulfilmentNo, String warehouseCode, String temperatureZone, boolean express,
                            LocalDateTime createdAt, int lineCount, int units) {

    public WaveKind kind() {
        return WaveKind.of(lineCount, units);
    }
}
