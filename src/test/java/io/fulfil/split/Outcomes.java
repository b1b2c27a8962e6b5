package io.fulfil.split;

import io.fulfil.split.Catalog.Sku;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a {@link SplitOutcome} the way the tests ask about it. */
final class Outcomes {

    private Outcomes() {
    }

    static Set<String> warehousesUsed(SplitOutcome outcome) {
        return outcome.fulfilments().stream().map(PlannedFulfilment::warehouseCode)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static int shippedFrom(SplitOutcome outcome, String warehouseCode, Sku sku) {
        return outcome.fulfilments().stream().filter(f -> f.warehouseCode().equals(warehouseCode))
                .flatMap(f -> f.lines().stream()).filter(l -> l.skuCode().equals(sku.code()))
                .mapToInt(PlannedFulfilment.Line::quantity).sum();
    }

    static int shipped(SplitOutcome outcome, Sku sku) {
        return outcome.fulfilments().stream().flatMap(f -> f.lines().stream())
                .filter(l -> l.skuCode().equals(sku.code())).mapToInt(PlannedFulfilment.Line::quantity).sum();
    }

    static int backordered(SplitOutcome outcome, Sku sku) {
        return outcome.backorders().stream().filter(b -> b.skuCode().equals(sku.code()))
                .mapToInt(OpenLine::quantity).sum();
    }

    /** Every piece of one order line: its fulfilment lines, then its backorder if any. */
    static List<Amounts> piecesOfLine(SplitOutcome outcome, int orderLineNo) {
        List<Amounts> fulfilled = outcome.fulfilments().stream().flatMap(f -> f.lines().stream())
                .filter(l -> l.orderLineNo() == orderLineNo).map(PlannedFulfilment.Line::amounts).toList();
        List<Amounts> waiting = outcome.backorders().stream().filter(b -> b.orderLineNo() == orderLineNo)
                .map(OpenLine::amounts).toList();
        return Stream.concat(fulfilled.stream(), waiting.stream()).toList();
    }

    static Amounts totalOfLine(SplitOutcome outcome, int orderLineNo) {
        return piecesOfLine(outcome, orderLineNo).stream().reduce(Amounts.ZERO, Amounts::plus);
    }

    static Amounts total(SplitOutcome outcome) {
        Amounts sum = Amounts.ZERO;
        for (PlannedFulfilment f : outcome.fulfilments()) {
            sum = sum.plus(f.amounts());
        }
        for (OpenLine b : outcome.backorders()) {
            sum = sum.plus(b.amounts());
        }
        return sum;
    }
}
