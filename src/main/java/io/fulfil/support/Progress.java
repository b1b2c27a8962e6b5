package io.fulfil.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long run on standard error: count, rate and time left, at most every few seconds so
 * that a million-row run prints a few dozen lines, not a million.
 */
public final class Progress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

    private final String task;
    private final String unit;
    private final long total;
    private final long started = System.nanoTime();
    private final PrintStream out;
    private long done;
    private long lastPrinted = started;

    public Progress(String task, String unit, long total) {
        this(task, unit, total, System.err);
    }

    Progress(String task, String unit, long total, PrintStream out) {
        this.task = task;
        this.unit = unit;
        this.total = total;
        this.out = out;
    }

    public void advance(long count) {
        done += count;
        Heap.sample();
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            out.println(line(now));
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", task, done));
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, " of %,d %s (%d%%)", total, unit, Math.min(100, done * 100 / total)));
        } else {
            sb.append(' ').append(unit);
        }
        sb.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
        if (total > done && rate > 0) {
            sb.append(", about ").append(format(Duration.ofSeconds((long) ((total - done) / rate)))).append(" left");
        }
        return sb.toString();
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : s + "s";
    }
}
