package io.fulfil.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A schedule's job parameters as Quartz keeps them: {@code key=value} pairs, one a line. */
final class Parameters {

    private Parameters() {
    }

    static String format(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                parameters.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return parameters;
    }
}
