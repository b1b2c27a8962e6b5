package io.fulfil.split;

import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of one order in one run as the one text kept in {@code split_decision.trace}: a line
 * per merchant + zone group, its fields (merchant, zone, rule, chosen, candidates) separated by tabs.
 * One row per order rather than one per group, because the split writes it for every order and rows
 * are what a million orders pay for. Backslash, tab and newline inside a field are escaped.
 */
public final class DecisionTrace {

    /** The column's length; an order with very many groups has its longest candidate texts shortened. */
    public static final int MAX_LENGTH = 12_000;

    /** One group's decision as read back. */
    public record Group(String merchantCode, String zone, String rule, String chosen, String candidates) {
    }

    private DecisionTrace() {
    }

    public static String encode(List<Decision> decisions) {
        List<String[]> rows = new ArrayList<>();
        for (Decision d : decisions) {
            rows.add(new String[] {d.group().merchantCode(), d.group().zone().name(), d.rule().name(), d.chosen(),
                    d.candidates()});
        }
        String text = join(rows);
        while (text.length() > MAX_LENGTH) {
            String[] longest = rows.stream().max((a, b) -> Integer.compare(a[4].length(), b[4].length())).orElseThrow();
            if (longest[4].length() <= 3) {
                return text.substring(0, MAX_LENGTH);
            }
            longest[4] = longest[4].substring(0, longest[4].length() / 2) + "...";
            text = join(rows);
        }
        return text;
    }

    public static List<Group> decode(String trace) {
        List<Group> groups = new ArrayList<>();
        if (trace == null || trace.isEmpty()) {
            return groups;
        }
        for (String line : trace.split("\n")) {
            String[] f = line.split("\t", -1);
            String[] v = new String[5];
            for (int i = 0; i < 5; i++) {
                v[i] = i < f.length ? unescape(f[i]) : "";
            }
            groups.add(new Group(v[0], v[1], v[2], v[3], v[4]));
        }
        return groups;
    }

    private static String join(List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                escape(row[i], sb);
            }
        }
        return sb.toString();
    }

    private static void escape(String field, StringBuilder sb) {
        if (field.indexOf('\\') < 0 && field.indexOf('\t') < 0 && field.indexOf('\n') < 0) {
            // the common case: one copy instead of an append per character (a million orders' texts)
            sb.append(field);
            return;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                sb.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
