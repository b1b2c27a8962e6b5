package io.fulfil.split.job;

/**
 * The split's demand in serving order (CONTRACT §3.1): paid orders, and orders with backorders still
 * open, EXPRESS before NORMAL, then by paid_at, then order_no. Read as order numbers only; the
 * writer locks and re-reads each chunk, so a stale status here costs nothing but a skipped row.
 */
final class SplittableOrders {

    /** Split orders whose backorders are still open: the part of the demand {@code backorder-retry} serves. */
    private static final String OPEN_BACKORDERS = """
            (o.status NOT IN ('ON_HOLD', 'CANCELLED', 'PENDING_PAYMENT')
                    AND EXISTS (SELECT 1 FROM backorder b WHERE b.order_no = o.order_no))""";

    private static final String WHERE = """
             WHERE o.status = 'PAID'
                OR """ + OPEN_BACKORDERS;

    static final String SELECT_SQL = "SELECT o.order_no FROM customer_order o\n" + WHERE + """

             ORDER BY CASE o.priority WHEN 'EXPRESS' THEN 0 ELSE 1 END, o.paid_at, o.order_no""";

    static final String COUNT_SQL = "SELECT COUNT(*) FROM customer_order o\n" + WHERE;

    private static final String ORDER_BY = """

             ORDER BY CASE o.priority WHEN 'EXPRESS' THEN 0 ELSE 1 END, o.paid_at, o.order_no""";

    /** Only the open backorders, in the same serving order (see {@link SplitDemand#BACKORDERS}). */
    static final String BACKORDERS_SELECT_SQL = "SELECT o.order_no FROM customer_order o\n WHERE " + OPEN_BACKORDERS
            + ORDER_BY;

    static final String BACKORDERS_COUNT_SQL = "SELECT COUNT(*) FROM customer_order o\n WHERE " + OPEN_BACKORDERS;

    private SplittableOrders() {
    }
}
