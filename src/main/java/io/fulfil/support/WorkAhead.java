package io.fulfil.support;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done on a thread of its own, a bounded number of results ahead of the thread that takes them:
 * the hand-off that a step's read-ahead (ops/ReadAheadReader) and the split's planning
 * (split/job/PlanAheadReader) share. The producing thread passes its results through a bounded
 * queue; the taking thread gets them in the order passed, then {@code null} once the work is done,
 * or the work's exception, unchanged, after the results passed before it.
 *
 * <p>Three things are easy to get wrong here and are done once:
 * <ul>
 *   <li>the taker never waits forever: a producer that ended without handing over its end (it
 *       cannot, short of a JVM error in the hand-off itself) is noticed;</li>
 *   <li>{@link #stop} never interrupts the producer: an interrupt inside H2's file I/O closes the
 *       database file, so the producer stops at its next hand-off, and an interrupt that reaches it
 *       anyway is not kept;</li>
 *   <li>what the producer uses is released after it has stopped, by whichever thread is last: the
 *       stopping thread if the producer has finished within the wait, the producer itself if not,
 *       so a source is never closed under a read still running.</li>
 * </ul>
 * One instance serves one run of the work: a reader opened again starts a new one, so a producer
 * left over from an earlier opening feeds only its own queue.
 */
public final class WorkAhead<T> {

    private static final Logger log = LoggerFactory.getLogger(WorkAhead.class);

    private static final long STOP_WAIT_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    /** Thrown inside the producer at its next hand-off once the work is stopped, to leave it. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The work: passes each result to {@code out}, in order, and returns when there are no more. */
    @FunctionalInterface
    public interface Work<T> {
        void produce(Consumer<T> out) throws Exception;
    }

    private final String name;
    private final Work<T> work;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean stopped;
    /** Taker's side only: the end or a failure was taken. */
    private boolean ended;
    /** Guarded by this: the producer has left the work; the release it runs when it does. */
    private boolean finished;
    private Runnable releaseWhenFinished;

    private WorkAhead(String name, int capacity, Work<T> work) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": capacity must be at least 1, is " + capacity);
        }
        this.name = name;
        this.work = work;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(LogContext.carried(this::run), name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the work on a daemon thread of the given name, carrying the caller's log context.
     *
     * @param capacity results queued at most (the producer holds one more until there is room): with
     *                 the results' size, the memory bound
     */
    public static <T> WorkAhead<T> start(String threadName, int capacity, Work<T> work) {
        WorkAhead<T> ahead = new WorkAhead<>(threadName, capacity, work);
        ahead.thread.start();
        return ahead;
    }

    /**
     * The next result; {@code null} once the work is done (and at every call after); the work's
     * exception as it was thrown, once, after the results passed before it.
     */
    @SuppressWarnings("unchecked")
    public T take() throws Exception {
        if (ended) {
            return null;
        }
        Object item = queue.poll(1, TimeUnit.SECONDS);
        while (item == null) {
            if (!thread.isAlive()) {
                // it always hands over its end or its failure before it ends: this is the last look
                item = queue.poll();
                if (item == null) {
                    ended = true;
                    throw new IllegalStateException(name + " ended without handing over its results");
                }
            } else {
                item = queue.poll(1, TimeUnit.SECONDS);
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

    /** Whether the end (or a failure) has been taken. */
    public boolean ended() {
        return ended;
    }

    /**
     * Stops the work at the producer's next hand-off, waits up to two minutes for it without
     * interrupting it, drops the results not taken, and runs {@code release} (closing what the
     * producer reads) once the producer has left the work: here, or, if it is still inside a call
     * when the wait ends, on the producer's thread when that call returns.
     */
    public void stop(Runnable release) {
        stopped = true;
        boolean interrupted = false;
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        boolean releaseHere;
        synchronized (this) {
            // a thread that died before it ran the work never set finished: nothing will release for it
            releaseHere = finished || !thread.isAlive();
            if (!releaseHere) {
                releaseWhenFinished = release;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (releaseHere) {
            release.run();
        } else {
            log.warn("{} is still working ({}); it releases what it uses when its current call returns", name,
                    interrupted ? "the stopping thread was interrupted while waiting for it" : "after two minutes");
        }
    }

    private void run() {
        try {
            work.produce(this::pass);
            pass(END);
        } catch (Stopped e) {
            // stopped: nobody waits for more
        } catch (Throwable e) {
            try {
                pass(new Failure(e));
            } catch (Stopped stopped) {
                log.warn("{} failed after it was stopped", name, e);
            }
        } finally {
            Runnable release;
            synchronized (this) {
                finished = true;
                release = releaseWhenFinished;
            }
            if (release != null) {
                try {
                    release.run();
                } catch (RuntimeException | Error e) {
                    log.warn("{} could not release what it used after it was stopped", name, e);
                }
            }
        }
    }

    /**
     * Queues the item once there is room, unless the work is stopped. An interrupt stops nothing and
     * is not kept: only {@link #stop} ends the work, and an interrupt left set would make H2 close
     * its database file at the producer's next read.
     */
    private void pass(Object item) {
        while (true) {
            if (stopped) {
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
