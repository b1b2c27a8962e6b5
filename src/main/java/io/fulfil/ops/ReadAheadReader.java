package io.fulfil.ops;

import io.fulfil.support.WorkAhead;
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
 * source's order, so a chunk holds the same items as without the read-ahead. The hand-off between the
 * two threads is {@link WorkAhead}'s.
 *
 * <p>For a step that is not fault tolerant only (a failed read ends the items: nothing is read after
 * it), and for a source that keeps no restart position of its own (a restarted step reads again from
 * the database what is still to do): items read ahead of the last commit are in no saved state, and
 * {@link #update} saves nothing.
 */
public final class ReadAheadReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<? extends T> source;
    private final String threadName;
    private final int capacity;
    /** This opening's read-ahead: one left from an earlier opening feeds only its own queue. */
    private WorkAhead<T> ahead;

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
        ahead = WorkAhead.start(threadName, capacity, out -> {
            for (T item = source.read(); item != null; item = source.read()) {
                out.accept(item);
            }
        });
    }

    @Override
    public T read() throws Exception {
        return ahead.take();
    }

    /** Saves nothing: the source keeps no position (see the class comment). */
    @Override
    public void update(ExecutionContext executionContext) {
    }

    @Override
    public void close() throws ItemStreamException {
        WorkAhead<T> current = ahead;
        ahead = null;
        if (current == null) {
            source.close();
        } else {
            current.stop(source::close);
        }
    }
}
