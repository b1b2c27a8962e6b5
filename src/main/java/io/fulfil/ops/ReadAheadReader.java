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
 * before; from then on only the read-ahead thread reads it, and it is closed on the step's thread
 * once that thread has stopped. The items come out in the source's order, so a chunk holds the same
 * items as without the read-ahead. The source must keep no restart position of its own (a restarted
 * step reads again from the database what is still to do): items read ahead of the last commit are
 * not in any saved state, and {@link #update} saves nothing.
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
    private final BlockingQueue<Object> ahead;
    private volatile boolean stopped;
    private Thread reading;
    private boolean ended;

    /**
     * @param source     the reader read ahead of the step
     * @param capacity   items held ready at most (the memory bound: each is held until the step takes it)
     * @param threadName the read-ahead thread's name, for thread dumps and the debug log
     */
    public ReadAheadReader(ItemStreamReader<? extends T> source, int capacity, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("read-ahead capacity must be at least 1, is " + capacity);
        }
        this.source = source;
        this.threadName = threadName;
        this.ahead = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        source.open(executionContext);
        stopped = false;
        ended = false;
        ahead.clear();
        reading = new Thread(LogContext.carried(this::readAll), threadName);
        reading.setDaemon(true);
        reading.start();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read() throws Exception {
        if (ended) {
            return null;
        }
        Object item = ahead.take();
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
        stopped = true;
        Thread thread = reading;
        reading = null;
        if (thread != null) {
            try {
                // not interrupted: an interrupt inside H2's file I/O would close the database file
                thread.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} has not stopped after two minutes; closing its source under it", threadName);
            }
        }
        ahead.clear();
        source.close();
    }

    private void readAll() {
        try {
            for (T item = source.read(); item != null; item = source.read()) {
                pass(item);
            }
            pass(END);
        } catch (Stopped e) {
            // the step closed the reader: nobody waits for more
        } catch (Throwable e) {
            try {
                pass(new Failure(e));
            } catch (Stopped stopped) {
                log.warn("{} failed after the step stopped", threadName, e);
            }
        }
    }

    private void pass(Object item) {
        if (stopped) {
            throw new Stopped();
        }
        try {
            while (!ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
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
