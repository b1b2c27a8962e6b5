package io.fulfil.split.job;

import io.fulfil.stock.StockCache;
import io.fulfil.support.WorkAhead;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The split step's reader and the first stage of its two-stage pipeline. A planning thread reads the
 * demand in serving order with its orders' lines ({@link SplittableOrders}), cuts it into chunks of
 * the step's size ({@link DemandChunks}) and plans each chunk from the rows as the demand read them,
 * against the run's stock projection, while the step's own thread locks and writes the chunk before.
 * The step therefore uses both cores of a small machine, and on MySQL two server threads, instead of
 * waiting for one statement after another.
 *
 * <p>The reader hands out the planned chunks' order numbers one by one, so the step's chunks are the
 * planned ones; {@link SplitChunkWriter} {@linkplain #claim claims} each chunk's plan and writes it
 * only if it still holds under lock. Planning stays strictly in serving order (one thread, chunk
 * after chunk), so scarce stock still goes to the earlier payer.
 */
public class PlanAheadReader implements ItemStreamReader<String> {

    /**
     * A chunk of the demand with its plan, made on a projection of the given epoch, read when the
     * ledger's raise counter stood at {@code raised}.
     */
    record PlannedChunk(List<String> orderNos, ChunkPlanner.ChunkInput input, ChunkPlanner.Planned planned,
                        long epoch, long raised, boolean counted) {
    }

    private final JdbcTemplate demand;
    private final ChunkPlanner planner;
    private final StockCache stockCache;
    private final int chunkSize;
    /** The query of the demand this run serves ({@link SplitDemand}). */
    private final String demandSql;

    /** One planned chunk waits in it while the writer writes the one before and the next is planned. */
    private WorkAhead<PlannedChunk> planning;
    /** The chunk whose order numbers were handed out and whose plan the writer has not claimed yet. */
    private PlannedChunk unclaimed;
    private PlannedChunk current;
    private int next;
    private boolean ended;
    private Runnable endOfInput = () -> {
    };

    PlanAheadReader(JdbcTemplate demand, ChunkPlanner planner, StockCache stockCache, int chunkSize) {
        this(demand, planner, stockCache, chunkSize, SplitDemand.ALL);
    }

    PlanAheadReader(JdbcTemplate demand, ChunkPlanner planner, StockCache stockCache, int chunkSize,
                    SplitDemand demandServed) {
        this.demandSql = demandServed.selectSql;
        this.demand = demand;
        this.planner = planner;
        this.stockCache = stockCache;
        this.chunkSize = chunkSize;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        ended = false;
        current = null;
        planning = WorkAhead.start("split-planning", 1, this::planAll);
    }

    @Override
    public String read() throws Exception {
        while (current == null || next == current.orderNos().size()) {
            if (ended) {
                return null;
            }
            PlannedChunk chunk;
            try {
                chunk = planning.take();
            } catch (InterruptedException e) {
                // the step's own thread was interrupted (a stop), not the planning
                throw e;
            } catch (Exception | Error e) {
                ended = true;
                throw new IllegalStateException("planning the split failed: " + e.getMessage(), e);
            }
            if (chunk == null) {
                ended = true;
                // the step ends here: whatever is still being written must be written first
                endOfInput.run();
                return null;
            }
            current = chunk;
            next = 0;
            unclaimed = current;
        }
        return current.orderNos().get(next++);
    }

    /** Runs the given action when the demand is exhausted, before the step is told so. */
    public void onEndOfInput(Runnable action) {
        this.endOfInput = action;
    }

    /** Whether the demand is exhausted: the chunk being written is the last. */
    public boolean ended() {
        return ended;
    }

    /**
     * The plan of the chunk the writer is about to write, or null when its orders are not those of
     * the next planned chunk (then the writer plans them itself, on locked rows).
     */
    PlannedChunk claim(List<String> orderNos) {
        PlannedChunk planned = unclaimed;
        unclaimed = null;
        return planned != null && planned.orderNos().equals(orderNos) ? planned : null;
    }

    /** The planner this step's writer shares with the planning thread, for chunks it plans again. */
    public ChunkPlanner planner() {
        return planner;
    }

    /** The stock projection the planning thread plans against; the writer invalidates it. */
    public StockCache stockCache() {
        return stockCache;
    }

    @Override
    public void close() throws ItemStreamException {
        WorkAhead<PlannedChunk> stopping = planning;
        planning = null;
        unclaimed = null;
        current = null;
        if (stopping != null) {
            // nothing to release after it: the demand's query ends with the planning thread's work
            stopping.stop(() -> {
            });
        }
    }

    /** Reads the demand in serving order and passes it on chunk by chunk, each with its plan. */
    private void planAll(Consumer<PlannedChunk> out) {
        DemandChunks chunks = new DemandChunks(chunkSize, chunk -> out.accept(plan(chunk)));
        demand.query(demandSql, (RowCallbackHandler) rs -> {
            String orderNo = rs.getString(1);
            if (!chunks.continues(orderNo)) {
                chunks.order(SplitStore.headerAt(rs));
            }
            chunks.line(SplitStore.lineAt(rs, orderNo, SplitStore.HEADER_COLUMN_COUNT + 1));
        });
        chunks.end();
    }

    private PlannedChunk plan(DemandChunks.DemandChunk chunk) {
        ChunkPlanner.ChunkInput input = planner.readAhead(chunk);
        StockCache.View view = stockCache.levelsOf(input.skus());
        ChunkPlanner.Planned planned = planner.plan(input, view.levels());
        boolean counted = stockCache.reserve(view.epoch(), planned.stock().reservations());
        return new PlannedChunk(chunk.orderNos(), input, planned, view.epoch(), view.raised(), counted);
    }
}
