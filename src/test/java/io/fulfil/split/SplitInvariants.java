package io.fulfil.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.reference.BackorderPolicy;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.reference.Warehouse;
import io.fulfil.split.Catalog.Sku;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import io.fulfil.support.ExactLargestRemainder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CONTRACT §3 and §5, checked in memory against what the planner returned, with its own arithmetic
 * (exact largest remainder, brute-force covers) rather than the planner's.
 */
final class SplitInvariants {

    private static final double KM_TOLERANCE = 1e-6;

    private final RandomShop shop;

    SplitInvariants(RandomShop shop) {
        this.shop = shop;
    }

    /** One order's parts so far: the fulfilment orders of every run, and what is backordered now. */
    static final class OrderBook {
        final PaidOrder order;
        final List<PlannedFulfilment> fulfilments = new ArrayList<>();
        List<OpenLine> backorders = List.of();

        OrderBook(PaidOrder order) {
            this.order = order;
        }

        void record(SplitOutcome outcome) {
            fulfilments.addAll(outcome.fulfilments());
            backorders = outcome.backorders();
        }
    }

    // ---------------------------------------------------------------- what to expect

    /** Whether the order must be held, worked out from the contract, not from OrderChecks. */
    boolean mustBeHeld(PaidOrder order) {
        if (order.lines().isEmpty() || !order.paidAtKnown()) {
            return true;
        }
        long goods = 0;
        for (PaidOrder.Line line : order.lines()) {
            Sku sku = shop.skus.get(line.skuCode());
            if (sku == null || eligible(sku.zone()).isEmpty()) {
                return true;
            }
            goods += line.quantity() * line.unitPrice() - line.lineDiscount();
        }
        return goods != order.goodsAmount()
                || order.goodsAmount() - order.discountAmount() + order.shippingFee() != order.paidAmount()
                || order.discountAmount() > order.goodsAmount();
    }

    /** §3.7: the order's lines with the discount and shipping spread by line goods amount. */
    List<OpenLine> wholeLines(PaidOrder order) {
        int n = order.lines().size();
        long[] goods = new long[n];
        long[] quantities = new long[n];
        for (int i = 0; i < n; i++) {
            goods[i] = order.lines().get(i).quantity() * order.lines().get(i).unitPrice()
                    - order.lines().get(i).lineDiscount();
            quantities[i] = order.lines().get(i).quantity();
        }
        long[] discount = ExactLargestRemainder.apportion(order.discountAmount(), goods, quantities);
        long[] shipping = ExactLargestRemainder.apportion(order.shippingFee(), goods, quantities);
        List<OpenLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PaidOrder.Line l = order.lines().get(i);
            Sku sku = shop.skus.get(l.skuCode());
            lines.add(new OpenLine(l.lineNo(), l.skuCode(), sku.merchantCode(), sku.zone(), l.quantity(),
                    new Amounts(goods[i], discount[i], shipping[i])));
        }
        return lines;
    }

    /** What every warehouse could promise of the given SKUs just before a planning call. */
    Map<StockKey, Integer> availableBefore(StockView stock, Collection<OpenLine> open) {
        Map<StockKey, Integer> before = new HashMap<>();
        for (OpenLine line : open) {
            for (Warehouse w : shop.warehouses) {
                before.put(new StockKey(w.code(), line.skuCode()), stock.available(w.code(), line.skuCode()));
            }
        }
        return before;
    }

    // ---------------------------------------------------------------- one planning call

    private String lastFulfilmentNo = "";

    /** Everything one call of the planner must get right about the open lines it was given. */
    void call(String orderNo, ShipPoint shipTo, List<OpenLine> open, SplitOutcome outcome,
              Map<StockKey, Integer> before) {
        assertThat(outcome.held()).as("%s: a planning call after the checks never holds", orderNo).isFalse();
        for (int i = 0; i < outcome.fulfilments().size(); i++) {
            PlannedFulfilment f = outcome.fulfilments().get(i);
            assertThat(f.fulfilmentNo()).as("%s: fulfilment numbers grow in the order they are given", orderNo)
                    .isGreaterThan(lastFulfilmentNo);
            lastFulfilmentNo = f.fulfilmentNo();
            fulfilmentIsOneMerchantOneZoneOneEligibleWarehouse(f);
        }
        for (OpenLine line : open) {
            piecesAddUpToTheOpenLine(orderNo, line, outcome);
        }
        assertThat(outcome.backorders()).as("%s: one backorder per line at most", orderNo)
                .extracting(OpenLine::orderLineNo).doesNotHaveDuplicates();
        assertThat(outcome.backorders()).allSatisfy(b -> assertThat(b.quantity()).isPositive());
        for (Map.Entry<StockKey, Integer> taken : takenPerStockRow(outcome.fulfilments()).entrySet()) {
            assertThat(taken.getValue()).as("%s: taken from %s", orderNo, taken.getKey())
                    .isLessThanOrEqualTo(before.getOrDefault(taken.getKey(), 0));
        }
        Map<GroupKey, List<OpenLine>> groups = new HashMap<>();
        open.forEach(l -> groups.computeIfAbsent(new GroupKey(l.merchantCode(), l.zone()), k -> new ArrayList<>())
                .add(l));
        groups.forEach((key, lines) -> groupWentWhereTheRulesSay(orderNo, key, lines, shipTo, outcome, before));
    }

    private void fulfilmentIsOneMerchantOneZoneOneEligibleWarehouse(PlannedFulfilment f) {
        assertThat(f.lines()).as(f.fulfilmentNo()).isNotEmpty();
        Warehouse w = warehouse(f.warehouseCode());
        assertThat(w.active() && w.zones().contains(f.zone()))
                .as("%s: %s is active and supports %s", f.fulfilmentNo(), w.code(), f.zone()).isTrue();
        Amounts sum = Amounts.ZERO;
        for (int i = 0; i < f.lines().size(); i++) {
            PlannedFulfilment.Line l = f.lines().get(i);
            Sku sku = shop.skus.get(l.skuCode());
            assertThat(l.lineNo()).isEqualTo(i + 1);
            assertThat(sku.merchantCode()).as("%s line %d merchant", f.fulfilmentNo(), l.lineNo())
                    .isEqualTo(f.merchantCode());
            assertThat(sku.zone()).as("%s line %d zone", f.fulfilmentNo(), l.lineNo()).isEqualTo(f.zone());
            assertThat(l.quantity()).isPositive();
            sum = sum.plus(l.amounts());
        }
        assertThat(f.amounts()).isEqualTo(sum);
    }

    private void piecesAddUpToTheOpenLine(String orderNo, OpenLine line, SplitOutcome outcome) {
        int quantity = 0;
        Amounts amounts = Amounts.ZERO;
        List<Amounts> pieces = new ArrayList<>();
        for (PlannedFulfilment f : outcome.fulfilments()) {
            for (PlannedFulfilment.Line l : f.lines()) {
                if (l.orderLineNo() == line.orderLineNo()) {
                    assertThat(l.skuCode()).isEqualTo(line.skuCode());
                    quantity += l.quantity();
                    pieces.add(l.amounts());
                }
            }
        }
        for (OpenLine b : outcome.backorders()) {
            if (b.orderLineNo() == line.orderLineNo()) {
                assertThat(b.skuCode()).isEqualTo(line.skuCode());
                assertThat(b.merchantCode()).isEqualTo(line.merchantCode());
                assertThat(b.zone()).isEqualTo(line.zone());
                quantity += b.quantity();
                pieces.add(b.amounts());
            }
        }
        for (Amounts p : pieces) {
            amounts = amounts.plus(p);
            assertThat(p.goods() >= 0 && p.discount() >= 0 && p.shipping() >= 0 && p.paid() >= 0)
                    .as("%s line %d: no negative amount in piece %s", orderNo, line.orderLineNo(), p).isTrue();
        }
        assertThat(quantity).as("%s line %d quantity", orderNo, line.orderLineNo()).isEqualTo(line.quantity());
        assertThat(amounts).as("%s line %d amounts", orderNo, line.orderLineNo()).isEqualTo(line.amounts());
    }

    private void groupWentWhereTheRulesSay(String orderNo, GroupKey key, List<OpenLine> lines, ShipPoint shipTo,
                                           SplitOutcome outcome, Map<StockKey, Integer> before) {
        String group = orderNo + " " + key;
        List<Warehouse> eligible = eligible(key.zone());
        Map<String, Integer> need = new TreeMap<>();
        lines.forEach(l -> need.merge(l.skuCode(), l.quantity(), Integer::sum));
        Map<String, Integer> target = new TreeMap<>();
        boolean coverable = true;
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            int total = eligible.stream().mapToInt(w -> before.get(new StockKey(w.code(), e.getKey()))).sum();
            coverable &= total >= e.getValue();
            target.put(e.getKey(), Math.min(total, e.getValue()));
        }
        boolean waitForAll = shop.policyOf(key.merchantCode()) == BackorderPolicy.WAIT_FOR_ALL;
        if (waitForAll && !coverable) {
            target.replaceAll((sku, q) -> 0);
        }

        List<PlannedFulfilment> fulfilments = outcome.fulfilments().stream()
                .filter(f -> f.merchantCode().equals(key.merchantCode()) && f.zone() == key.zone()).toList();
        assertThat(fulfilments).as("%s: one fulfilment order per warehouse", group)
                .extracting(PlannedFulfilment::warehouseCode).doesNotHaveDuplicates();
        Map<StockKey, Integer> taken = takenPerStockRow(fulfilments);
        for (Map.Entry<String, Integer> e : target.entrySet()) {
            int shipped = taken.entrySet().stream().filter(t -> t.getKey().skuCode().equals(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            assertThat(shipped).as("%s: %s shipped (need %s, %s)", group, e.getKey(), need,
                    waitForAll ? "wait for all" : "ship available").isEqualTo(e.getValue());
        }
        if (waitForAll) {
            Set<Integer> lineNos = new HashSet<>();
            lines.forEach(l -> lineNos.add(l.orderLineNo()));
            boolean anyWaiting = outcome.backorders().stream().anyMatch(b -> lineNos.contains(b.orderLineNo()));
            assertThat(fulfilments.isEmpty() || !anyWaiting).as("%s: wait for all is all or nothing", group).isTrue();
        }
        if (target.values().stream().allMatch(q -> q == 0)) {
            assertThat(fulfilments).as(group).isEmpty();
            return;
        }

        Comparator<Warehouse> nearestFirst = Comparator.<Warehouse>comparingDouble(w -> km(shipTo, w))
                .thenComparingInt(Warehouse::priority).thenComparing(Warehouse::code);
        List<Warehouse> used = fulfilments.stream().map(f -> warehouse(f.warehouseCode())).sorted(nearestFirst)
                .toList();
        List<Warehouse> singles = eligible.stream().filter(w -> covers(List.of(w), target, before))
                .sorted(nearestFirst).toList();
        if (!singles.isEmpty()) {
            assertThat(used).as("%s: the nearest warehouse that has it all, alone", group)
                    .extracting(Warehouse::code).containsExactly(singles.get(0).code());
        } else {
            List<Warehouse> useful = eligible.stream().filter(w -> target.entrySet().stream()
                    .anyMatch(e -> e.getValue() > 0 && before.get(new StockKey(w.code(), e.getKey())) > 0)).toList();
            if (useful.size() <= 12) {
                double[] best = smallestCover(useful, target, before, shipTo);
                assertThat(used).as("%s: the fewest warehouses", group).hasSize((int) best[0]);
                double usedKm = used.stream().mapToDouble(w -> km(shipTo, w)).sum();
                assertThat(usedKm).as("%s: the least total distance among covers of %d", group, used.size())
                        .isLessThanOrEqualTo(best[1] + KM_TOLERANCE);
            }
        }
        // each SKU is taken from the chosen warehouses nearest first
        for (Map.Entry<String, Integer> e : target.entrySet()) {
            int remaining = e.getValue();
            for (Warehouse w : used) {
                StockKey row = new StockKey(w.code(), e.getKey());
                int expected = Math.min(before.get(row), remaining);
                assertThat(taken.getOrDefault(row, 0)).as("%s: %s from %s, nearest first", group, e.getKey(), w.code())
                        .isEqualTo(expected);
                remaining -= expected;
            }
        }
    }

    /** {size, least total km} of the smallest covers, by trying every combination of each size in turn. */
    private static double[] smallestCover(List<Warehouse> useful, Map<String, Integer> target,
                                          Map<StockKey, Integer> before, ShipPoint shipTo) {
        int n = useful.size();
        for (int size = 1; size <= n; size++) {
            double bestKm = Double.MAX_VALUE;
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            while (true) {
                List<Warehouse> combo = new ArrayList<>();
                for (int i : idx) {
                    combo.add(useful.get(i));
                }
                if (covers(combo, target, before)) {
                    bestKm = Math.min(bestKm, combo.stream().mapToDouble(w -> km(shipTo, w)).sum());
                }
                int i = size - 1;
                while (i >= 0 && idx[i] == n - size + i) {
                    i--;
                }
                if (i < 0) {
                    break;
                }
                idx[i]++;
                for (int j = i + 1; j < size; j++) {
                    idx[j] = idx[j - 1] + 1;
                }
            }
            if (bestKm < Double.MAX_VALUE) {
                return new double[] {size, bestKm};
            }
        }
        throw new AssertionError("the useful warehouses do not cover " + target);
    }

    private static boolean covers(List<Warehouse> warehouses, Map<String, Integer> target,
                                  Map<StockKey, Integer> before) {
        for (Map.Entry<String, Integer> e : target.entrySet()) {
            int have = 0;
            for (Warehouse w : warehouses) {
                have += before.get(new StockKey(w.code(), e.getKey()));
            }
            if (have < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- whole orders and stock rows

    /** §5 for one order after any number of runs: every part adds up to the order, to the cent and unit. */
    void order(OrderBook book) {
        PaidOrder order = book.order;
        Amounts sum = Amounts.ZERO;
        Map<Integer, Integer> quantities = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        for (PlannedFulfilment f : book.fulfilments) {
            assertThat(numbers.add(f.fulfilmentNo())).as("fulfilment number %s used twice", f.fulfilmentNo())
                    .isTrue();
            sum = sum.plus(f.amounts());
            f.lines().forEach(l -> quantities.merge(l.orderLineNo(), l.quantity(), Integer::sum));
        }
        for (OpenLine b : book.backorders) {
            sum = sum.plus(b.amounts());
            quantities.merge(b.orderLineNo(), b.quantity(), Integer::sum);
        }
        assertThat(sum).as("%s: goods, discount, shipping of all parts", order.orderNo())
                .isEqualTo(new Amounts(order.goodsAmount(), order.discountAmount(), order.shippingFee()));
        assertThat(sum.paid()).as("%s: paid of all parts", order.orderNo()).isEqualTo(order.paidAmount());
        Map<Integer, Integer> ordered = new HashMap<>();
        order.lines().forEach(l -> ordered.put(l.lineNo(), l.quantity()));
        assertThat(quantities).as("%s: quantity of every line", order.orderNo()).isEqualTo(ordered);
    }

    /** §5 for stock: what the chunk reserved is what its fulfilment orders hold, and no more than there was. */
    void stockRows(Map<StockKey, StockLevel> levels, ChunkStock stock, Collection<PlannedFulfilment> fulfilments) {
        Map<StockKey, Integer> taken = takenPerStockRow(fulfilments);
        assertThat(stock.reservations()).as("reservations = quantities in fulfilment orders").isEqualTo(taken);
        taken.forEach((row, quantity) -> {
            StockLevel level = levels.get(row);
            assertThat(level).as("%s: reserved from a row that does not exist", row).isNotNull();
            assertThat(quantity).as("%s: reserved within what was available", row)
                    .isLessThanOrEqualTo(level.available());
            assertThat(stock.available(row.warehouseCode(), row.skuCode())).isEqualTo(level.available() - quantity);
        });
    }

    /** The stock rows after a chunk's reservations are written: allocated goes up by what was reserved. */
    static Map<StockKey, StockLevel> committed(Map<StockKey, StockLevel> levels, Map<StockKey, Integer> reserved) {
        Map<StockKey, StockLevel> after = new LinkedHashMap<>(levels);
        reserved.forEach((row, q) -> after.compute(row, (k, l) -> new StockLevel(l.onHand(), l.allocated() + q)));
        return after;
    }

    static Map<StockKey, Integer> takenPerStockRow(Collection<PlannedFulfilment> fulfilments) {
        Map<StockKey, Integer> taken = new HashMap<>();
        for (PlannedFulfilment f : fulfilments) {
            for (PlannedFulfilment.Line l : f.lines()) {
                taken.merge(new StockKey(f.warehouseCode(), l.skuCode()), l.quantity(), Integer::sum);
            }
        }
        return taken;
    }

    private List<Warehouse> eligible(TemperatureZone zone) {
        return shop.warehouses.stream().filter(w -> w.active() && w.zones().contains(zone)).toList();
    }

    private Warehouse warehouse(String code) {
        return shop.warehouses.stream().filter(w -> w.code().equals(code)).findFirst().orElseThrow();
    }

    private static double km(ShipPoint shipTo, Warehouse w) {
        return shipTo.distanceKmTo(w.latitude(), w.longitude());
    }
}
