package io.fulfil.support;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Spreads a whole number of cents over weighted shares by the largest-remainder method: each share
 * gets the floor of its exact proportion, and the cents left over go one each to the shares with the
 * largest remainders, ties to the lower index. The result always adds up to the total exactly and
 * is the same on every run and every machine.
 */
public final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param total   cents to spread, not negative
     * @param weights non-negative weights; if they are all zero, {@code fallbackWeights} are used
     * @param fallbackWeights weights for the all-zero case (for example quantities); must not all be zero
     */
    public static long[] apportion(long total, long[] weights, long[] fallbackWeights) {
        long[] w = sum(weights) == 0 ? fallbackWeights : weights;
        return apportion(total, w);
    }

    public static long[] apportion(long total, long[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("cannot apportion a negative amount: " + total);
        }
        int n = weights.length;
        long weightSum = sum(weights);
        if (weightSum <= 0) {
            throw new IllegalArgumentException("cannot apportion over weights that add up to zero");
        }
        long[] shares = new long[n];
        long[] remainders = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long w = weights[i];
            if (w < 0) {
                throw new IllegalArgumentException("negative weight at index " + i);
            }
            long product;
            try {
                product = Math.multiplyExact(total, w);
                shares[i] = product / weightSum;
                remainders[i] = product % weightSum;
            } catch (ArithmeticException overflow) {
                BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(w))
                        .divideAndRemainder(BigInteger.valueOf(weightSum));
                shares[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            given += shares[i];
        }
        long left = total - given; // always < n
        if (left > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> remainders[a] != remainders[b]
                    ? Long.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
            for (int k = 0; k < left; k++) {
                shares[order[k]]++;
            }
        }
        return shares;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
