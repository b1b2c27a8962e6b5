package io.fulfil.picking.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalkingOrderTests {

    record S(String locationCode, String skuCode, int slot, int lineNo) implements WalkingOrder.Stop {
        static S at(String location) {
            return new S(location, "SKU", 1, 1);
        }
    }

    private static List<String> walk(String... locations) {
        List<S> stops = new ArrayList<>();
        for (String l : locations) {
            stops.add(S.at(l));
        }
        return WalkingOrder.sort(stops).stream().map(S::locationCode).toList();
    }

    @Test
    void baysRunUpInTheFirstVisitedAisleAndDownInTheSecond() {
        assertThat(walk("A-02-01-1", "A-01-05-1", "A-02-09-1", "A-01-02-1"))
                .containsExactly("A-01-02-1", "A-01-05-1", "A-02-09-1", "A-02-01-1");
    }

    @Test
    void theAisleCountIsOfTheAislesThisListVisitsNotTheAisleNumbers() {
        // aisles 3, 7, 8 are visited 1st (up), 2nd (down), 3rd (up)
        assertThat(walk("A-08-01-1", "A-08-04-1", "A-07-01-1", "A-07-04-1", "A-03-04-1", "A-03-01-1"))
                .containsExactly("A-03-01-1", "A-03-04-1", "A-07-04-1", "A-07-01-1", "A-08-01-1", "A-08-04-1");
    }

    @Test
    void theCountRestartsInEachZone() {
        assertThat(walk("B-05-01-1", "B-05-09-1", "A-01-01-1", "A-02-01-1", "A-02-03-1", "B-06-01-1", "B-06-09-1"))
                .containsExactly("A-01-01-1", "A-02-03-1", "A-02-01-1",
                        "B-05-01-1", "B-05-09-1", "B-06-09-1", "B-06-01-1");
    }

    @Test
    void numbersCompareAsNumbersNotText() {
        assertThat(walk("A-10-01-1", "A-9-01-1", "A-9-10-1", "A-9-9-1", "A-9-9-10", "A-9-9-2"))
                .containsExactly("A-9-01-1", "A-9-9-1", "A-9-9-2", "A-9-9-10", "A-9-10-1", "A-10-01-1");
    }

    @Test
    void levelsRunUpWithinABayAlsoInADownAisle() {
        assertThat(walk("A-01-01-1", "A-02-05-3", "A-02-05-1", "A-02-02-2"))
                .containsExactly("A-01-01-1", "A-02-05-1", "A-02-05-3", "A-02-02-2");
    }

    @Test
    void oneBinIsPickedBySkuThenSlotThenLine() {
        List<S> stops = List.of(new S("A-01-01-1", "SKU2", 1, 1), new S("A-01-01-1", "SKU1", 3, 1),
                new S("A-01-01-1", "SKU1", 2, 2), new S("A-01-01-1", "SKU1", 2, 1));
        assertThat(WalkingOrder.sort(stops)).containsExactly(new S("A-01-01-1", "SKU1", 2, 1),
                new S("A-01-01-1", "SKU1", 2, 2), new S("A-01-01-1", "SKU1", 3, 1), new S("A-01-01-1", "SKU2", 1, 1));
    }

    @Test
    void aMalformedLocationGoesLastInTextOrder() {
        assertThat(walk("shelf 2", "B-01-01-1", "A-X-1-1", "A-01-01-1"))
                .containsExactly("A-01-01-1", "B-01-01-1", "A-X-1-1", "shelf 2");
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<S> stops = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            stops.add(new S("%s-%02d-%02d-%d".formatted((char) ('A' + random.nextInt(3)), random.nextInt(12),
                    random.nextInt(30), random.nextInt(4)), "SKU" + random.nextInt(20), random.nextInt(10) + 1, 1));
        }
        List<S> expected = WalkingOrder.sort(stops);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(stops, random);
            assertThat(WalkingOrder.sort(stops)).isEqualTo(expected);
        }
        // and it is an S: within each zone, consecutive visited aisles alternate direction
        for (int i = 1; i < expected.size(); i++) {
            WalkingOrder.Bin a = WalkingOrder.Bin.parse(expected.get(i - 1).locationCode());
            WalkingOrder.Bin b = WalkingOrder.Bin.parse(expected.get(i).locationCode());
            assertThat(a.zone().compareTo(b.zone())).isLessThanOrEqualTo(0);
            if (a.zone().equals(b.zone())) {
                assertThat(a.aisle()).isLessThanOrEqualTo(b.aisle());
            }
        }
    }

    @Test
    void anEmptyListIsEmpty() {
        assertThat(WalkingOrder.sort(List.<S>of())).isEmpty();
    }
}
