package io.fulfil.tracking;

import io.fulfil.fulfilment.FulfilmentStatus;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the carriers' code mapping from a file operators edit (default {@code jobs/carriers.properties}):
 * lines {@code carrier.<CARRIER>.<STATUS> = code, code, ...}, {@code #} comments, UTF-8. Read by hand
 * rather than with {@link java.util.Properties}, which silently keeps the last of two equal keys and
 * cannot say on which line a mistake is. Every mistake is refused with the file, line, key and reason.
 */
public final class CarrierMappingFile {

    private static final Pattern KEY = Pattern.compile("carrier\\.([A-Za-z0-9_-]{1,32})\\.([A-Z_]+)");

    private CarrierMappingFile() {
    }

    /** Thrown for a file that cannot be used; the message is one line naming file, line, key and reason. */
    public static final class BrokenMappingException extends IllegalStateException {
        BrokenMappingException(String message) {
            super(message);
        }
    }

    public static CarrierMapping read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BrokenMappingException("carrier mapping " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BrokenMappingException("carrier mapping " + file + " cannot be read (" + e.getMessage()
                    + "); set fulfil.carriers.file to the mapping file");
        }
        return parse(file.toString(), lines);
    }

    static CarrierMapping parse(String source, List<String> lines) {
        Map<String, Map<String, FulfilmentStatus>> codes = new TreeMap<>();
        Map<String, Integer> keysSeen = new LinkedHashMap<>();
        Map<String, String> codeFirstSeen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw broken(source, lineNo, line, "not a 'key = codes' line");
            }
            String key = line.substring(0, eq).strip();
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                throw broken(source, lineNo, key, "a key is carrier.<CARRIER_CODE>.<STATUS>");
            }
            String carrier = m.group(1);
            FulfilmentStatus status = statusOf(m.group(2));
            if (status == null || !CarrierMapping.EVENT_STATUSES.contains(status)) {
                throw broken(source, lineNo, key, "unknown status " + m.group(2) + "; one of "
                        + CarrierMapping.EVENT_STATUSES.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
            }
            Integer earlier = keysSeen.putIfAbsent(key, lineNo);
            if (earlier != null) {
                throw broken(source, lineNo, key, "given twice (first on line " + earlier + ")");
            }
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw broken(source, lineNo, key, "no codes");
            }
            Map<String, FulfilmentStatus> carrierCodes = codes.computeIfAbsent(carrier, k -> new LinkedHashMap<>());
            for (String raw : value.split(",")) {
                String code = raw.strip();
                if (code.isEmpty() || code.length() > 64) {
                    throw broken(source, lineNo, key, "an empty code, or one longer than 64 characters, in '" + value + "'");
                }
                FulfilmentStatus other = carrierCodes.putIfAbsent(code, status);
                if (other != null) {
                    throw broken(source, lineNo, key, "code '" + code + "' of " + carrier + " is already mapped to "
                            + other + " (line " + codeFirstSeen.get(carrier + "\u0000" + code) + ")");
                }
                codeFirstSeen.put(carrier + "\u0000" + code, Integer.toString(lineNo));
            }
        }
        if (codes.isEmpty()) {
            throw new BrokenMappingException("carrier mapping " + source + ": no carriers mapped");
        }
        return new CarrierMapping(source, codes);
    }

    private static FulfilmentStatus statusOf(String name) {
        try {
            return FulfilmentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BrokenMappingException broken(String source, int line, String key, String reason) {
        return new BrokenMappingException("carrier mapping " + source + " line " + line + ", key " + key + ": " + reason);
    }
}
