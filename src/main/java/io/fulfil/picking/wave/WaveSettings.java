package io.fulfil.picking.wave;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the wave job ({@code fulfil.wave.*}), validated at start with one line naming the key.
 *
 * @param maxOrders  fulfilment orders per wave, unless the warehouse says otherwise
 * @param maxLines   fulfilment lines per wave, unless the warehouse says otherwise
 * @param chunkSize  waves per transaction of the wave job (creating them, and writing their pick lists)
 * @param warehouses per warehouse code: {@code max-orders}, {@code max-lines}, {@code cut-off} (HH:mm,
 *                   none by default) and {@code time-zone} (default Asia/Shanghai) of the cut-off
 */
@ConfigurationProperties("fulfil.wave")
public record WaveSettings(@DefaultValue("200") int maxOrders, @DefaultValue("2000") int maxLines,
                           @DefaultValue("10") int chunkSize, Map<String, Warehouse> warehouses) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** One warehouse's overrides; null means the default. */
    public record Warehouse(Integer maxOrders, Integer maxLines, String cutOff, String timeZone) {
    }

    public WaveSettings {
        requireBetween("fulfil.wave.max-orders", maxOrders, 1, 100_000);
        requireBetween("fulfil.wave.max-lines", maxLines, 1, 1_000_000);
        requireBetween("fulfil.wave.chunk-size", chunkSize, 1, 1000);
        // found whatever their case and punctuation: an environment variable turns SH-QP into SHQP or shqp
        Map<String, Warehouse> byCode = new TreeMap<>();
        if (warehouses != null) {
            warehouses.forEach((code, w) -> {
                String key = "fulfil.wave.warehouses." + code;
                if (w.maxOrders() != null) {
                    requireBetween(key + ".max-orders", w.maxOrders(), 1, 100_000);
                }
                if (w.maxLines() != null) {
                    requireBetween(key + ".max-lines", w.maxLines(), 1, 1_000_000);
                }
                if (w.cutOff() != null && !w.cutOff().isBlank()) {
                    parseCutOff(key + ".cut-off", w.cutOff());
                }
                if (w.timeZone() != null && !w.timeZone().isBlank()) {
                    parseZone(key + ".time-zone", w.timeZone());
                }
                if (byCode.put(normal(code), w) != null) {
                    throw new IllegalArgumentException(key + " is given twice (codes are compared without case,"
                            + " '-' or '_')");
                }
            });
        }
        warehouses = java.util.Collections.unmodifiableMap(byCode);
    }

    /** The settings with nothing configured: the defaults. */
    public static WaveSettings defaults() {
        return new WaveSettings(200, 2000, 10, Map.of());
    }

    public int maxOrders(String warehouseCode) {
        Warehouse w = warehouses.get(normal(warehouseCode));
        return w != null && w.maxOrders() != null ? w.maxOrders() : maxOrders;
    }

    public int maxLines(String warehouseCode) {
        Warehouse w = warehouses.get(normal(warehouseCode));
        return w != null && w.maxLines() != null ? w.maxLines() : maxLines;
    }

    /** The warehouse's daily cut-off, or null when it has none. */
    public LocalTime cutOff(String warehouseCode) {
        Warehouse w = warehouses.get(normal(warehouseCode));
        return w == null || w.cutOff() == null || w.cutOff().isBlank() ? null
                : parseCutOff("", w.cutOff());
    }

    /** The time zone of the warehouse's cut-off. */
    public ZoneId timeZone(String warehouseCode) {
        Warehouse w = warehouses.get(normal(warehouseCode));
        return w == null || w.timeZone() == null || w.timeZone().isBlank() ? DEFAULT_TIME_ZONE
                : parseZone("", w.timeZone());
    }

    /** The code without case, '-' or '_' (a plain loop: it runs for every fulfilment order waved). */
    private static String normal(String code) {
        StringBuilder normal = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normal.append(Character.toUpperCase(c));
            }
        }
        return normal.toString();
    }

    private static void requireBetween(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", is " + value);
        }
    }

    private static LocalTime parseCutOff(String key, String value) {
        try {
            return LocalTime.parse(value.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a time of day HH:mm such as 16:00, is '" + value + "'");
        }
    }

    private static ZoneId parseZone(String key, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + " must be a time zone such as Asia/Shanghai, is '" + value + "'");
        }
    }
}
