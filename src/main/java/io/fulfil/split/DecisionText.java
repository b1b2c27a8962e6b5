package io.fulfil.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact decision texts kept in {@code split_decision} and reads them back into words
 * for {@code explain}. Compact because one is written per group of every order. Warehouse and SKU
 * codes are free text, so the separators {@code % , ; : = /} inside a code are percent-encoded.
 */
public final class DecisionText {

    static final int MAX_LENGTH = 4000;

    private DecisionText() {
    }

    static String candidates(List<Candidate> nearestFirst, Map<String, Integer> need, StockView stock) {
        StringBuilder sb = new StringBuilder();
        for (Candidate c : nearestFirst) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            long tenths = Math.round(c.distanceKm() * 10);
            sb.append(code(c.code())).append(':').append(tenths / 10).append('.').append(tenths % 10)
                    .append(':').append(c.warehouse().priority()).append(':');
            boolean first = true;
            for (Map.Entry<String, Integer> e : need.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(code(e.getKey())).append('=').append(stock.available(c.code(), e.getKey()))
                        .append('/').append(e.getValue());
            }
        }
        return clip(sb.toString());
    }

    static String chosen(List<Candidate> cover, List<SplitPlanner.LineSplit> splits) {
        StringBuilder sb = new StringBuilder();
        for (Candidate c : cover) {
            StringBuilder part = new StringBuilder();
            for (SplitPlanner.LineSplit s : splits) {
                Integer q = s.quantityAt().get(c.code());
                if (q != null) {
                    if (!part.isEmpty()) {
                        part.append(',');
                    }
                    part.append(code(s.line().skuCode())).append('=').append(q);
                }
            }
            if (!part.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(';');
                }
                sb.append(code(c.code())).append(':').append(part);
            }
        }
        return clip(sb.toString());
    }

    private static final String SEPARATORS = "%,;:=/";

    /** A code with the texts' separators percent-encoded, so that any code reads back whole. */
    static String code(String code) {
        StringBuilder sb = null;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(code.substring(0, i));
                }
                sb.append('%').append(String.format("%02X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? code : sb.toString();
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1)) {
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String text, int from) {
        return from + 2 <= text.length() && Character.digit(text.charAt(from), 16) >= 0
                && Character.digit(text.charAt(from + 1), 16) >= 0;
    }

    private static String clip(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }

    /** The candidates text in words, one line per warehouse. */
    public static List<String> describeCandidates(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(";")) {
            String[] f = part.split(":", 4);
            if (f.length < 4) {
                out.add(part);
                continue;
            }
            List<String> stock = new ArrayList<>();
            for (String s : f[3].split(",")) {
                int slash = s.lastIndexOf('/');
                int eq = slash < 0 ? -1 : s.lastIndexOf('=', slash);
                stock.add(eq > 0 ? decode(s.substring(0, eq)) + " has " + s.substring(eq + 1, slash) + " of "
                        + s.substring(slash + 1) + " needed" : decode(s));
            }
            out.add(decode(f[0]) + " (" + f[1] + " km, priority " + f[2] + "): " + String.join(", ", stock));
        }
        return out;
    }

    /** The chosen text in words. */
    public static String describeChosen(String text) {
        if (text == null || text.isEmpty()) {
            return "nothing allocated";
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] f = part.split(":", 2);
            if (f.length < 2) {
                parts.add(decode(part));
                continue;
            }
            List<String> items = new ArrayList<>();
            for (String item : f[1].split(",")) {
                int eq = item.lastIndexOf('=');
                items.add(eq > 0 ? decode(item.substring(0, eq)) + " x" + item.substring(eq + 1) : decode(item));
            }
            parts.add(decode(f[0]) + " ships " + String.join(", ", items));
        }
        return String.join("; ", parts);
    }
}
