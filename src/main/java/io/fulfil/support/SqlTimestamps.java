package io.fulfil.support;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps bound as text with their milliseconds. MySQL Connector/J reads MariaDB 10.x's version
 * ("5.5.5-10.11…") as 5.5.5, decides the server has no fractional seconds and drops them from every
 * {@code Timestamp} it sends. {@code paid_at} decides the serving order, so two orders paid in the
 * same second must keep their milliseconds; as text both databases store them exactly.
 */
public final class SqlTimestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SqlTimestamps() {
    }

    /** The timestamp as {@code yyyy-MM-dd HH:mm:ss.SSS} (sub-millisecond digits cut), or null. */
    public static String text(LocalDateTime timestamp) {
        return timestamp == null ? null : MILLIS.format(timestamp);
    }
}
