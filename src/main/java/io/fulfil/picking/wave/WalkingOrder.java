package io.fulfil.picking.wave;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which a picker walks a wave's bins (CONTRACT §7.2). A bin is {@code ZONE-AISLE-BAY-LEVEL}
 * with numeric aisle, bay and level. Stops are sorted by zone, then aisle ascending; within an aisle
 * the bays run up in the first, third, … aisle of the zone that this list visits and down in the
 * second, fourth, … (an S-shaped path: the picker leaves each aisle at the end where the next one
 * starts), then level ascending, then SKU, then slot.
 *
 * <p>The aisle count restarts in each zone and counts only the aisles this list visits, so two lists
 * over the same zone may walk a given aisle in opposite directions. A location that does not follow
 * the pattern (the loader refuses such bins, so only hand-edited data has one) goes after every
 * well-formed one, in text order, so the list is still complete and deterministic.
 */
public final class WalkingOrder {

    private static final Pattern LOCATION = Pattern.compile("([^-]+)-(\\d{1,9})-(\\d{1,9})-(\\d{1,9})");

    /** One stop of a pick list: what the walking order needs to know of it. */
    public interface Stop {
        String locationCode();

        String skuCode();

        int slot();

        /** The last tie-break: two lines of one fulfilment order for the same SKU keep their line order. */
        int lineNo();
    }

    /** A parsed bin; {@code zone} null means the code did not follow the pattern. */
    record Bin(String zone, int aisle, int bay, int level) {

        static Bin parse(String locationCode) {
            Matcher m = locationCode == null ? null : LOCATION.matcher(locationCode);
            if (m == null || !m.matches()) {
                return new Bin(null, 0, 0, 0);
            }
            return new Bin(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
        }
    }

    private WalkingOrder() {
    }

    /** The stops in walking order (a new list; the input is not changed). */
    public static <T extends Stop> List<T> sort(Collection<T> stops) {
        Map<T, Bin> bins = new HashMap<>();
        Map<String, TreeSet<Integer>> aislesByZone = new TreeMap<>();
        for (T stop : stops) {
            Bin bin = Bin.parse(stop.locationCode());
            bins.put(stop, bin);
            if (bin.zone() != null) {
                aislesByZone.computeIfAbsent(bin.zone(), z -> new TreeSet<>()).add(bin.aisle());
            }
        }
        // the n-th aisle visited in its zone (0-based): even ones walk the bays up, odd ones down
        Map<String, Map<Integer, Integer>> visit = new HashMap<>();
        aislesByZone.forEach((zone, aisles) -> {
            Map<Integer, Integer> nth = new HashMap<>();
            for (int aisle : aisles) {
                nth.put(aisle, nth.size());
            }
            visit.put(zone, nth);
        });
        Comparator<T> walk = Comparator.comparing((T s) -> bins.get(s).zone() == null)
                .thenComparing(s -> bins.get(s).zone() == null ? "" : bins.get(s).zone())
                .thenComparingInt(s -> bins.get(s).aisle())
                .thenComparingInt(s -> {
                    Bin bin = bins.get(s);
                    boolean down = bin.zone() != null && visit.get(bin.zone()).get(bin.aisle()) % 2 == 1;
                    return down ? -bin.bay() : bin.bay();
                })
                .thenComparingInt(s -> bins.get(s).level())
                .thenComparing(s -> bins.get(s).zone() == null ? String.valueOf(s.locationCode()) : "")
                .thenComparing(Stop::skuCode)
                .thenComparingInt(Stop::slot)
                .thenComparingInt(Stop::lineNo);
        List<T> sorted = new ArrayList<>(stops);
        sorted.sort(walk);
        return sorted;
    }
}
