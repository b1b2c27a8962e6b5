package io.fulfil.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact decision texts kept in {@code split_decision} and reads them back into words
 * for {@code explain}. Compact because one is written per group of every order.
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
            sb.append(c.code()).append(':').append(tenths / 10).append('.').append(tenths % 10)
                    .append(':').append(c.warehouse().priority()).append(':');
            boolean first = true;
            for (Map.Entry<String, Integer> e : need.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(e.getKey()).append('=').append(stock.available(c.code(), e.getKey()))
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
                    part.append(s.line().skuCode()).append('=').append(q);
                }
            }
            if (!part.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(';');
                }
                sb.append(c.code()).append(':').append(part);
            }
        }
        return clip(sb.toString());
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
                // the SKU code may itself hold '=' or '/': the numbers are after the last ones
                int slash = s.lastIndexOf('/');
                int eq = slash < 0 ? -1 : s.lastIndexOf('=', slash);
                stock.add(eq > 0 ? s.substring(0, eq) + " has " + s.substring(eq + 1, slash) + " of "
                        + s.substring(slash + 1) + " needed" : s);
            }
            out.add(f[0] + " (" + f[1] + " km, priority " + f[2] + "): " + String.join(", ", stock));
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
            parts.add(f.length == 2 ? f[0] + " ships " + f[1].replace("=", " x").replace(",", ", ") : part);
        }
        return String.join("; ", parts);
    }
}
