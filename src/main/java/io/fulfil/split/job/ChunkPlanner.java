package io.fulfil.split.job;

import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.fulfilment.OrderStatusRollup;
import io.fulfil.reference.SkuCatalog;
import io.fulfil.split.ChunkStock;
import io.fulfil.split.OpenLine;
import io.fulfil.split.PaidOrder;
import io.fulfil.split.PlannedFulfilment;
import io.fulfil.split.SplitOutcome;
import io.fulfil.split.SplitPlanner;
import io.fulfil.split.job.SplitStore.LockedOrder;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a chunk of orders needs and plans every order of it, in serving order, against given
 * stock levels. The planning thread uses it ahead of the writer, on rows read without locks; the
 * writer uses it on locked rows when a plan made ahead no longer holds. It keeps nothing between
 * calls but the SKU catalog's cache, which is thread-safe.
 */
final class ChunkPlanner {

    private static final Logger log = LoggerFactory.getLogger(ChunkPlanner.class);

    private final SplitStore store;
    private final SplitPlanner planner;
    private final SkuCatalog skuCatalog;
    private final Clock clock;
    private final Long jobExecutionId;
    /** A split key per chunk planned, for the orders it splits for the first time (migration V15). */
    private final LongSupplier splitKeys;

    ChunkPlanner(SplitStore store, SplitPlanner planner, SkuCatalog skuCatalog, Clock clock, Long jobExecutionId,
                 LongSupplier splitKeys) {
        this.store = store;
        this.planner = planner;
        this.skuCatalog = skuCatalog;
        this.clock = clock;
        this.jobExecutionId = jobExecutionId;
        this.splitKeys = splitKeys;
    }

    /** What a re-split needs beyond the order header: open backorders, existing fulfilment orders, decisions. */
    record ResplitState(Map<String, List<OpenLine>> backorders, Map<String, List<FulfilmentStatus>> existing,
                        Map<String, Integer> lastDecision) {
    }

    /** What a chunk is planned from: its orders' headers, the lines of the paid ones, the re-splits' state. */
    record ChunkInput(List<String> servingOrder, Map<String, LockedOrder> orders,
                      Map<String, List<PaidOrder.Line>> lines, ResplitState resplits) {

        Set<String> skus() {
            Set<String> skus = new HashSet<>();
            lines.values().forEach(ls -> ls.forEach(l -> skus.add(l.skuCode())));
            resplits.backorders().values().forEach(bs -> bs.forEach(b -> skus.add(b.skuCode())));
            return skus;
        }
    }

    /** A chunk's plan: the stock it reserves and the rows it writes. */
    record Planned(ChunkStock stock, SplitStore.ChunkWrites writes) {
    }

    /** Reads the lines of the paid orders among these headers, and the state of the ones to re-split. */
    ChunkInput read(List<String> servingOrder, Map<String, LockedOrder> orders) {
        return new ChunkInput(servingOrder, orders, store.linesOf(firstSplits(orders), skuCatalog),
                resplitStateOf(orders));
    }

    /**
     * A chunk's input as the demand read it, ahead of its writer: the orders' rows and the paid ones'
     * lines come with the demand; only a re-split's state (backorders, fulfilment orders, decisions)
     * is read here. No order row or line is read again: the writer locks and reads the rows, and
     * plans the chunk anew from its locked rows when one of them is no longer the row the demand read
     * (an order cancelled, split by another run, or loaded again by the shop with other lines and
     * amounts since the run began). Such a chunk costs a second plan, and the chunk planned after it
     * usually too, since the projection starts afresh: a price paid only where orders change under
     * a run, as two runs at once make them.
     */
    ChunkInput readAhead(DemandChunks.DemandChunk chunk) {
        Map<String, LockedOrder> orders = chunk.headers();
        List<SplitStore.LineRow> lines = new ArrayList<>();
        chunk.paidLines().values().forEach(lines::addAll);
        return new ChunkInput(chunk.orderNos(), orders, SplitStore.withSkus(lines, skuCatalog),
                resplitStateOf(orders));
    }

    private static List<String> firstSplits(Map<String, LockedOrder> orders) {
        List<String> firstSplits = new ArrayList<>();
        for (LockedOrder o : orders.values()) {
            if (OrderStatus.PAID.name().equals(o.status())) {
                firstSplits.add(o.orderNo());
            }
        }
        return firstSplits;
    }

    /** The re-split state of those of these orders that are neither paid nor closed to the split. */
    ResplitState resplitStateOf(Map<String, LockedOrder> orders) {
        List<String> resplits = orders.values().stream().filter(o -> isResplit(o.status()))
                .map(LockedOrder::orderNo).toList();
        return new ResplitState(store.backordersOf(resplits), store.fulfilmentStatusesOf(resplits),
                store.lastDecisionNo(resplits));
    }

    private static boolean isResplit(String status) {
        return !OrderStatus.PAID.name().equals(status)
                && !OrderStatus.ON_HOLD.name().equals(status)
                && !OrderStatus.CANCELLED.name().equals(status)
                && !OrderStatus.PENDING_PAYMENT.name().equals(status);
    }

    /** Plans every order of the chunk in serving order against the given stock levels. */
    Planned plan(ChunkInput input, Map<StockKey, StockLevel> levels) {
        ChunkStock stock = new ChunkStock(levels);
        SplitStore.ChunkWrites writes = new SplitStore.ChunkWrites(LocalDateTime.now(clock), jobExecutionId,
                splitKeys.getAsLong());
        ResplitState resplits = input.resplits();
        for (String orderNo : input.servingOrder()) {
            LockedOrder order = input.orders().get(orderNo);
            if (order == null) {
                continue;
            }
            if (OrderStatus.PAID.name().equals(order.status())) {
                splitFirstTime(order, input.lines().getOrDefault(orderNo, List.of()), stock, writes);
            } else if (resplits.backorders().containsKey(orderNo)) {
                retryBackorders(order, resplits.backorders().get(orderNo),
                        resplits.existing().getOrDefault(orderNo, List.of()),
                        resplits.lastDecision().getOrDefault(orderNo, 0), stock, writes);
            }
        }
        return new Planned(stock, writes);
    }

    private void splitFirstTime(LockedOrder order, List<PaidOrder.Line> lines, ChunkStock stock,
                                SplitStore.ChunkWrites writes) {
        PaidOrder paid = new PaidOrder(order.orderNo(), order.shipTo(), order.goods(), order.discount(),
                order.shipping(), order.paid(), order.paidAtKnown(), lines);
        stock.beginOrder();
        SplitOutcome outcome;
        try {
            outcome = planner.splitPaidOrder(paid, stock);
        } catch (RuntimeException e) {
            // one order the planner cannot handle is held for a person to look at; the run goes on
            stock.rollbackOrder();
            log.warn("order {} could not be split and is held", order.orderNo(), e);
            outcome = SplitOutcome.held(order.orderNo(), "could not be split: " + e.getMessage());
        }
        if (outcome.held()) {
            writes.hold(order.orderNo(), clip(outcome.holdReason()));
            return;
        }
        record(order, outcome, List.of(), List.of(), 0, writes);
    }

    private void retryBackorders(LockedOrder order, List<OpenLine> open, List<FulfilmentStatus> existing,
                                 int lastDecisionNo, ChunkStock stock, SplitStore.ChunkWrites writes) {
        stock.beginOrder();
        SplitOutcome outcome;
        try {
            outcome = planner.allocate(order.orderNo(), order.shipTo(), open, stock);
        } catch (RuntimeException e) {
            stock.rollbackOrder();
            log.warn("backorders of order {} could not be allocated; left as they are", order.orderNo(), e);
            return;
        }
        if (!outcome.allocatedAnything()) {
            // nothing changed: no writes, so running again over unchanged stock changes nothing
            return;
        }
        record(order, outcome, open, existing, lastDecisionNo, writes);
    }

    private static void record(LockedOrder order, SplitOutcome outcome, List<OpenLine> oldBackorders,
                               Collection<FulfilmentStatus> existing, int lastDecisionNo,
                               SplitStore.ChunkWrites writes) {
        String orderNo = order.orderNo();
        List<FulfilmentStatus> all = new ArrayList<>(existing);
        for (PlannedFulfilment f : outcome.fulfilments()) {
            writes.fulfilment(order, f);
            all.add(FulfilmentStatus.ALLOCATED);
        }
        writes.replaceBackorders(orderNo, oldBackorders, outcome.backorders());
        if (!outcome.decisions().isEmpty()) {
            writes.decisions(order, lastDecisionNo + 1, outcome.decisions());
        }
        OrderStatus status = OrderStatusRollup.derive(all, !outcome.backorders().isEmpty());
        writes.orderStatus(orderNo, status.name());
    }

    private static String clip(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
