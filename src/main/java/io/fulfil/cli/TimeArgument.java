package io.fulfil.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A point in time as an operator types it, in the local time Spring Batch stores: a date
 * ({@code 2026-12-01}, its midnight), a date and time ({@code 2026-12-01T08:00} or with a space), one
 * with an offset ({@code 2026-12-01T08:00+08:00}), or an age back from now ({@code 30m}, {@code 12h},
 * {@code 7d}). Anything else is a usage error (exit 2).
 */
final class TimeArgument implements CommandLine.ITypeConverter<LocalDateTime> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhd])");

    @Override
    public LocalDateTime convert(String value) {
        LocalDateTime parsed = parse(value.strip(), LocalDateTime.now());
        if (parsed == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is no time; give a date (2026-12-01),"
                    + " a date and time (2026-12-01T08:00) or an age (30m, 12h, 7d)");
        }
        return parsed;
    }

    static LocalDateTime parse(String value, LocalDateTime now) {
        Matcher age = AGE.matcher(value.toLowerCase(Locale.ROOT));
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            return now.minus(switch (age.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        String iso = value.replace(' ', 'T');
        try {
            return LocalDate.parse(iso).atStartOfDay();
        } catch (DateTimeParseException notADate) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException notALocalTime) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
