package io.fulfil.split.job;

import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.split.job.SplitStore.LineRow;
import io.fulfil.split.job.SplitStore.LockedOrder;
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
     * A chunk of the demand as it was read: its order numbers in serving order, every order's row, and
     * the lines of those that were paid (an order with no line has an empty list).
     */
    record DemandChunk(List<String> orderNos, Map<String, LockedOrder> headers, Map<String, List<LineRow>> paidLines) {
    }

    private final int chunkSize;
    private final Consumer<DemandChunk> out;
    private List<String> orderNos;
    private Map<String, LockedOrder> headers;
    private Map<String, List<LineRow>> paidLines;
    /** The order whose rows are being read; null before the first. */
    private String current;
    /** Its lines, when it is paid; null when it is not. */
    private List<LineRow> currentLines;

    DemandChunks(int chunkSize, Consumer<DemandChunk> out) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, is " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.out = out;
        startChunk();
    }

    /** Whether a row of this order continues the order being read (else {@link #order} starts it). */
    boolean continues(String orderNo) {
        return orderNo.equals(current);
    }

    /** The next order of the demand; the chunk before is passed on first when it is full. */
    void order(LockedOrder header) {
        String orderNo = header.orderNo();
        if (orderNos.size() == chunkSize) {
            out.accept(new DemandChunk(orderNos, headers, paidLines));
            startChunk();
        }
        if (headers.putIfAbsent(orderNo, header) != null) {
            // the demand's sort keeps an order's rows together; if it did not, lines would be lost
            throw new IllegalStateException("order " + orderNo + " came twice in the split's demand");
        }
        orderNos.add(orderNo);
        current = orderNo;
        currentLines = null;
        if (OrderStatus.PAID.name().equals(header.status())) {
            currentLines = new ArrayList<>(4);
            paidLines.put(orderNo, currentLines);
        }
    }

    /** A line of the order being read, null when its row carries none; kept only for a paid order. */
    void line(LineRow line) {
        if (line != null && currentLines != null) {
            currentLines.add(line);
        }
    }

    /** The demand is exhausted: passes on the last chunk, if it has any order. */
    void end() {
        if (!orderNos.isEmpty()) {
            out.accept(new DemandChunk(orderNos, headers, paidLines));
            startChunk();
        }
        current = null;
        currentLines = null;
    }

    private void startChunk() {
        orderNos = new ArrayList<>(chunkSize);
        headers = new HashMap<>(chunkSize * 2);
        paidLines = new HashMap<>(chunkSize * 2);
    }
}
