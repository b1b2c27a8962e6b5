package io.fulfil.fulfilment;

/**
 * Where new fulfilment orders get their numbers: {@code F0000000001}, {@code F0000000002}, … in the
 * order the split creates them, so the numbers grow with time, whatever the shop's order numbers
 * look like or the order in which orders are paid.
 *
 * <p>Why: {@code fulfilment_no} is the primary key of {@code fulfilment_order} and leads that of
 * {@code fulfilment_line}, and a database stores such a table in key order. Numbers made from the
 * order number ({@code <order_no>-<n>}) put each new row of a split that serves orders out of
 * order-number order into a random page of a table larger than memory; growing numbers append.
 */
@FunctionalInterface
public interface FulfilmentNumbers {

    /** The next unused number. Thread-safe in every implementation. */
    String next();

    /** {@code F} and ten digits, wider past ten billion: text that sorts as the number does. */
    static String format(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a fulfilment number is not negative: " + number);
        }
        // by hand rather than with a format string: the split makes one per fulfilment order
        String digits = Long.toString(number);
        StringBuilder text = new StringBuilder(11).append('F');
        for (int pad = digits.length(); pad < 10; pad++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
