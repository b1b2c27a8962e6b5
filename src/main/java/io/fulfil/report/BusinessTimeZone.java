package io.fulfil.report;

import java.time.ZoneId;

/** The time zone whose calendar days the daily report counts ({@code fulfil.time-zone}, default Asia/Shanghai). */
public record BusinessTimeZone(ZoneId zone) {
}
