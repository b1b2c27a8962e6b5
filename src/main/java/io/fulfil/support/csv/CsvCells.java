package io.fulfil.support.csv;

import java.util.regex.Pattern;

/** Rules for the text of single cells, shared by every file this project writes. */
public final class CsvCells {

    /** A plain number such as {@code -12.30}: a spreadsheet shows it as a number and runs nothing. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int QUOTE_LIMIT = 60;

    private CsvCells() {
    }

    /**
     * Makes a cell safe to open in a spreadsheet: a cell starting with {@code = + - @}, a tab or a
     * carriage return would be run as a formula (OWASP "CSV injection"), so it gets a leading
     * {@code '}, which spreadsheets treat as "this is text" and do not display. Plain negative numbers
     * are left alone: they cannot run anything, and quoting them would turn them into text.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        if (!risky || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** Quotes a value for an error message, shortened so that one bad cell cannot flood a report. */
    public static String quote(String value) {
        String shown = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "…" : value;
        return "'" + shown + "'";
    }

    /**
     * Undoes {@link #neutralise}: a cell read back from a file this project wrote (a pick list filled
     * in by the warehouse) starts with {@code '} before a formula character; the {@code '} is ours.
     */
    public static String unneutralise(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'') {
            char second = cell.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return cell.substring(1);
            }
        }
        return cell;
    }
}
