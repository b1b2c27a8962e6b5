package io.fulfil.ops;

import io.fulfil.support.LogContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a chunk-oriented step's items on a thread of its own, a bounded number ahead of the step, so
 * the step's thread writes one chunk while the next is read and prepared: on two cores the reading
 * side (a cursor's rows mapped, items assembled from them) and the writing side (statements sent, the
 * database's work on them) run at once instead of taking turns.
 *
 * <p>The source is opened on the step's thread, so a query that fails fails the step at once as
 * before; from then on only the read-ahead thread reads it. It is closed on the step's thread once
 * that thread has stopped, or, if it has not stopped when the step closes the reader, by that thread
 * itself when it does, so two threads never use the source at once. The items come out in the
 * source's order, so a chunk holds the same items as without the read-ahead.
 *
 * <p>For a step that is not fault tolerant only (a failed read ends the items: nothing is read after
 * it), and for a source that keeps no restart position of its own (a restarted step reads again from
 * the database what is still to do): items read ahead of the last commit are in no saved state, and
 * {@link #update} saves nothing.
 */
public final class ReadAheadReader<T> implements ItemStreamReader<T> {

    private static final Logger log = LoggerFactory.getLogger(ReadAheadReader.class);

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    /** Thrown inside the read-ahead thread to leave the source when the step closes the reader. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final ItemStreamReader<? extends T> source;
    private final String threadName;
    private final int capacity;
    /** This opening's queue, stop flag and thread: a thread left from an earlier opening feeds only its own. */
    private BlockingQueue<Object> ahead;
    private Run run;
    private boolean ended;

    /** What one opening's read-ahead thread shares with the step's thread. */
    private static final class Run {
        volatile boolean stopped;
        /** Set under the lock: the thread has left the source; or the step left the closing to it. */
        boolean finished;
        boolean closeWhenFinished;
        Thread thread;
    }

    /**
     * @param source     the reader read ahead of the step
     * @param capacity   items queued at most (with one more held by the thread until there is room:
     *                   the memory bound, since each is held until the step takes it)
     * @param threadName the read-ahead thread's name, for thread dumps and the debug log
     */
    public ReadAheadReader(ItemStreamReader<? extends T> source, int capacity, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("read-ahead capacity must be at least 1, is " + capacity);
        }
        this.source = source;
        this.threadName = threadName;
        this.capacity = capacity;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        source.open(executionContext);
        ended = false;
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(capacity);
        Run current = new Run();
        ahead = queue;
        run = current;
        current.thread = new Thread(LogContext.carried(() -> readAll(queue, current)), threadName);
        current.thread.setDaemon(true);
        current.thread.start();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read() throws Exception {
        if (ended) {
            return null;
        }
        Object item = ahead.poll(1, TimeUnit.SECONDS);
        while (item == null) {
            if (!run.thread.isAlive()) {
                // it always queues END or a failure before it ends; this is the last look
                item = ahead.poll();
                if (item == null) {
                    ended = true;
                    throw new IllegalStateException(threadName + " ended without handing over its items");
                }
            } else {
                item = ahead.poll(1, TimeUnit.SECONDS);
            }
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure failure) {
            ended = true;
            if (failure.cause() instanceof Exception e) {
                throw e;
            }
            if (failure.cause() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failure.cause());
        }
        return (T) item;
    }

    /** Saves nothing: the source keeps no position (see the class comment). */
    @Override
    public void update(ExecutionContext executionContext) {
    }

    @Override
    public void close() throws ItemStreamException {
        Run current = run;
        run = null;
        if (current == null) {
            source.close();
            return;
        }
        current.stopped = true;
        boolean interrupted = false;
        try {
            // not interrupted: an interrupt inside H2's file I/O would close the database file
            current.thread.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        boolean closeHere;
        synchronized (current) {
            closeHere = current.finished;
            current.closeWhenFinished = !closeHere;
        }
        ahead.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (closeHere) {
            source.close();
        } else {
            log.warn("{} is still reading ({}); it closes its source when its current read returns", threadName,
                    interrupted ? "the step was interrupted while waiting for it" : "after two minutes");
        }
    }

    private void readAll(BlockingQueue<Object> queue, Run current) {
        try {
            for (T item = source.read(); item != null; item = source.read()) {
                pass(queue, current, item);
            }
            pass(queue, current, END);
        } catch (Stopped e) {
            // the step closed the reader: nobody waits for more
        } catch (Throwable e) {
            try {
                pass(queue, current, new Failure(e));
            } catch (Stopped stopped) {
                log.warn("{} failed after the step stopped", threadName, e);
            }
        } finally {
            boolean closeHere;
            synchronized (current) {
                current.finished = true;
                closeHere = current.closeWhenFinished;
            }
            if (closeHere) {
                source.close();
            }
        }
    }

    /**
     * Queues the item once there is room, unless the step has stopped. An interrupt stops nothing and is
     * not kept: the thread is this reader's own, only the stop flag ends it, and an interrupt left set
     * would make H2 close its database file at the source's next read.
     */
    private static void pass(BlockingQueue<Object> queue, Run current, Object item) {
        while (true) {
            if (current.stopped) {
                throw new Stopped();
            }
            try {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // see above
            }
        }
    }
}
