package io.fulfil.split;

import io.fulfil.reference.TemperatureZone;

/**
 * The quantity of one order line that is not yet in a fulfilment order, with its share of the money.
 * On the first split it is the whole line; later it is the line's backorder.
 */
public record OpenLine(int orderLineNo, String skuCode, String merchantCode, TemperatureZone zone, int quantity,
                       Amounts amounts) {
}
