package io.fulfil.fulfilment;

/**
 * Room for growth inside an order's row ({@code customer_order.growth_room}, migration V21), as
 * {@link GrowthRoom} is for fulfilment orders.
 *
 * <p>Why: the shop inserts an order as {@code PAID} with {@code split_at} and {@code split_key} NULL.
 * The split sets both and a longer status ({@code ALLOCATED}, {@code PARTIALLY_ALLOCATED}), so the
 * record grows by 20 to 30 bytes; InnoDB can then not rewrite it where it stands, and in the full pages
 * the shop's inserts leave it reorganises or splits the page and logs it at length. On orders not paid
 * in key order each of those is a page of its own. When the same update shortens {@code growth_room} by
 * what the other columns gain, the new record fits the old one's space, which InnoDB reuses. Measured
 * on 500,000 orders (MariaDB 10.11, the table in memory), the split's status update for 200,000 of them
 * in payment order, 1,000 a statement: 5.8 s, 666 MB of redo log and 45,196 pages written without room;
 * 1.8 s, 51 MB and 3,076 pages with it.
 *
 * <p>The rule is that of a {@code CHAR} column: a status move keeps the status's and the room's bytes
 * together as they were, so the later roll-ups ({@code SHIPPED} to {@code PARTIALLY_DELIVERED} and so
 * on) fit too. The new length is computed from the row's old values and the new status alone, and the
 * room is all zero bytes, so it is cut from a literal, not from itself; the expression must be the first
 * assignment of its update, because MySQL evaluates a single-table update's assignments left to right
 * (it then sees the old values, as H2 and MariaDB's {@code SIMULTANEOUS_ASSIGNMENT} always do).
 *
 * <p>Correctness never depends on it: a row without room (NULL: inserted before the migration, on H2,
 * or by a shop that names the column) or one whose room is used up is updated as before, only more
 * slowly. Byte counts follow InnoDB's compact and dynamic row formats: a non-NULL {@code VARBINARY} of
 * up to 255 bytes takes its bytes and one length byte, a NULL none; {@code DATETIME(3)} takes seven
 * bytes, {@code BIGINT} eight.
 */
public final class OrderGrowthRoom {

    /**
     * Bytes a new order's row gets: the longest move from {@code PAID} is to {@code PARTIALLY_ALLOCATED}
     * (15 more), with {@code split_at} and {@code split_key} 30, which the room and its length byte cover.
     */
    public static final int BYTES = 32;

    /** The column's default on MySQL: {@link #BYTES} zero bytes. */
    public static final String DEFAULT_LITERAL = "X'" + "00".repeat(BYTES) + "'";

    /** Zero bytes to cut the new room from: at least the room plus the longest status's length. */
    private static final String ZEROS = "X'" + "00".repeat(64) + "'";

    /** SQL for {@code growth_room} when an order's status moves to {@code :status} and nothing else changes. */
    public static final String AFTER_STATUS = assignment("LENGTH(:status) - LENGTH(status)");

    /**
     * SQL for {@code growth_room} when the split moves an order to {@code :status} and sets
     * {@code split_at} and {@code split_key} where they are NULL.
     */
    public static final String AFTER_SPLIT = assignment("LENGTH(:status) - LENGTH(status)"
            + " + CASE WHEN split_at IS NULL THEN 7 ELSE 0 END + CASE WHEN split_key IS NULL THEN 8 ELSE 0 END");

    private OrderGrowthRoom() {
    }

    /**
     * The room's new bytes: {@code LENGTH(growth_room) + 1} (its bytes and length byte) less the growth;
     * none left, or none to start with, is NULL.
     */
    private static String assignment(String growth) {
        String left = "LENGTH(growth_room) + 1 - (" + growth + ")";
        return "growth_room = CASE WHEN growth_room IS NULL OR " + left + " < 1 THEN NULL"
                + " ELSE SUBSTRING(" + ZEROS + ", 1, " + left + " - 1) END";
    }
}
