package io.fulfil.picking.wave;

import java.util.List;

/**
 * A wave as packed, before it has a number: one warehouse, one temperature zone, one kind, and its
 * fulfilment orders in slot order (the first is slot 1).
 */
public record PlannedWave(String warehouseCode, String temperatureZone, WaveKind kind, boolean express,
                          List<String> fulfilmentNos, int lineCount) {

    public PlannedWave {
        fulfilmentNos = List.copyOf(fulfilmentNos);
    }
}
