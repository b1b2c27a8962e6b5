package io.fulfil.picking.wave;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs candidates, given in wave order, into waves. A wave holds one warehouse, one temperature zone,
 * one kind (single- or multi-item) and one priority (EXPRESS work is never held back in a wave with
 * NORMAL work), at most the warehouse's {@code max-orders} fulfilment orders and {@code max-lines}
 * lines. The slot order is the order of the input.
 *
 * <p>The input comes in wave order (EXPRESS first, then {@code paid_at}, then {@code fulfilment_no}),
 * all groups (warehouse, zone, kind) interleaved; each group has one open wave, which closes when its
 * next candidate does not fit. So each group's waves are exactly those of packing that group alone,
 * and the waves close roughly in the order their work was paid: the fulfilment orders a chunk of waves
 * locks and updates lie close together in the table (the split creates them in payment order), rather
 * than spread over all of it as one group's at a time would be. Memory is at most one open wave per
 * group. When the priority changes, every open wave of the other priority closes first, so every
 * EXPRESS wave is numbered before every NORMAL one. (Candidates out of that order are still packed
 * correctly, in more, smaller waves.)
 *
 * <p>A fulfilment order with more lines than {@code max-lines} cannot be divided: it gets a wave of
 * its own rather than wait for ever.
 */
public final class WavePacker {

    private final WaveSettings settings;
    /** The open wave of each group, in the order they were opened. */
    private final Map<Group, OpenWave> open = new LinkedHashMap<>();
    private boolean openExpress;

    public WavePacker(WaveSettings settings) {
        this.settings = settings;
    }

    /** Adds the next candidate; returns the waves adding it closed, oldest first (usually none). */
    public List<PlannedWave> add(WaveCandidate candidate) {
        List<PlannedWave> closed = List.of();
        if (!open.isEmpty() && candidate.express() != openExpress) {
            closed = new ArrayList<>(finish());
        }
        openExpress = candidate.express();
        Group group = new Group(candidate.warehouseCode(), candidate.temperatureZone(), candidate.kind());
        OpenWave wave = open.get(group);
        if (wave != null && !wave.fits(candidate)) {
            open.remove(group);
            if (closed.isEmpty()) {
                closed = new ArrayList<>(1);
            }
            closed.add(wave.close());
            wave = null;
        }
        if (wave == null) {
            wave = new OpenWave(candidate, settings.maxOrders(candidate.warehouseCode()),
                    settings.maxLines(candidate.warehouseCode()));
            open.put(group, wave);
        }
        wave.add(candidate);
        return closed;
    }

    /** Closes every open wave at the end of the input, oldest first; empty when none is open. */
    public List<PlannedWave> finish() {
        List<PlannedWave> closed = new ArrayList<>(open.size());
        for (Iterator<OpenWave> it = open.values().iterator(); it.hasNext(); ) {
            closed.add(it.next().close());
            it.remove();
        }
        return closed;
    }

    private record Group(String warehouseCode, String temperatureZone, WaveKind kind) {
    }

    private static final class OpenWave {
        private final WaveCandidate first;
        private final int maxOrders;
        private final int maxLines;
        private final List<String> members = new ArrayList<>();
        private final Map<String, List<WaveStore.Line>> memberLines = new HashMap<>();
        private int lines;

        OpenWave(WaveCandidate first, int maxOrders, int maxLines) {
            this.first = first;
            this.maxOrders = maxOrders;
            this.maxLines = maxLines;
        }

        boolean fits(WaveCandidate c) {
            return members.size() < maxOrders && lines + c.lineCount() <= maxLines;
        }

        void add(WaveCandidate c) {
            members.add(c.fulfilmentNo());
            if (!c.lines().isEmpty()) {
                memberLines.put(c.fulfilmentNo(), c.lines());
            }
            lines += c.lineCount();
        }

        PlannedWave close() {
            return new PlannedWave(first.warehouseCode(), first.temperatureZone(), first.kind(), first.express(),
                    members, lines, memberLines);
        }
    }
}
