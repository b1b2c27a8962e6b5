package io.fulfil.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a generated data set's order numbers relate to the time the orders were paid, which decides
 * whether the split's serving order (CONTRACT §3.1: status, priority, paid_at, order_no) follows the
 * key order of the order tables or jumps about in it.
 */
public enum BenchShape {

    /** Order numbers in the order orders were paid, minutes of jitter apart (one front end). */
    ORDERED,
    /** paid_at independent of order_no: the ordered shape's times dealt out to the orders at random. */
    SHUFFLED,
    /** Order numbers from 8 interleaved sequences (front ends or shards), each in the order of payment. */
    SHARDED;

    static final int SHARDS = 8;

    /** The shape named (any case); the message lists the shapes there are. */
    public static BenchShape of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown shape '" + name + "' (ordered, shuffled, sharded)");
        }
    }

    /** The order number of the o-th order paid (0-based) of {@code total}. */
    String orderNo(int o) {
        return this == SHARDED ? "B%d%08d".formatted(o % SHARDS, o / SHARDS + 1) : "B%09d".formatted(o + 1);
    }

    /**
     * Which slot of the day's payments the o-th order gets: its own, except shuffled, where a seeded
     * permutation deals the slots out (the same slots, so only the order differs).
     */
    int[] slots(int total, long seed) {
        int[] slots = new int[total];
        for (int i = 0; i < total; i++) {
            slots[i] = i;
        }
        if (this == SHUFFLED) {
            // its own random stream: the orders' lines and amounts stay those of the other shapes
            SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = slots[i];
                slots[i] = slots[j];
                slots[j] = t;
            }
        }
        return slots;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
