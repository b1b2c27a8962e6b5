package io.fulfil.split;

import java.util.List;

/**
 * What the planner decided for one order: either held with a reason, or the fulfilment orders to
 * create, the open lines that remain backordered (the complete new set) and the decisions made.
 */
public record SplitOutcome(String orderNo, String holdReason, List<PlannedFulfilment> fulfilments,
                           List<OpenLine> backorders, List<Decision> decisions) {

    public static SplitOutcome held(String orderNo, String reason) {
        return new SplitOutcome(orderNo, reason, List.of(), List.of(), List.of());
    }

    public boolean held() {
        return holdReason != null;
    }

    public boolean allocatedAnything() {
        return !fulfilments.isEmpty();
    }
}
