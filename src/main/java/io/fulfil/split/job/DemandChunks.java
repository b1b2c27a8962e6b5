package io.fulfil.split.job;

import io.fulfil.split.job.SplitStore.LineRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts the demand, read as one row per order line in serving order, into chunks of whole orders.
 * The rows of one order come together (the demand is ordered by order number within equal
 * priority and payment time), so an order is never cut between two chunks.
 */
final class DemandChunks {

    /**
     * A chunk of the demand: its order numbers in serving order, and the lines of those that were
     * paid when the demand was read (every paid order has an entry, empty when it has no line).
     */
    record DemandChunk(List<String> orderNos, Map<String, List<LineRow>> paidLines) {
    }

    private final int chunkSize;
    private final Consumer<DemandChunk> out;
    private List<String> orderNos;
    private Map<String, List<LineRow>> paidLines;
    private String lastOrderNo;

    DemandChunks(int chunkSize, Consumer<DemandChunk> out) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, is " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.out = out;
        startChunk();
    }

    /**
     * One row of the demand: an order, whether it was paid, and one of its lines (null when the row
     * carries none: an order with no line, or one that is not paid, whose lines are not read).
     */
    void row(String orderNo, boolean paid, LineRow line) {
        if (!orderNo.equals(lastOrderNo)) {
            if (orderNos.size() == chunkSize) {
                out.accept(new DemandChunk(orderNos, paidLines));
                startChunk();
            }
            orderNos.add(orderNo);
            lastOrderNo = orderNo;
            if (paid) {
                paidLines.put(orderNo, new ArrayList<>(4));
            }
        }
        if (line != null && paid) {
            paidLines.get(orderNo).add(line);
        }
    }

    /** The demand is exhausted: passes on the last chunk, if it has any order. */
    void end() {
        if (!orderNos.isEmpty()) {
            out.accept(new DemandChunk(orderNos, paidLines));
            startChunk();
        }
    }

    private void startChunk() {
        orderNos = new ArrayList<>(chunkSize);
        paidLines = new HashMap<>(chunkSize * 2);
    }
}
