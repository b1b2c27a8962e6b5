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
import io.fulfil.stock.StockCache;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLedger;
import io.fulfil.stock.StockLevel;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Splits one chunk of orders (read in serving order) inside the chunk's transaction: locks and
 * re-reads the orders, plans every order in serving order against the stock levels this run knows,
 * reserves the stock only where it is still available (or plans again on locked rows when another
 * run took some of it), and writes the result in batches. Because the orders are locked and
 * re-read, an order that another run has split in the meantime is left alone: no order is split
 * twice, no stock allocated twice.
 */
class SplitChunkWriter implements ItemWriter<String> {

    private static final Logger log = LoggerFactory.getLogger(SplitChunkWriter.class);

    private final SplitStore store;
    private final StockLedger stockLedger;
    private final StockCache stockCache;
    private final SplitPlanner planner;
    private final SplitChunkHook hook;
    private final SkuCatalog skuCatalog;
    private final Clock clock;
    private final Long jobExecutionId;

    SplitChunkWriter(SplitStore store, StockLedger stockLedger, StockCache stockCache, SplitPlanner planner,
                     SplitChunkHook hook, SkuCatalog skuCatalog, Clock clock, Long jobExecutionId) {
        this.store = store;
        this.stockLedger = stockLedger;
        this.stockCache = stockCache;
        this.planner = planner;
        this.hook = hook;
        this.skuCatalog = skuCatalog;
        this.clock = clock;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        List<String> servingOrder = new ArrayList<>(chunk.getItems());
        hook.chunkStarting(servingOrder);
        ChunkInput input = read(servingOrder);
        Set<String> skus = input.skus();
        Planned planned = plan(input, stockCache.levelsOf(skus));
        if (!stockLedger.tryReserve(planned.stock().reservations())) {
            // another run allocated some of this stock since this run last saw it: plan again on
            // the current rows, locked so that nobody takes them before the chunk commits
            Map<StockKey, StockLevel> locked = stockLedger.lockSkus(skus);
            stockCache.remember(skus, locked);
            planned = plan(input, locked);
            stockLedger.reserve(planned.stock().reservations());
        }
        store.write(planned.writes());
        stockCache.afterCompletion(skus, planned.stock().reservations());
        hook.chunkWritten(servingOrder);
    }

    /** What a chunk plans from: its orders under lock, and what they still need. */
    private record ChunkInput(List<String> servingOrder, Map<String, LockedOrder> locked,
                              Map<String, List<PaidOrder.Line>> lines, Map<String, List<OpenLine>> backorders,
                              Map<String, List<FulfilmentStatus>> existing, Map<String, Integer> lastDecision) {

        Set<String> skus() {
            Set<String> skus = new HashSet<>();
            lines.values().forEach(ls -> ls.forEach(l -> skus.add(l.skuCode())));
            backorders.values().forEach(bs -> bs.forEach(b -> skus.add(b.skuCode())));
            return skus;
        }
    }

    private record Planned(ChunkStock stock, SplitStore.ChunkWrites writes) {
    }

    private ChunkInput read(List<String> servingOrder) {
        Map<String, LockedOrder> locked = store.lockOrders(servingOrder);
        List<String> firstSplits = new ArrayList<>();
        List<String> resplits = new ArrayList<>();
        for (LockedOrder o : locked.values()) {
            if (OrderStatus.PAID.name().equals(o.status())) {
                firstSplits.add(o.orderNo());
            } else if (!OrderStatus.ON_HOLD.name().equals(o.status())
                    && !OrderStatus.CANCELLED.name().equals(o.status())
                    && !OrderStatus.PENDING_PAYMENT.name().equals(o.status())) {
                resplits.add(o.orderNo());
            }
        }
        return new ChunkInput(servingOrder, locked, store.linesOf(firstSplits, skuCatalog),
                store.backordersOf(resplits), store.fulfilmentStatusesOf(resplits), store.lastDecisionNo(resplits));
    }

    /** Plans every order of the chunk in serving order against the given stock levels. */
    private Planned plan(ChunkInput input, Map<StockKey, StockLevel> levels) {
        ChunkStock stock = new ChunkStock(levels);
        SplitStore.ChunkWrites writes = new SplitStore.ChunkWrites(LocalDateTime.now(clock), jobExecutionId);
        for (String orderNo : input.servingOrder()) {
            LockedOrder order = input.locked().get(orderNo);
            if (order == null) {
                continue;
            }
            if (OrderStatus.PAID.name().equals(order.status())) {
                splitFirstTime(order, input.lines().getOrDefault(orderNo, List.of()), stock, writes);
            } else if (input.backorders().containsKey(orderNo)) {
                retryBackorders(order, input.backorders().get(orderNo),
                        input.existing().getOrDefault(orderNo, List.of()),
                        input.lastDecision().getOrDefault(orderNo, 0), stock, writes);
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
        record(order.orderNo(), outcome, List.of(), List.of(), 0, writes);
    }

    private void retryBackorders(LockedOrder order, List<OpenLine> open, List<FulfilmentStatus> existing,
                                 int lastDecisionNo, ChunkStock stock, SplitStore.ChunkWrites writes) {
        stock.beginOrder();
        SplitOutcome outcome;
        try {
            outcome = planner.allocate(order.orderNo(), order.shipTo(), open, stock, existing.size() + 1);
        } catch (RuntimeException e) {
            stock.rollbackOrder();
            log.warn("backorders of order {} could not be allocated; left as they are", order.orderNo(), e);
            return;
        }
        if (!outcome.allocatedAnything()) {
            // nothing changed: no writes, so running again over unchanged stock changes nothing
            return;
        }
        record(order.orderNo(), outcome, open, existing, lastDecisionNo, writes);
    }

    private void record(String orderNo, SplitOutcome outcome, List<OpenLine> oldBackorders,
                        List<FulfilmentStatus> existing, int lastDecisionNo, SplitStore.ChunkWrites writes) {
        List<FulfilmentStatus> all = new ArrayList<>(existing);
        for (PlannedFulfilment f : outcome.fulfilments()) {
            writes.fulfilment(orderNo, f);
            all.add(FulfilmentStatus.ALLOCATED);
        }
        writes.replaceBackorders(orderNo, oldBackorders, outcome.backorders());
        if (!outcome.decisions().isEmpty()) {
            writes.decisions(orderNo, lastDecisionNo + 1, outcome.decisions());
        }
        OrderStatus status = OrderStatusRollup.derive(all, !outcome.backorders().isEmpty());
        writes.orderStatus(orderNo, status.name());
    }

    private static String clip(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
