package io.fulfil.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The JVM's heap figures that the run summary and the benchmark report. */
public final class Heap {

    private Heap() {
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
