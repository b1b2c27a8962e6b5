package io.fulfil.split;

import io.fulfil.reference.TemperatureZone;
import java.util.List;

/** A fulfilment order the planner wants written: one merchant, one warehouse, one zone (§3.2). */
public record PlannedFulfilment(String fulfilmentNo, String merchantCode, String warehouseCode,
                                TemperatureZone zone, List<Line> lines) {

    public record Line(int lineNo, int orderLineNo, String skuCode, int quantity, Amounts amounts) {
    }

    /** The fulfilment order's amounts are the sums of its lines' (§5). */
    public Amounts amounts() {
        Amounts sum = Amounts.ZERO;
        for (Line l : lines) {
            sum = sum.plus(l.amounts());
        }
        return sum;
    }
}
