package io.fulfil.split.job;

import io.fulfil.stock.StockCache;
import io.fulfil.support.LogContext;
import io.fulfil.support.SlicedReads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The split step's reader and the first stage of its two-stage pipeline. A planning thread reads the
 * demand in serving order, cuts it into chunks of the step's size, reads each chunk's orders and
 * lines (without locks) and plans it against the run's stock projection, while the step's own thread
 * locks and writes the chunk before. The step therefore uses both cores of a small machine, and on
 * MySQL two server threads, instead of waiting for one statement after another.
 *
 * <p>The reader hands out the planned chunks' order numbers one by one, so the step's chunks are the
 * planned ones; {@link SplitChunkWriter} {@linkplain #claim claims} each chunk's plan and writes it
 * only if it still holds under lock. Planning stays strictly in serving order (one thread, chunk
 * after chunk), so scarce stock still goes to the earlier payer.
 */
public class PlanAheadReader implements ItemStreamReader<String> {

    private static final Logger log = LoggerFactory.getLogger(PlanAheadReader.class);

    /**
     * A chunk of the demand with its plan, made on a projection of the given epoch, read when the
     * ledger's raise counter stood at {@code raised}.
     */
    record PlannedChunk(List<String> orderNos, ChunkPlanner.ChunkInput input, ChunkPlanner.Planned planned,
                        long epoch, long raised, boolean counted) {
    }

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    /** Thrown inside the planning thread to leave the demand query when the step closes the reader. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final JdbcTemplate demand;
    private final ChunkPlanner planner;
    private final StockCache stockCache;
    private final int chunkSize;
    private final int readers;
    private SlicedReads reads;
    /** The query of the demand this run serves ({@link SplitDemand}). */
    private final String demandSql;

    /** One planned chunk waits here while the writer writes the one before and the next is planned. */
    private final BlockingQueue<Object> handOff = new ArrayBlockingQueue<>(1);
    /** The chunk whose order numbers were handed out and whose plan the writer has not claimed yet. */
    private PlannedChunk unclaimed;
    private volatile boolean stopped;
    private Thread planning;
    private PlannedChunk current;
    private int next;
    private boolean ended;
    private Runnable endOfInput = () -> {
    };

    PlanAheadReader(JdbcTemplate demand, ChunkPlanner planner, StockCache stockCache, int chunkSize) {
        this(demand, planner, stockCache, chunkSize, SplitDemand.ALL, 1);
    }

    /**
     * @param readers key-ordered slices of a chunk's orders read at once ({@link SlicedReads}), each
     *                on a connection of its own
     */
    PlanAheadReader(JdbcTemplate demand, ChunkPlanner planner, StockCache stockCache, int chunkSize,
                    SplitDemand demandServed, int readers) {
        this.demandSql = demandServed.selectSql;
        this.demand = demand;
        this.planner = planner;
        this.stockCache = stockCache;
        this.chunkSize = chunkSize;
        this.readers = readers;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        stopped = false;
        reads = new SlicedReads(readers, "split-reader");
        planning = new Thread(LogContext.carried(this::planAll), "split-planning");
        planning.setDaemon(true);
        planning.start();
    }

    @Override
    public String read() throws Exception {
        while (current == null || next == current.orderNos().size()) {
            if (ended) {
                return null;
            }
            Object item = handOff.take();
            if (item == END) {
                ended = true;
                // the step ends here: whatever is still being written must be written first
                endOfInput.run();
                return null;
            }
            if (item instanceof Failure failure) {
                ended = true;
                throw new IllegalStateException("planning the split failed: " + failure.cause().getMessage(),
                        failure.cause());
            }
            current = (PlannedChunk) item;
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
        stopped = true;
        Thread thread = planning;
        planning = null;
        if (thread != null) {
            try {
                // not interrupted: an interrupt inside H2's file I/O would close the database file
                thread.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("the split's planning thread has not stopped; it ends with its current query");
            }
        }
        handOff.clear();
        unclaimed = null;
        current = null;
        if (reads != null) {
            // lets a slice still being read finish; a planning thread still alive ends with its query
            reads.close();
            reads = null;
        }
    }

    private void planAll() {
        try {
            List<String> batch = new ArrayList<>(chunkSize);
            demand.query(demandSql, (RowCallbackHandler) rs -> {
                batch.add(rs.getString(1));
                if (batch.size() == chunkSize) {
                    pass(plan(List.copyOf(batch)));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                pass(plan(List.copyOf(batch)));
            }
            pass(END);
        } catch (Stopped e) {
            // the step closed the reader: nobody waits for more
        } catch (Throwable e) {
            try {
                pass(new Failure(e));
            } catch (Stopped stopped) {
                log.warn("planning the split failed after the step stopped", e);
            }
        }
    }

    private PlannedChunk plan(List<String> orderNos) {
        ChunkPlanner.ChunkInput input = planner.readAhead(orderNos, reads);
        StockCache.View view = stockCache.levelsOf(input.skus());
        ChunkPlanner.Planned planned = planner.plan(input, view.levels());
        boolean counted = stockCache.reserve(view.epoch(), planned.stock().reservations());
        return new PlannedChunk(orderNos, input, planned, view.epoch(), view.raised(), counted);
    }

    private void pass(Object item) {
        try {
            while (!handOff.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }
}
