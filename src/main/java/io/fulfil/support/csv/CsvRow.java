package io.fulfil.support.csv;

import io.fulfil.support.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One data row of a CSV file, with typed getters that look cells up by header name.
 *
 * <p>A getter never throws on bad data: it records a {@link RowError} on the row and returns null,
 * so one pass over a row reports every bad cell in it, not just the first. Values are trimmed; a
 * blank cell is a missing value.
 */
public final class CsvRow {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** DECIMAL(14,2), the money columns of CONTRACT §1. */
    private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

    private final String file;
    private final long line;
    private final Map<String, Integer> columns;
    private final String[] cells;
    private final List<RowError> errors = new ArrayList<>(2);

    CsvRow(String file, long line, Map<String, Integer> columns, String[] cells) {
        this.file = file;
        this.line = line;
        this.columns = columns;
        this.cells = cells;
    }

    /** The row's cells as read, in the file's column order (a copy). */
    public String[] cells() {
        return cells.clone();
    }

    public String file() {
        return file;
    }

    /** The physical line this row starts on; the header is line 1. */
    public long line() {
        return line;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    /** Records an error found by the caller, e.g. an unknown reference or a duplicate key. */
    public void reject(String column, String reason) {
        errors.add(new RowError(file, line, column, column == null ? null : cell(column), reason));
    }

    /** The cell as read, untrimmed and still neutralised; "" when the row has no such cell. */
    public String raw(String column) {
        Integer index = columns.get(column);
        return index != null && index < cells.length && cells[index] != null ? cells[index] : "";
    }

    /**
     * The trimmed cell, with the {@code '} that neutralised a formula-like cell taken off again
     * (CONTRACT §7.3); "" when blank, when the row is shorter than the header, or when the header has
     * no such column (only possible for a column the caller did not require when opening the file).
     */
    public String cell(String column) {
        Integer index = columns.get(column);
        return index != null && index < cells.length && cells[index] != null
                ? CsvCells.unneutralise(cells[index]).trim() : "";
    }

    /** A required text value. */
    public String text(String column) {
        String value = cell(column);
        if (value.isEmpty()) {
            reject(column, "a value is required");
            return null;
        }
        return value;
    }

    /** A required text value that must fit its database column. */
    public String text(String column, int maxLength) {
        String value = text(column);
        return value == null ? null : fits(column, value, maxLength);
    }

    /**
     * A required code that people type and compare, such as a tracking number: no space, line break,
     * control or invisible character inside it, since with one two codes that look the same differ.
     */
    public String code(String column, int maxLength) {
        String value = text(column, maxLength);
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                    || type == Character.FORMAT) {
                return fail(column, String.format("has a space, line break or invisible character (U+%04X) at"
                        + " position %d: %s", c, i + 1, CsvCells.quote(value)));
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /** A text value that may be blank (then null). */
    public String optionalText(String column) {
        String value = cell(column);
        return value.isEmpty() ? null : value;
    }

    public String optionalText(String column, int maxLength) {
        String value = optionalText(column);
        return value == null ? null : fits(column, value, maxLength);
    }

    /** A required whole number in int range. */
    public Integer integer(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            return fail(column, "not a whole number: " + CsvCells.quote(value));
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException tooLong) {
            return fail(column, "number too large: " + CsvCells.quote(value));
        }
    }

    /** A whole number above zero, e.g. a quantity. */
    public Integer positiveInt(String column) {
        Integer value = integer(column);
        if (value != null && value <= 0) {
            return fail(column, "must be a positive whole number: " + CsvCells.quote(cell(column)));
        }
        return value;
    }

    /** A whole number of zero or more, e.g. a counted quantity. */
    public Integer nonNegativeInt(String column) {
        Integer value = integer(column);
        if (value != null && value < 0) {
            return fail(column, "must not be negative: " + CsvCells.quote(cell(column)));
        }
        return value;
    }

    /**
     * A required money amount ({@code 12.30}) as whole cents. More than two decimals is an error, not
     * rounded: silently rounding money would break the order's sums. Negative amounts are errors (no
     * money column of the contract is negative).
     */
    public Long decimal2(String column) {
        BigDecimal value = decimal(column);
        if (value == null) {
            return null;
        }
        if (value.scale() > 2) {
            return fail(column, "more than 2 decimals: " + CsvCells.quote(cell(column)));
        }
        if (value.signum() < 0) {
            return fail(column, "must not be negative: " + CsvCells.quote(cell(column)));
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            return fail(column, "amount too large: " + CsvCells.quote(cell(column)));
        }
        return Money.toCents(value);
    }

    /** A required plain decimal ({@code -31.2304}, no exponent, no thousands separator). */
    public BigDecimal decimal(String column) {
        String value = text(column);
        return value == null ? null : parseDecimal(column, value);
    }

    /** A plain decimal that may be blank (then null). */
    public BigDecimal optionalDecimal(String column) {
        String value = optionalText(column);
        return value == null ? null : parseDecimal(column, value);
    }

    /** A required boolean: {@code true/false}, {@code 1/0} or {@code yes/no}, in any case. */
    public Boolean bool(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> fail(column, "not a boolean (true/false, 1/0, yes/no): " + CsvCells.quote(value));
        };
    }

    /** A required value of a vocabulary, spelled exactly as the enum constant. */
    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return fail(column, "not one of " + allowed + ": " + CsvCells.quote(value));
    }

    /**
     * A required ISO-8601 timestamp with offset ({@code 2026-11-21T10:15:00+08:00}, or {@code Z}) as the
     * UTC wall-clock time, which is how the database stores instants. Truncated to milliseconds, the
     * precision of the timestamp columns, so that loading the same value twice compares equal.
     */
    public LocalDateTime offsetDateTime(String column) {
        String value = text(column);
        return value == null ? null : parseTimestamp(column, value);
    }

    /** As {@link #offsetDateTime(String)}, but a blank cell is null. */
    public LocalDateTime optionalOffsetDateTime(String column) {
        String value = optionalText(column);
        return value == null ? null : parseTimestamp(column, value);
    }

    private LocalDateTime parseTimestamp(String column, String value) {
        LocalDateTime common = IsoTimestamps.utcMillis(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return fail(column, "not an ISO-8601 timestamp with offset: " + CsvCells.quote(value));
        }
    }

    private BigDecimal parseDecimal(String column, String value) {
        if (!DECIMAL.matcher(value).matches()) {
            return fail(column, "not a decimal number: " + CsvCells.quote(value));
        }
        return new BigDecimal(value);
    }

    private String fits(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            return fail(column, "longer than " + maxLength + " characters: " + CsvCells.quote(value));
        }
        return value;
    }

    private <T> T fail(String column, String reason) {
        reject(column, reason);
        return null;
    }
}
