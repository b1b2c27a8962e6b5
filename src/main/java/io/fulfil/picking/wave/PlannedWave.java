package io.fulfil.picking.wave;

import java.util.List;
import java.util.Map;

/**
 * A wave as packed, before it has a number: one warehouse, one temperature zone, one kind, and its
 * fulfilment orders in slot order (the first is slot 1). {@code lines} holds the lines read with the
 * candidates, by fulfilment order; those missing there are read by the writer.
 */
public record PlannedWave(String warehouseCode, String temperatureZone, WaveKind kind, boolean express,
                          List<String> fulfilmentNos, int lineCount, Map<String, List<WaveStore.Line>> lines) {

    public PlannedWave {
        fulfilmentNos = List.copyOf(fulfilmentNos);
        lines = Map.copyOf(lines);
    }

    public PlannedWave(String warehouseCode, String temperatureZone, WaveKind kind, boolean express,
                       List<String> fulfilmentNos, int lineCount) {
        this(warehouseCode, temperatureZone, kind, express, fulfilmentNos, lineCount, Map.of());
    }
}
