package io.fulfil.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Heap figures for the run summary and the benchmark. "Live" is what the heap holds right after a
 * collection, sampled as the run goes: the number that shows whether memory stays flat as the data
 * grows (plain peak usage mostly measures how lazily the collector ran). Each pool reports its use
 * after its own latest collection: under the parallel collector, which {@code scripts/fulfil} gives
 * jobs, the old generation's figure is from its latest full collection, so between two full
 * collections "live" leaves out what has been promoted since and reads lower than under G1.
 */
public final class Heap {

    private static volatile long maxLiveBytes;

    private Heap() {
    }

    /** Records the heap in use after the latest collections; cheap enough to call once per chunk. */
    public static void sample() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        if (live > maxLiveBytes) {
            maxLiveBytes = live;
        }
    }

    /** The largest live heap seen by {@link #sample()}, in MiB. */
    public static long maxLiveMiB() {
        sample();
        return maxLiveBytes / (1024 * 1024);
    }

    /** Peak heap in use since the JVM started, summed over the heap pools, in MiB. */
    public static long peakUsedMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    public static long maxMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
