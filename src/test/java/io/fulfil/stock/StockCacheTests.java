package io.fulfil.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The run's stock projection: database levels with every planned chunk's reservations counted, and
 * a new epoch, with everything forgotten, whenever a planned chunk is not written as planned.
 */
class StockCacheTests {

    /** A ledger whose database is a map; it counts the SKUs it is asked to read. */
    static final class FakeLedger extends StockLedger {
        final Map<StockKey, StockLevel> rows = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        long raised;

        FakeLedger() {
            super(null, null, null, null, null);
        }

        @Override
        public long raisedVersion() {
            return raised;
        }

        @Override
        public Map<StockKey, StockLevel> read(Collection<String> skuCodes) {
            reads.addAll(skuCodes);
            Map<StockKey, StockLevel> found = new HashMap<>();
            rows.forEach((key, level) -> {
                if (skuCodes.contains(key.skuCode())) {
                    found.put(key, level);
                }
            });
            return found;
        }
    }

    private static final StockKey APPLE_HZ = new StockKey("HZ", "APPLE");
    private static final StockKey APPLE_NJ = new StockKey("NJ", "APPLE");
    private static final StockKey PEAR_HZ = new StockKey("HZ", "PEAR");

    private final FakeLedger ledger = new FakeLedger();

    {
        ledger.rows.put(APPLE_HZ, new StockLevel(10, 2));
        ledger.rows.put(APPLE_NJ, new StockLevel(5, 0));
        ledger.rows.put(PEAR_HZ, new StockLevel(3, 3));
    }

    @Test
    void readsEachSkuOnceAndKnowsEveryWarehouseOfIt() {
        StockCache cache = new StockCache(ledger, 1000);

        StockCache.View first = cache.levelsOf(List.of("APPLE", "PEAR", "PLUM"));
        StockCache.View second = cache.levelsOf(List.of("APPLE", "PLUM"));

        assertThat(first.levels()).containsOnlyKeys(APPLE_HZ, APPLE_NJ, PEAR_HZ);
        assertThat(second.levels()).containsOnlyKeys(APPLE_HZ, APPLE_NJ);
        assertThat(ledger.reads).containsExactlyInAnyOrder("APPLE", "PEAR", "PLUM");
    }

    @Test
    void aPlannedChunksReservationsAreCountedBeforeItIsWritten() {
        StockCache cache = new StockCache(ledger, 1000);
        StockCache.View view = cache.levelsOf(List.of("APPLE"));

        assertThat(cache.reserve(view.epoch(), Map.of(APPLE_HZ, 3))).isTrue();

        // the database still says 2 allocated: the next chunk is planned as if the first were written
        assertThat(cache.levelsOf(List.of("APPLE")).levels().get(APPLE_HZ)).isEqualTo(new StockLevel(10, 5));
        assertThat(ledger.reads).containsExactly("APPLE");
    }

    @Test
    void invalidatingForgetsEverythingAndRefusesPlansOfTheOldEpoch() {
        StockCache cache = new StockCache(ledger, 1000);
        StockCache.View before = cache.levelsOf(List.of("APPLE"));
        cache.reserve(before.epoch(), Map.of(APPLE_HZ, 3));

        cache.invalidate();

        assertThat(cache.epoch()).isGreaterThan(before.epoch());
        // a plan made on the old view is not counted: it must be planned again
        assertThat(cache.reserve(before.epoch(), Map.of(APPLE_NJ, 1))).isFalse();
        StockCache.View after = cache.levelsOf(List.of("APPLE"));
        assertThat(after.epoch()).isEqualTo(cache.epoch());
        assertThat(after.levels()).containsEntry(APPLE_HZ, new StockLevel(10, 2)).containsEntry(APPLE_NJ,
                new StockLevel(5, 0));
        assertThat(ledger.reads).containsExactly("APPLE", "APPLE");
    }

    @Test
    void aSkuEvictedBeforeItsReservationIsCountedIsReadAgain() {
        StockCache cache = new StockCache(ledger, 1);
        StockCache.View apple = cache.levelsOf(List.of("APPLE"));
        cache.levelsOf(List.of("PEAR"));

        assertThat(cache.reserve(apple.epoch(), Map.of(APPLE_HZ, 1))).isTrue();

        // not remembered with a reservation it never saw: read again, from what the database says
        assertThat(cache.levelsOf(List.of("APPLE")).levels()).containsEntry(APPLE_HZ, new StockLevel(10, 2));
        assertThat(ledger.reads).containsExactly("APPLE", "PEAR", "APPLE");
    }

    @Test
    void aChunkWithMoreSkusThanTheCacheHoldsStillSeesThemAll() {
        StockCache cache = new StockCache(ledger, 1);

        assertThat(cache.levelsOf(List.of("APPLE", "PEAR")).levels()).containsOnlyKeys(APPLE_HZ, APPLE_NJ, PEAR_HZ);
    }

    @Test
    void stockMadeAvailableByAnotherJobIsReadAgainAndOlderPlansAreNoLongerWrittenAsTheyAre() {
        StockCache cache = new StockCache(ledger, 1000);
        StockCache.View before = cache.levelsOf(List.of("APPLE"));
        assertThat(before.levels()).containsEntry(APPLE_HZ, new StockLevel(10, 2));

        ledger.rows.put(APPLE_HZ, new StockLevel(60, 2));
        StockCache.View unchanged = cache.levelsOf(List.of("APPLE"));
        assertThat(unchanged.levels()).as("no raise signalled: the projection stands")
                .containsEntry(APPLE_HZ, new StockLevel(10, 2));

        ledger.raised++;
        StockCache.View after = cache.levelsOf(List.of("APPLE"));
        assertThat(after.levels()).containsEntry(APPLE_HZ, new StockLevel(60, 2));
        assertThat(after.epoch()).isGreaterThan(before.epoch());
        assertThat(cache.reserve(before.epoch(), Map.of(APPLE_HZ, 1))).isFalse();
    }
}
