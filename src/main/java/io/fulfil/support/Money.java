package io.fulfil.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as whole cents in a {@code long}: exact, cheap to add, and what the apportionment works in.
 * The database and CSV files hold {@code DECIMAL(14,2)}; conversions happen only at those edges.
 */
public final class Money {

    private Money() {
    }

    /** Converts a two-decimal amount to cents; refuses more than two decimals rather than rounding. */
    public static long toCents(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in whole cents: " + amount.toPlainString());
        }
    }

    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public static String format(long cents) {
        return fromCents(cents).toPlainString();
    }
}
