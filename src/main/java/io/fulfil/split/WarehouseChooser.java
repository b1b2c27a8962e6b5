package io.fulfil.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the warehouses for one group's demand (CONTRACT §3.4 and §3.5): the nearest warehouse
 * that can ship everything alone, otherwise the fewest warehouses that cover it together, ties
 * broken by total distance, then total priority, then the candidates' order.
 *
 * <p>Covers are searched exhaustively by size (as Salesforce's "fewest splits" routing does) over
 * the candidates that hold any of the demand, so the fewest is always found while the number of
 * combinations of the next size stays within {@value #COMBINATION_BUDGET}; only past that (dozens
 * of stocked warehouses and a cover of many) are warehouses added nearest first until covered.
 */
public final class WarehouseChooser {

    static final long COMBINATION_BUDGET = 200_000;

    private WarehouseChooser() {
    }

    /** The nearest single candidate that has all of {@code need}, or null. */
    public static Candidate nearestSingle(List<Candidate> nearestFirst, Map<String, Integer> need, StockView stock) {
        for (Candidate c : nearestFirst) {
            if (covers(List.of(c), need, stock)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The fewest candidates that together cover {@code need}, nearest first. The caller makes sure
     * that all candidates together do cover it.
     */
    public static List<Candidate> fewestCover(List<Candidate> nearestFirst, Map<String, Integer> need,
                                              StockView stock) {
        List<Candidate> useful = new ArrayList<>();
        for (Candidate c : nearestFirst) {
            if (holdsAny(c, need, stock)) {
                useful.add(c);
            }
        }
        long budget = COMBINATION_BUDGET;
        for (int size = 1; size <= useful.size(); size++) {
            long combinations = combinations(useful.size(), size);
            if (combinations > budget) {
                break;
            }
            budget -= combinations;
            List<Candidate> best = bestCoverOfSize(useful, size, need, stock);
            if (best != null) {
                return best;
            }
        }
        return greedyCover(useful, need, stock);
    }

    private static List<Candidate> bestCoverOfSize(List<Candidate> pool, int size, Map<String, Integer> need,
                                                   StockView stock) {
        int n = pool.size();
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        List<Candidate> best = null;
        double bestDistance = Double.MAX_VALUE;
        long bestPriority = Long.MAX_VALUE;
        while (true) {
            List<Candidate> combo = new ArrayList<>(size);
            for (int i : idx) {
                combo.add(pool.get(i));
            }
            if (covers(combo, need, stock)) {
                double distance = 0;
                long priority = 0;
                for (Candidate c : combo) {
                    distance += c.distanceKm();
                    priority += c.warehouse().priority();
                }
                // combinations come in lexicographic order of the nearest-first list, so the first
                // of equals is kept: the deterministic last tie-break
                if (distance < bestDistance || (distance == bestDistance && priority < bestPriority)) {
                    best = combo;
                    bestDistance = distance;
                    bestPriority = priority;
                }
            }
            int i = size - 1;
            while (i >= 0 && idx[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return best;
            }
            idx[i]++;
            for (int j = i + 1; j < size; j++) {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    private static List<Candidate> greedyCover(List<Candidate> useful, Map<String, Integer> need, StockView stock) {
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : useful) {
            chosen.add(c);
            if (covers(chosen, need, stock)) {
                return chosen;
            }
        }
        throw new IllegalStateException("the candidates do not cover the demand " + need);
    }

    /** n choose k, saturating at Long.MAX_VALUE. */
    static long combinations(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c < 0 || c > Long.MAX_VALUE / (n + 1)) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    static boolean covers(List<Candidate> warehouses, Map<String, Integer> need, StockView stock) {
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            long have = 0;
            for (Candidate c : warehouses) {
                have += stock.available(c.code(), e.getKey());
            }
            if (have < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsAny(Candidate c, Map<String, Integer> need, StockView stock) {
        for (Map.Entry<String, Integer> e : need.entrySet()) {
            if (e.getValue() > 0 && stock.available(c.code(), e.getKey()) > 0) {
                return true;
            }
        }
        return false;
    }
}
