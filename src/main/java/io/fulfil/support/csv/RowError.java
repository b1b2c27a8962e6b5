package io.fulfil.support.csv;

/**
 * What is wrong with one cell, row or file of a CSV input.
 *
 * @param file   the input's file name (not its path: reports name the file the operator handed over)
 * @param line   the physical line the row starts on (1 is the header); 0 for the file as a whole
 * @param column the header name of the cell at fault, or null when the row or file is at fault
 * @param value  the cell as read (neutralising quote taken off), or null when the row or file is at fault
 * @param reason what is wrong, quoting the offending value
 */
public record RowError(String file, long line, String column, String value, String reason) {

    /** An error of a row or file as a whole, or of a cell whose value does not matter. */
    public RowError(String file, long line, String column, String reason) {
        this(file, line, column, null, reason);
    }

    /** Reads {@code orders.csv:17: column paid_at: not an ISO-8601 timestamp with offset: '2026-13-01'}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (column != null) {
            text.append("column ").append(column).append(": ");
        }
        return text.append(reason).toString();
    }
}
