package io.fulfil.cancel;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.fulfilment.OrderHistory;
import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.fulfilment.ParentOrders;
import io.fulfil.picking.wave.WaveProgress;
import io.fulfil.stock.StockLedger;
import io.fulfil.stock.StockMovement;
import io.fulfil.support.KeyLists;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Compensates orders the shop cancelled after their split (CONTRACT §9), by stage, in the caller's
 * transaction: fulfilment orders still in the warehouse (ALLOCATED, WAVED, PICKED) become CANCELLED,
 * their stock is released through the ledger ({@code allocated} down, the goods are back in their
 * bins) and they leave their waves, whose pick lists are then written again; a parcel a carrier
 * already has cannot be stopped by us, so an intercept request is recorded for operators and the
 * parcel stays tracked; the order's backorders are deleted. Every step is recorded for {@code explain}.
 * Idempotent: what is done is not done again.
 */
@Service
public class Cancellations {

    /** What a chunk did. */
    public record Outcome(int cancelled, int interceptRequests, int backordersDeleted, Set<String> waves) {
    }

    private final CancelStore store;
    private final io.fulfil.stock.HeldUnits heldUnits;
    private final ParentOrders parentOrders;
    private final FulfilmentOrders fulfilmentOrders;
    private final StockLedger stockLedger;
    private final WaveProgress waves;
    private final OrderHistory history;
    private final KeyLists keyLists;
    private final Clock clock;

    Cancellations(CancelStore store, io.fulfil.stock.HeldUnits heldUnits, ParentOrders parentOrders, FulfilmentOrders fulfilmentOrders,
                  StockLedger stockLedger, WaveProgress waves, OrderHistory history, KeyLists keyLists, Clock clock) {
        this.store = store;
        this.heldUnits = heldUnits;
        this.parentOrders = parentOrders;
        this.fulfilmentOrders = fulfilmentOrders;
        this.stockLedger = stockLedger;
        this.waves = waves;
        this.history = history;
        this.keyLists = keyLists;
        this.clock = clock;
    }

    /** The next cancelled orders with something left to compensate, after {@code after} in key order. */
    public List<String> pending(String after, int limit) {
        return store.pending(after, limit);
    }

    public Outcome compensate(List<String> orderNos, long jobExecutionId) {
        Set<String> cancelled = new TreeSet<>();
        parentOrders.lock(orderNos).forEach((no, status) -> {
            if (status == OrderStatus.CANCELLED) {
                cancelled.add(no);
            }
        });
        if (cancelled.isEmpty()) {
            return new Outcome(0, 0, 0, Set.of());
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String actor = "cancel run " + jobExecutionId;
        List<CancelStore.Part> parts = store.parts(cancelled);
        Map<String, FulfilmentOrders.Current> locked = new HashMap<>();
        for (List<String> slice : keyLists.slices(parts.stream().map(CancelStore.Part::fulfilmentNo).toList())) {
            locked.putAll(fulfilmentOrders.lock(slice));
        }
        List<OrderHistory.Entry> steps = new ArrayList<>();

        // in the warehouse: cancel, release the stock, leave the wave
        List<FulfilmentOrders.Current> toCancel = locked.values().stream()
                .filter(fo -> FulfilmentStatus.HOLDING_STOCK.contains(fo.status()))
                .sorted(java.util.Comparator.comparing(FulfilmentOrders.Current::fulfilmentNo)).toList();
        Map<String, String> warehouses = new HashMap<>();
        toCancel.forEach(fo -> warehouses.put(fo.fulfilmentNo(), fo.warehouseCode()));
        var units = heldUnits.of(warehouses);
        List<StockMovement> releases = new ArrayList<>();
        Set<String> leftWaves = new TreeSet<>();
        for (FulfilmentOrders.Current fo : toCancel) {
            Map<io.fulfil.stock.StockKey, Integer> held = units.getOrDefault(fo.fulfilmentNo(), Map.of());
            held.forEach((stock, qty) -> releases.add(StockMovement.release(stock, qty, fo.fulfilmentNo(),
                    fo.orderNo(), "order cancelled", actor, now)));
            String unitsText = held.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey().skuCode())
                    .collect(Collectors.joining(", "));
            String waveText = "";
            if (fo.waveNo() != null) {
                leftWaves.add(fo.waveNo());
                waveText = "; it left wave " + fo.waveNo() + ", whose pick list is written again without it";
            }
            steps.add(new OrderHistory.Entry(fo.orderNo(), fo.fulfilmentNo(), "CANCELLED",
                    "fulfilment order " + fo.fulfilmentNo() + " was " + fo.status() + " in " + fo.warehouseCode()
                            + ": cancelled, stock released to the shelf (" + unitsText + ")" + waveText));
        }
        fulfilmentOrders.move(toCancel, FulfilmentStatus.CANCELLED);
        fulfilmentOrders.leaveWaves(toCancel.stream().map(FulfilmentOrders.Current::fulfilmentNo).toList());
        stockLedger.apply(releases, jobExecutionId);
        waves.markStale(leftWaves);
        waves.completeWaves(leftWaves, now);

        // with a carrier: too late for us, ask the carrier to intercept
        Set<String> withCarrier = new TreeSet<>();
        locked.values().forEach(fo -> {
            if (CancelStore.INTERCEPTABLE.contains(fo.status())) {
                withCarrier.add(fo.fulfilmentNo());
            }
        });
        withCarrier.removeAll(store.intercepted(withCarrier));
        List<CancelStore.Part> intercepts = parts.stream().filter(p -> withCarrier.contains(p.fulfilmentNo()))
                .sorted(java.util.Comparator.comparing(CancelStore.Part::fulfilmentNo)).toList();
        store.requestIntercepts(intercepts, now, jobExecutionId);
        for (CancelStore.Part p : intercepts) {
            steps.add(new OrderHistory.Entry(p.orderNo(), p.fulfilmentNo(), "INTERCEPT",
                    "parcel " + p.carrierCode() + " " + p.trackingNo() + " of " + p.fulfilmentNo() + " is "
                            + locked.get(p.fulfilmentNo()).status() + " with its carrier: intercept requested"
                            + " (report intercepts); it is still tracked"));
        }

        // what was never allocated: nothing to wait for any more
        List<CancelStore.Backorder> backorders = store.deleteBackorders(cancelled);
        for (CancelStore.Backorder b : backorders) {
            steps.add(new OrderHistory.Entry(b.orderNo(), null, "BACKORDER_DELETED", "backorder of line "
                    + b.orderLineNo() + " (" + b.quantity() + " × " + b.skuCode() + ") deleted"));
        }
        history.record(steps, now, jobExecutionId);
        return new Outcome(toCancel.size(), intercepts.size(), backorders.size(), leftWaves);
    }
}
