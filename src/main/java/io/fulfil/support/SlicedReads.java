package io.fulfil.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a list of keys as a few key-ordered slices at once, each on a thread (and so a connection)
 * of its own, and merges what they return. A database server that reads each row it does not hold in
 * memory from disk (MySQL with O_DIRECT) then has several reads under way instead of one: a chunk's
 * point lookups into tables larger than memory take a fraction of the time. With one slice it reads
 * on the caller's thread. Only for reads outside a transaction: a slice's thread does not share the
 * caller's connection.
 */
public final class SlicedReads implements AutoCloseable {

    /** Fewer keys than this per slice are read in fewer slices: a query has a cost of its own. */
    static final int SMALLEST_SLICE = 50;

    private final int slices;
    private final ExecutorService threads;

    public SlicedReads(int slices, String threadName) {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be at least 1, is " + slices);
        }
        this.slices = slices;
        AtomicInteger number = new AtomicInteger();
        this.threads = slices == 1 ? null : Executors.newFixedThreadPool(slices, runnable -> {
            Thread thread = new Thread(LogContext.carried(runnable), threadName + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What {@code read} returns for all the keys, read in key-ordered slices at once. */
    public <V> Map<String, V> read(Collection<String> keys, Function<List<String>, Map<String, V>> read) {
        int count = Math.min(slices, keys.size() / SMALLEST_SLICE);
        if (threads == null || count < 2) {
            return read.apply(List.copyOf(keys));
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        List<CompletableFuture<Map<String, V>>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> slice = sorted.subList(sorted.size() * i / count, sorted.size() * (i + 1) / count);
            parts.add(CompletableFuture.supplyAsync(() -> read.apply(slice), threads));
        }
        Map<String, V> all = new HashMap<>(keys.size() * 2);
        for (CompletableFuture<Map<String, V>> part : parts) {
            try {
                all.putAll(part.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return all;
    }

    /** Runs {@code read} on each key-ordered slice of the keys at once, for what it leaves behind. */
    public void each(Collection<String> keys, Consumer<List<String>> read) {
        read(keys, slice -> {
            read.accept(slice);
            return Map.of();
        });
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
        }
    }
}
