package io.fulfil.split;

import io.fulfil.fulfilment.FulfilmentNumbers;
import io.fulfil.reference.BackorderPolicy;
import io.fulfil.reference.Merchant;
import io.fulfil.reference.ReferenceData;
import io.fulfil.reference.Warehouse;
import io.fulfil.support.Apportionment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an order into fulfilment orders (CONTRACT §3): groups its open lines by merchant and zone,
 * chooses warehouses per group, reserves stock in the given {@link StockView}, apportions the money
 * and explains each decision. Plain Java: the split job feeds it orders in serving order.
 */
public final class SplitPlanner {

    private final ReferenceData reference;
    private final FulfilmentNumbers numbers;

    public SplitPlanner(ReferenceData reference, FulfilmentNumbers numbers) {
        this.reference = reference;
        this.numbers = numbers;
    }

    /** The first split of a paid order: checks it, spreads its money over its lines, allocates. */
    public SplitOutcome splitPaidOrder(PaidOrder order, StockView stock) {
        String problem = OrderChecks.whyNotSplittable(order, reference);
        if (problem != null) {
            return SplitOutcome.held(order.orderNo(), problem);
        }
        return allocate(order.orderNo(), order.shipTo(), openLinesOf(order), stock);
    }

    /**
     * Allocates what it can of an order's open lines (its backorders on a later run). Each fulfilment
     * order it plans takes the next number of the planner's {@link FulfilmentNumbers}.
     */
    public SplitOutcome allocate(String orderNo, ShipPoint shipTo, List<OpenLine> open, StockView stock) {
        Map<GroupKey, List<OpenLine>> groups = new TreeMap<>(GroupKey.ORDER);
        for (OpenLine line : open) {
            groups.computeIfAbsent(new GroupKey(line.merchantCode(), line.zone()), k -> new ArrayList<>()).add(line);
        }
        List<PlannedFulfilment> fulfilments = new ArrayList<>();
        List<OpenLine> backorders = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (Map.Entry<GroupKey, List<OpenLine>> group : groups.entrySet()) {
            List<OpenLine> lines = new ArrayList<>(group.getValue());
            lines.sort(Comparator.comparingInt(OpenLine::orderLineNo));
            GroupPlan plan = planGroup(group.getKey(), lines, shipTo, stock);
            decisions.add(plan.decision);
            for (Candidate c : plan.cover) {
                List<PlannedFulfilment.Line> fulfilmentLines = new ArrayList<>();
                for (LineSplit split : plan.splits) {
                    Integer qty = split.quantityAt.get(c.code());
                    if (qty != null) {
                        fulfilmentLines.add(new PlannedFulfilment.Line(fulfilmentLines.size() + 1,
                                split.line.orderLineNo(), split.line.skuCode(), qty, split.amountsAt.get(c.code())));
                    }
                }
                if (!fulfilmentLines.isEmpty()) {
                    fulfilments.add(new PlannedFulfilment(numbers.next(), group.getKey().merchantCode(),
                            c.code(), group.getKey().zone(), fulfilmentLines));
                }
            }
            for (LineSplit split : plan.splits) {
                if (split.remaining != null) {
                    backorders.add(split.remaining);
                }
            }
        }
        backorders.sort(Comparator.comparingInt(OpenLine::orderLineNo));
        return new SplitOutcome(orderNo, null, fulfilments, backorders, decisions);
    }

    private GroupPlan planGroup(GroupKey key, List<OpenLine> lines, ShipPoint shipTo, StockView stock) {
        List<Candidate> candidates = new ArrayList<>();
        for (Warehouse w : reference.eligibleFor(key.zone())) {
            candidates.add(new Candidate(w, shipTo.distanceKmTo(w.latitude(), w.longitude())));
        }
        candidates.sort(Candidate.NEAREST_FIRST);
        Map<String, Integer> need = new LinkedHashMap<>();
        for (OpenLine l : lines) {
            need.merge(l.skuCode(), l.quantity(), Integer::sum);
        }
        Rule rule;
        List<Candidate> cover = List.of();
        Candidate single = WarehouseChooser.nearestSingle(candidates, need, stock);
        if (candidates.isEmpty()) {
            rule = Rule.NO_ELIGIBLE_WAREHOUSE;
        } else if (single != null) {
            rule = Rule.NEAREST_SINGLE;
            cover = List.of(single);
        } else if (WarehouseChooser.covers(candidates, need, stock)) {
            rule = Rule.FEWEST_WAREHOUSES;
            cover = WarehouseChooser.fewestCover(candidates, need, stock);
        } else if (policyOf(key) == BackorderPolicy.WAIT_FOR_ALL) {
            rule = Rule.WAIT_FOR_ALL;
        } else {
            Map<String, Integer> available = new LinkedHashMap<>();
            boolean any = false;
            for (Map.Entry<String, Integer> e : need.entrySet()) {
                long total = 0;
                for (Candidate c : candidates) {
                    total += stock.available(c.code(), e.getKey());
                }
                int capped = (int) Math.min(e.getValue(), total);
                available.put(e.getKey(), capped);
                any |= capped > 0;
            }
            rule = any ? Rule.PARTIAL : Rule.NO_STOCK;
            cover = any ? WarehouseChooser.fewestCover(candidates, available, stock) : List.of();
        }

        // the trace lists the candidates that mattered, with stock as it was before this group took any:
        // for the nearest single warehouse, those up to it (why nearer ones could not); otherwise all
        List<Candidate> considered = rule == Rule.NEAREST_SINGLE
                ? candidates.subList(0, candidates.indexOf(single) + 1) : candidates;
        String candidateText = DecisionText.candidates(considered, need, stock);
        List<LineSplit> splits = new ArrayList<>();
        for (OpenLine line : lines) {
            splits.add(takeFromCover(line, cover, stock));
        }
        Decision decision = new Decision(key, rule, DecisionText.chosen(cover, splits), candidateText);
        return new GroupPlan(decision, cover, splits);
    }

    /** Takes the line's quantity from the cover nearest first, then splits its money by quantity. */
    private static LineSplit takeFromCover(OpenLine line, List<Candidate> cover, StockView stock) {
        Map<String, Integer> quantityAt = new LinkedHashMap<>();
        int remaining = line.quantity();
        for (Candidate c : cover) {
            int take = Math.min(stock.available(c.code(), line.skuCode()), remaining);
            if (take > 0) {
                stock.reserve(c.code(), line.skuCode(), take);
                quantityAt.put(c.code(), take);
                remaining -= take;
            }
        }
        int pieces = quantityAt.size() + (remaining > 0 ? 1 : 0);
        long[] quantities = new long[pieces];
        int i = 0;
        for (int q : quantityAt.values()) {
            quantities[i++] = q;
        }
        if (remaining > 0) {
            quantities[i] = remaining;
        }
        List<Amounts> shares = MoneySplit.byQuantity(line.amounts(), quantities);
        Map<String, Amounts> amountsAt = new LinkedHashMap<>();
        i = 0;
        for (String warehouse : quantityAt.keySet()) {
            amountsAt.put(warehouse, shares.get(i++));
        }
        OpenLine rest = remaining > 0
                ? new OpenLine(line.orderLineNo(), line.skuCode(), line.merchantCode(), line.zone(), remaining,
                shares.get(i))
                : null;
        return new LineSplit(line, quantityAt, amountsAt, rest);
    }

    private BackorderPolicy policyOf(GroupKey key) {
        return reference.merchant(key.merchantCode()).map(Merchant::backorderPolicy)
                .orElse(BackorderPolicy.SHIP_AVAILABLE);
    }

    /** §3.7: the order's discount and shipping fee spread over its lines by line goods amount. */
    static List<OpenLine> openLinesOf(PaidOrder order) {
        // ties go to the lower line number (§3.7), whatever order the lines came in
        List<PaidOrder.Line> lines = order.lines().stream()
                .sorted(Comparator.comparingInt(PaidOrder.Line::lineNo)).toList();
        long[] goods = new long[lines.size()];
        long[] quantities = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            goods[i] = lines.get(i).goodsAmount();
            quantities[i] = lines.get(i).quantity();
        }
        // all-free orders have no goods to weigh by; their shipping fee is spread by quantity instead
        long[] discounts = Apportionment.apportion(order.discountAmount(), goods, quantities);
        long[] shipping = Apportionment.apportion(order.shippingFee(), goods, quantities);
        List<OpenLine> open = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            PaidOrder.Line l = lines.get(i);
            open.add(new OpenLine(l.lineNo(), l.skuCode(), l.skuMerchantCode(), l.skuZone(), l.quantity(),
                    new Amounts(goods[i], discounts[i], shipping[i])));
        }
        return open;
    }

    record LineSplit(OpenLine line, Map<String, Integer> quantityAt, Map<String, Amounts> amountsAt,
                     OpenLine remaining) {
    }

    private record GroupPlan(Decision decision, List<Candidate> cover, List<LineSplit> splits) {
    }
}
