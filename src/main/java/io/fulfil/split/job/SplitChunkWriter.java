package io.fulfil.split.job;

import io.fulfil.split.job.PlanAheadReader.PlannedChunk;
import io.fulfil.split.job.SplitStore.LockedOrder;
import io.fulfil.stock.StockCache;
import io.fulfil.stock.StockLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes one chunk of orders (read in serving order) inside the chunk's transaction: locks and
 * re-reads the orders, and writes the plan the planning thread made for them if it still holds, that
 * is if the orders are unchanged, no earlier chunk was planned again since, and the ledger can still
 * reserve all its stock. Otherwise it plans the chunk again on locked stock rows. Because the orders
 * are locked and re-read, an order that another run has split in the meantime is left alone: no
 * order is split twice, no stock allocated twice.
 */
class SplitChunkWriter implements ItemWriter<String> {

    private final SplitStore store;
    private final StockLedger stockLedger;
    private final PlanAheadReader planAhead;
    private final SplitChunkHook hook;

    SplitChunkWriter(SplitStore store, StockLedger stockLedger, PlanAheadReader planAhead, SplitChunkHook hook) {
        this.store = store;
        this.stockLedger = stockLedger;
        this.planAhead = planAhead;
        this.hook = hook;
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        List<String> servingOrder = new ArrayList<>(chunk.getItems());
        hook.chunkStarting(servingOrder);
        ChunkPlanner planner = planAhead.planner();
        StockCache projection = planAhead.stockCache();
        PlannedChunk ahead = planAhead.claim(servingOrder);
        Map<String, LockedOrder> locked = store.lockOrders(servingOrder);
        // the projection counted this chunk's plan; if the chunk does not commit, that never happened
        projection.invalidateUnlessCommitted();
        ChunkPlanner.Planned planned;
        if (stillHolds(ahead, locked, planner, projection)
                && stockLedger.tryReserve(ahead.planned().stock().reservations())) {
            planned = ahead.planned();
        } else {
            // another run took stock or orders since the plan was made, or an earlier chunk was
            // planned again: plan on the current rows, locked so that nobody takes them before the
            // chunk commits, and start a new projection, since the old one counted this plan
            projection.invalidate();
            ChunkPlanner.ChunkInput input = planner.read(servingOrder, locked);
            planned = planner.plan(input, stockLedger.lockSkus(input.skus()));
            stockLedger.reserve(planned.stock().reservations());
        }
        store.write(planned.writes());
        hook.chunkWritten(servingOrder);
    }

    /** Whether a plan made ahead, without locks, is the one that would be made now on locked rows. */
    private static boolean stillHolds(PlannedChunk ahead, Map<String, LockedOrder> locked, ChunkPlanner planner,
                                      StockCache projection) {
        return ahead != null && ahead.counted() && ahead.epoch() == projection.epoch()
                && ahead.input().orders().equals(locked)
                && ahead.input().resplits().equals(planner.resplitStateOf(locked));
    }
}
