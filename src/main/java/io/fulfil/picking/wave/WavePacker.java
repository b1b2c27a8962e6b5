package io.fulfil.picking.wave;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs candidates, given in wave order, into waves. A wave holds one warehouse, one temperature zone,
 * one kind (single- or multi-item) and one priority (EXPRESS work is never held back in a wave with
 * NORMAL work), at most the warehouse's {@code max-orders} fulfilment orders and {@code max-lines}
 * lines. The slot order is the order of the input.
 *
 * <p>The wave order sorts candidates by priority, warehouse, zone and kind before {@code paid_at}, so
 * each group arrives in one run and only one wave is open at a time: memory stays flat however much
 * work there is. (Candidates out of that order are still packed correctly, in more, smaller waves.)
 *
 * <p>A fulfilment order with more lines than {@code max-lines} cannot be divided: it gets a wave of
 * its own rather than wait for ever.
 */
public final class WavePacker {

    private final WaveSettings settings;
    private WaveCandidate first;
    private final List<String> members = new ArrayList<>();
    private final Map<String, List<WaveStore.Line>> memberLines = new HashMap<>();
    private int lines;

    public WavePacker(WaveSettings settings) {
        this.settings = settings;
    }

    /** Adds the next candidate; returns the wave it closed, if adding it closed one, else null. */
    public PlannedWave add(WaveCandidate candidate) {
        PlannedWave closed = null;
        if (first != null && !fits(candidate)) {
            closed = close();
        }
        if (first == null) {
            first = candidate;
        }
        members.add(candidate.fulfilmentNo());
        if (!candidate.lines().isEmpty()) {
            memberLines.put(candidate.fulfilmentNo(), candidate.lines());
        }
        lines += candidate.lineCount();
        return closed;
    }

    /** Closes the open wave at the end of the input; null when none is open. */
    public PlannedWave finish() {
        return first == null ? null : close();
    }

    private boolean fits(WaveCandidate c) {
        return c.express() == first.express() && c.warehouseCode().equals(first.warehouseCode())
                && c.temperatureZone().equals(first.temperatureZone()) && c.kind() == first.kind()
                && members.size() < settings.maxOrders(first.warehouseCode())
                && lines + c.lineCount() <= settings.maxLines(first.warehouseCode());
    }

    private PlannedWave close() {
        PlannedWave wave = new PlannedWave(first.warehouseCode(), first.temperatureZone(), first.kind(),
                first.express(), members, lines, memberLines);
        first = null;
        members.clear();
        memberLines.clear();
        lines = 0;
        return wave;
    }
}
