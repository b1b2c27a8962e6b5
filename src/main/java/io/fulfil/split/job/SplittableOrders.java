package io.fulfil.split.job;

/**
 * The split's demand in serving order (CONTRACT §3.1): paid orders, and orders with backorders still
 * open, EXPRESS before NORMAL, then by paid_at, then order_no. Read as one row per line of the paid
 * orders, each with its order's header (one row, without a line, for an order with none or one that
 * is not paid), so that a chunk's lines come with the demand: the server reads both tables once, in
 * key order, and sorts them, rather than looking each chunk's lines up at random pages when orders
 * are not paid in key order. Read without locks, as the run starts: the planning thread plans each
 * chunk from these rows and lines, and the writer locks and re-reads each chunk's orders and plans
 * the chunk again from the locked rows when one of them is no longer the row read here, so an order
 * changed meanwhile is skipped or planned again.
 */
final class SplittableOrders {

    /** Split orders whose backorders are still open: the part of the demand {@code backorder-retry} serves. */
    private static final String OPEN_BACKORDERS = """
            (o.status NOT IN ('ON_HOLD', 'CANCELLED', 'PENDING_PAYMENT')
                    AND EXISTS (SELECT 1 FROM backorder b WHERE b.order_no = o.order_no))""";

    /** The order's {@link SplitStore#HEADER_COLUMNS}, then the line's {@link SplitStore#LINE_COLUMNS} (null when none). */
    private static final String ROWS = "SELECT " + SplitStore.HEADER_COLUMNS + ", " + SplitStore.LINE_COLUMNS + """

              FROM customer_order o
              LEFT JOIN order_line l ON l.order_no = o.order_no AND o.status = 'PAID'
            """;

    private static final String ORDER_BY = """

             ORDER BY CASE o.priority WHEN 'EXPRESS' THEN 0 ELSE 1 END, o.paid_at, o.order_no, l.line_no""";

    private static final String WHERE = """
             WHERE o.status = 'PAID'
                OR """ + OPEN_BACKORDERS;

    static final String SELECT_SQL = ROWS + WHERE + ORDER_BY;

    static final String COUNT_SQL = "SELECT COUNT(*) FROM customer_order o\n" + WHERE;

    /** Only the open backorders, in the same serving order (see {@link SplitDemand#BACKORDERS}). */
    static final String BACKORDERS_SELECT_SQL = ROWS + " WHERE " + OPEN_BACKORDERS + ORDER_BY;

    static final String BACKORDERS_COUNT_SQL = "SELECT COUNT(*) FROM customer_order o\n WHERE " + OPEN_BACKORDERS;

    private SplittableOrders() {
    }
}
