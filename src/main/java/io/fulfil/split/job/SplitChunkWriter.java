package io.fulfil.split.job;

import io.fulfil.split.job.PlanAheadReader.PlannedChunk;
import io.fulfil.split.job.SplitStore.LockedOrder;
import io.fulfil.stock.StockCache;
import io.fulfil.stock.StockLedger;
import io.fulfil.support.LogContext;
import io.fulfil.support.SlicedReads;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the chunks of orders (read in serving order), each in a transaction of its own on one of
 * {@code writers} threads, so that on a server with connections to spare the next chunk's statuses and
 * rows are written while the chunk before reserves its stock and commits.
 *
 * <p>Each chunk locks and re-reads its orders and writes the plan the planning thread made for them
 * if it still holds: the orders are unchanged, no earlier chunk was planned again since, and the
 * ledger can still reserve all its stock. Otherwise it plans the chunk again on locked stock rows.
 * Chunks reserve stock and commit strictly in serving order: a chunk writes its orders' statuses and
 * its new rows, then waits until the chunk before has committed, and only then reserves and commits;
 * if the chunk before failed, it rolls back. So scarce stock still goes to the earlier payer, a chunk
 * never commits before the ones before it, and two chunks never wait for each other's locks. Because the orders
 * are locked and re-read, an order that another run split in the meantime is left alone: no order is
 * split twice, no stock allocated twice.
 *
 * <p>Before its transaction a chunk reads its order rows in key-ordered slices at once, without
 * locks ({@code readers} of them, when more than one), so that a server holding the orders on disk has
 * several reads under way and its locks and updates find the rows in memory. Read here, while the
 * chunk before is still being written, rather than when the chunk is planned: of orders not paid in
 * key order each has a page of its own, and by the time the writer came to a chunk read at planning,
 * MariaDB's buffer pool had already let a third of them go (367,562 of 1,000,000 read from disk again
 * under lock, in the writer's own time).
 */
class SplitChunkWriter implements ItemStreamWriter<String> {

    private static final Logger log = LoggerFactory.getLogger(SplitChunkWriter.class);

    private final SplitStore store;
    private final StockLedger stockLedger;
    private final PlanAheadReader planAhead;
    private final SplitChunkHook hook;
    private final TransactionTemplate ownTransaction;
    private final int writers;
    private final int readers;
    private SlicedReads reads;

    private final Deque<ChunkTask> inFlight = new ArrayDeque<>();
    private ExecutorService executor;
    /** The executor's threads, so that close can wait until they have ended, not only their work. */
    private List<Thread> writerThreads = List.of();
    private ChunkTask last;
    /** Taken from the reader on the step's thread: its step-scoped proxy means nothing on a writer thread. */
    private ChunkPlanner planner;
    private StockCache projection;

    SplitChunkWriter(SplitStore store, StockLedger stockLedger, PlanAheadReader planAhead, SplitChunkHook hook,
                     PlatformTransactionManager transactions, int writers, int readers) {
        this.store = store;
        this.stockLedger = stockLedger;
        this.planAhead = planAhead;
        this.hook = hook;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writers = writers;
        this.readers = readers;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        AtomicInteger number = new AtomicInteger();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        writerThreads = threads;
        executor = Executors.newFixedThreadPool(writers, runnable -> {
            Thread thread = new Thread(LogContext.carried(runnable), "split-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        inFlight.clear();
        last = null;
        reads = readers > 1 ? new SlicedReads(readers, "split-reader") : null;
        planAhead.onEndOfInput(this::awaitAll);
        planner = planAhead.planner();
        projection = planAhead.stockCache();
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        List<String> orderNos = new ArrayList<>(chunk.getItems());
        PlannedChunk ahead = planAhead.claim(orderNos);
        while (inFlight.size() >= writers) {
            inFlight.removeFirst().awaitCommitted();
        }
        ChunkTask task = new ChunkTask(orderNos, ahead, last, reads);
        last = task;
        inFlight.addLast(task);
        executor.execute(task);
        if (planAhead.ended()) {
            awaitAll();
        }
    }

    /** Waits until every chunk handed over is committed; throws the first failure. */
    private void awaitAll() {
        while (!inFlight.isEmpty()) {
            inFlight.removeFirst().awaitCommitted();
        }
    }

    @Override
    public void close() throws ItemStreamException {
        if (executor == null) {
            return;
        }
        // chunks still running end on their own: they commit, or roll back when one before them failed
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
                log.warn("split writers still busy after 10 minutes; leaving them to finish");
            } else {
                // the pool counts as terminated while its last thread is still on its way out
                for (Thread thread : writerThreads) {
                    thread.join(TimeUnit.SECONDS.toMillis(10));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        if (reads != null) {
            // a chunk still running after the wait finds it closed: its read ahead fails, is logged, and
            // the chunk goes on without it
            reads.close();
            reads = null;
        }
        inFlight.clear();
        last = null;
    }

    /** Thrown inside a chunk's transaction to roll it back and plan the chunk again on locked rows. */
    private static final class PlanNoLongerHolds extends RuntimeException {
        PlanNoLongerHolds() {
            super(null, null, false, false);
        }
    }

    /** One chunk, written on a writer thread in a transaction of its own. */
    private final class ChunkTask implements Runnable {
        private final List<String> orderNos;
        // both let go once the chunk is done: tasks link to the one before, and a run has thousands
        private PlannedChunk ahead;
        private ChunkTask previous;
        private final CompletableFuture<Void> committed = new CompletableFuture<>();
        /** Reads the chunk's order rows ahead of its locks; null when nothing is read ahead. */
        private final SlicedReads rowReads;

        ChunkTask(List<String> orderNos, PlannedChunk ahead, ChunkTask previous, SlicedReads rowReads) {
            this.orderNos = orderNos;
            this.rowReads = rowReads;
            this.ahead = ahead;
            this.previous = previous;
        }

        @Override
        public void run() {
            try {
                bringRowsIntoMemory();
                try {
                    ownTransaction.executeWithoutResult(this::writeAsPlanned);
                } catch (PlanNoLongerHolds e) {
                    ownTransaction.executeWithoutResult(this::planAgainAndWrite);
                }
                committed.complete(null);
            } catch (Throwable e) {
                committed.completeExceptionally(e);
            } finally {
                ahead = null;
                previous = null;
            }
        }

        /**
         * Brings the chunk's order rows into the server's memory. Only that: a failure here fails
         * nothing, since the chunk's transaction reads the rows itself (and meets any real trouble).
         */
        private void bringRowsIntoMemory() {
            if (rowReads == null) {
                return;
            }
            try {
                rowReads.each(orderNos, store::touchOrders);
            } catch (RuntimeException e) {
                log.warn("reading the chunk's orders ahead failed, the chunk goes on without: {}", e.toString());
            }
        }

        /** Waits until this chunk is committed; throws its failure (or that of a chunk before it). */
        void awaitCommitted() {
            try {
                committed.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        private void awaitPrevious() {
            if (previous != null) {
                previous.awaitCommitted();
            }
        }

        private void writeAsPlanned(TransactionStatus status) {
            hook.chunkStarting(orderNos);
            Map<String, LockedOrder> locked = store.lockOrders(orderNos);
            if (!stillHolds(locked)) {
                throw new PlanNoLongerHolds();
            }
            // the statuses first, while the locked rows' pages are surely in the server's memory; and
            // before the wait below, in which the chunk before may push them out of it
            store.write(ahead.planned().writes());
            // stock is reserved, and chunks commit, in serving order
            awaitPrevious();
            if (ahead.epoch() != projection.epoch()
                    || !stockLedger.tryReserve(ahead.planned().stock().reservations())) {
                throw new PlanNoLongerHolds();
            }
            // the projection counted this chunk's plan; if the chunk does not commit, that never happened
            projection.invalidateUnlessCommitted();
            hook.chunkWritten(orderNos);
        }

        /**
         * Another run took stock or orders since the plan was made, or an earlier chunk was planned
         * again: plan on the current rows, locked so that nobody takes them before the chunk commits,
         * and start a new projection, since the old one counted this chunk's plan.
         */
        private void planAgainAndWrite(TransactionStatus status) {
            awaitPrevious();
            projection.invalidate();
            projection.invalidateUnlessCommitted();
            Map<String, LockedOrder> locked = store.lockOrders(orderNos);
            ChunkPlanner.ChunkInput input = planner.read(orderNos, locked);
            ChunkPlanner.Planned planned = planner.plan(input, stockLedger.lockSkus(input.skus()));
            stockLedger.reserve(planned.stock().reservations());
            store.write(planned.writes());
            hook.chunkWritten(orderNos);
        }

        /**
         * Whether the plan made ahead, without locks, is the one that would be made now on locked rows.
         * Not when stock was made available since it was planned (a count, a release): the plan would
         * still reserve fine, but leave on backorder what is now on the shelf.
         */
        private boolean stillHolds(Map<String, LockedOrder> locked) {
            return ahead != null && ahead.counted() && ahead.epoch() == projection.epoch()
                    && ahead.raised() == stockLedger.raisedVersion()
                    && ahead.input().orders().equals(locked)
                    && ahead.input().resplits().equals(planner.resplitStateOf(locked));
        }
    }
}
