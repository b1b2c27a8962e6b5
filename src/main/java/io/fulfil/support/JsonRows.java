package io.fulfil.support;

import java.math.BigDecimal;

/**
 * A JSON array of row objects, written as the rows are: {@code [{"c0":"F1","c1":2},{"c0":"F2"}]}.
 * MySQL and MariaDB read such a document as a table with {@code JSON_TABLE}, so a whole chunk of rows
 * travels as one bound parameter (see {@link BulkInsert}). Each value is keyed by its column's
 * position; a null is left out, which {@code JSON_TABLE} reads as NULL ({@code NULL ON EMPTY}) on both
 * databases. Decimals are written as strings so that the server converts their text exactly.
 */
public final class JsonRows {

    private final StringBuilder json;
    private int rows;
    private boolean firstValue;

    public JsonRows(int expectedRows) {
        this.json = new StringBuilder(Math.max(64, expectedRows * 96)).append('[');
    }

    public void startRow() {
        json.append(rows++ == 0 ? "{" : ",{");
        firstValue = true;
    }

    public void endRow() {
        json.append('}');
    }

    public int rows() {
        return rows;
    }

    /** Characters written so far. */
    public int length() {
        return json.length();
    }

    public void string(int column, String value) {
        if (value != null) {
            startValue(column);
            quote(value);
        }
    }

    public void number(int column, long value) {
        startValue(column);
        json.append(value);
    }

    public void decimal(int column, BigDecimal value) {
        if (value != null) {
            startValue(column);
            json.append('"').append(value.toPlainString()).append('"');
        }
    }

    /** The document; the builder is done with. */
    public String finish() {
        return json.append(']').toString();
    }

    /** The key of column {@code column} in a row object, e.g. {@code c3}. */
    public static String key(int column) {
        return "c" + column;
    }

    private void startValue(int column) {
        if (!firstValue) {
            json.append(',');
        }
        firstValue = false;
        json.append("\"c").append(column).append("\":");
    }

    private void quote(String value) {
        json.append('"');
        // characters that need no escape are appended in runs between the escaped ones: most values
        // (codes, numbers, names) are one run, a decision trace is text broken by a tab or a newline
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(String.format("\\u%04x", (int) c));
            }
        }
        // a whole string is copied as a block; a part of one (append(CharSequence, int, int)) is
        // copied character by character on JDK 17
        if (run == 0) {
            json.append(value);
        } else {
            json.append(value, run, value.length());
        }
        json.append('"');
    }
}
