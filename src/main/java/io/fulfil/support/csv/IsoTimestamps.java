package io.fulfil.support.csv;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The common shape of an ISO-8601 timestamp with offset, {@code 2026-11-30T17:00:00+08:00} (optionally
 * with a fraction of a second, or {@code Z}), read without {@link java.time.format.DateTimeFormatter}:
 * carrier-event files have one per row, and the formatter's general parser took a tenth of the import's
 * CPU time. Anything else, and any value out of range, is left to the formatter ({@code null} here), so
 * what is accepted, the value read and the reason a cell is rejected are exactly the formatter's.
 */
final class IsoTimestamps {

    private IsoTimestamps() {
    }

    /** The instant in UTC, truncated to milliseconds; null when the text is not of the common shape. */
    static LocalDateTime utcMillis(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < n && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int count = at - start;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(text, start, at);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (at == n - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == n - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int oh = digits(text, at + 1, at + 3);
            int om = digits(text, at + 4, at + 6);
            // ZoneOffset's range: at most 18:00 either way
            if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
                return null;
            }
            int sign = text.charAt(at) == '-' ? -1 : 1;
            if (sign < 0 && oh == 0 && om == 0) {
                return null;
            }
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return local.minusSeconds(offsetSeconds).withNano(nanos / 1_000_000 * 1_000_000);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits of text[from, to) as a number, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
