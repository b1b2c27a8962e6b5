package io.fulfil.support;

import java.math.BigInteger;

/**
 * A second, deliberately plain largest-remainder implementation (BigInteger, no shortcuts) that the
 * tests hold {@link Apportionment} and the planner's money against.
 */
public final class ExactLargestRemainder {

    private ExactLargestRemainder() {
    }

    /** Floors first, then one spare cent per share by largest remainder, the lower index first on ties. */
    public static long[] apportion(long total, long[] weights) {
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            sum = sum.add(BigInteger.valueOf(w));
        }
        int n = weights.length;
        long[] shares = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (remainders[i].signum() >= 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = BigInteger.ONE.negate(); // each share gets at most one spare cent
        }
        return shares;
    }

    /** As {@link #apportion(long, long[])}, by {@code fallback} when every weight is zero. */
    public static long[] apportion(long total, long[] weights, long[] fallback) {
        for (long w : weights) {
            if (w != 0) {
                return apportion(total, weights);
            }
        }
        return apportion(total, fallback);
    }
}
