package io.fulfil.split;

import static io.fulfil.reference.TemperatureZone.AMBIENT;
import static io.fulfil.reference.TemperatureZone.CHILLED;
import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.PEAR;
import static io.fulfil.split.Orders.order;
import static io.fulfil.split.Outcomes.shippedFrom;
import static io.fulfil.split.Outcomes.warehousesUsed;
import static io.fulfil.split.StockRows.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulfil.reference.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.3–§3.5: which warehouses may ship a group, and which ones do. */
class WarehouseChooserTests {

    /** Four apples and four pears of the fruit shop (one ambient group), sent to Shanghai. */
    static final PaidOrder FOUR_APPLES_FOUR_PEARS = order("O1").shipTo(Places.SHANGHAI)
            .line(APPLE, 4, 500).line(PEAR, 4, 300).build();

    static Warehouse ambient(String code, Places city) {
        return Warehouses.active(code, city, 1, AMBIENT);
    }

    static Decision onlyDecision(SplitOutcome outcome) {
        assertThat(outcome.decisions()).hasSize(1);
        return outcome.decisions().get(0);
    }

    @Nested
    class Candidates {

        @Test
        void onlyActiveWarehousesThatSupportTheZoneAreCandidates() {
            SplitPlanner planner = Warehouses.plannerOver(
                    Warehouses.inactive("SH", Places.SHANGHAI, 1, AMBIENT),
                    Warehouses.active("HZ", Places.HANGZHOU, 1, CHILLED),
                    Warehouses.active("BJ", Places.BEIJING, 1, AMBIENT, CHILLED));
            var stock = stock().has("SH", APPLE, 10).has("HZ", APPLE, 10).has("BJ", APPLE, 10).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoApples("O1"), stock);

            assertThat(warehousesUsed(outcome)).containsExactly("BJ");
            assertThat(DecisionText.describeCandidates(onlyDecision(outcome).candidates())).singleElement()
                    .asString().startsWith("BJ (");
        }

        @Test
        void candidatesAreOrderedNearestFirstThenByPriorityThenByCode() {
            List<Candidate> candidates = new ArrayList<>(List.of(
                    new Candidate(Warehouses.active("C", Places.BEIJING, 1, AMBIENT), 10.0),
                    new Candidate(Warehouses.active("B", Places.BEIJING, 2, AMBIENT), 5.0),
                    new Candidate(Warehouses.active("A", Places.BEIJING, 2, AMBIENT), 5.0),
                    new Candidate(Warehouses.active("D", Places.BEIJING, 1, AMBIENT), 5.0)));

            candidates.sort(Candidate.NEAREST_FIRST);

            assertThat(candidates).extracting(Candidate::code).containsExactly("D", "A", "B", "C");
        }

        @Test
        void greatCircleDistancesAreThoseOnTheMap() {
            ShipPoint shanghai = Places.SHANGHAI.shipPoint();

            assertThat(shanghai.distanceKmTo(Places.BEIJING.latitude, Places.BEIJING.longitude))
                    .isCloseTo(1068, within(5.0));
            assertThat(shanghai.distanceKmTo(Places.HANGZHOU.latitude, Places.HANGZHOU.longitude))
                    .isCloseTo(165, within(3.0));
            assertThat(shanghai.distanceKmTo(Places.SHANGHAI.latitude, Places.SHANGHAI.longitude)).isZero();
            assertThat(Places.unknownAddress().distanceKmTo(Places.BEIJING.latitude, Places.BEIJING.longitude))
                    .isZero();
            // antipodes: half the earth's circumference, no NaN from rounding
            assertThat(new ShipPoint(0.0, 0.0).distanceKmTo(0, 180)).isCloseTo(Math.PI * 6371.0088, within(0.01));
        }
    }

    @Nested
    class OneWarehouseShipsAll {

        @Test
        void theNearestWarehouseThatHasTheWholeGroupShipsItAlone() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("BJ", Places.BEIJING), ambient("SH", Places.SHANGHAI),
                    ambient("HZ", Places.HANGZHOU));
            // Shanghai is nearest but has only some of it; Hangzhou and Beijing have it all
            var stock = stock().has("SH", APPLE, 4).has("SH", PEAR, 3)
                    .has("HZ", APPLE, 4).has("HZ", PEAR, 4)
                    .has("BJ", APPLE, 9).has("BJ", PEAR, 9).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(FOUR_APPLES_FOUR_PEARS, stock);

            assertThat(warehousesUsed(outcome)).containsExactly("HZ");
            assertThat(outcome.fulfilments()).hasSize(1);
            assertThat(onlyDecision(outcome).rule()).isEqualTo(Rule.NEAREST_SINGLE);
            assertThat(stock.available("SH", "APPLE")).isEqualTo(4);
        }

        @Test
        void withoutAShipToPointEveryWarehouseIsEquallyNearAndTheLowerPriorityWins() {
            SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("SH", Places.SHANGHAI, 2, AMBIENT),
                    Warehouses.active("CD", Places.CHENGDU, 1, AMBIENT));
            var stock = stock().has("SH", APPLE, 9).has("CD", APPLE, 9).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(
                    order("O1").shipTo(Places.unknownAddress()).line(APPLE, 2, 500).build(), stock);

            assertThat(warehousesUsed(outcome)).containsExactly("CD");
        }

        @Test
        void atEqualDistanceAndPriorityTheWarehouseCodeDecides() {
            SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("WH-B", Places.WUHAN, 1, AMBIENT),
                    Warehouses.active("WH-A", Places.CHENGDU, 1, AMBIENT));
            var stock = stock().has("WH-B", APPLE, 9).has("WH-A", APPLE, 9).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(
                    order("O1").shipTo(Places.unknownAddress()).line(APPLE, 2, 500).build(), stock);

            assertThat(warehousesUsed(outcome)).containsExactly("WH-A");
        }

        @Test
        void twoWarehousesInTheSameCityAreEquallyNearSoPriorityDecides() {
            SplitPlanner planner = Warehouses.plannerOver(Warehouses.active("HZ-OLD", Places.HANGZHOU, 3, AMBIENT),
                    Warehouses.active("HZ-NEW", Places.HANGZHOU, 2, AMBIENT));
            var stock = stock().has("HZ-OLD", APPLE, 9).has("HZ-NEW", APPLE, 9).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoApples("O1"), stock);

            assertThat(warehousesUsed(outcome)).containsExactly("HZ-NEW");
        }
    }

    @Nested
    class FewestCover {

        @Test
        void theFewestWarehousesWinEvenWhenNearerOnesCouldCoverWithMore() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("SH", Places.SHANGHAI),
                    ambient("HZ", Places.HANGZHOU), ambient("NJ", Places.NANJING), ambient("BJ", Places.BEIJING),
                    ambient("GZ", Places.GUANGZHOU));
            // nearest first, Shanghai + Hangzhou + Nanjing would cover with three; Beijing + Guangzhou cover with two
            var stock = stock().has("SH", APPLE, 2).has("HZ", PEAR, 2).has("NJ", APPLE, 2).has("NJ", PEAR, 2)
                    .has("BJ", APPLE, 4).has("GZ", PEAR, 4).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(FOUR_APPLES_FOUR_PEARS, stock);

            assertThat(warehousesUsed(outcome)).containsExactly("BJ", "GZ");
            assertThat(shippedFrom(outcome, "BJ", APPLE)).isEqualTo(4);
            assertThat(shippedFrom(outcome, "GZ", PEAR)).isEqualTo(4);
            assertThat(onlyDecision(outcome).rule()).isEqualTo(Rule.FEWEST_WAREHOUSES);
        }

        @Test
        void amongCoversOfTheSameSizeTheLeastTotalDistanceWins() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("SH", Places.SHANGHAI),
                    ambient("HZ", Places.HANGZHOU), ambient("NJ", Places.NANJING), ambient("GZ", Places.GUANGZHOU));
            // pairs that cover: SH+GZ (about 1,210 km), HZ+NJ (about 435 km), HZ+GZ (about 1,375 km)
            var stock = stock().has("SH", APPLE, 4).has("HZ", APPLE, 4).has("HZ", PEAR, 2).has("NJ", PEAR, 2)
                    .has("GZ", PEAR, 4).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(FOUR_APPLES_FOUR_PEARS, stock);

            assertThat(warehousesUsed(outcome)).containsExactly("HZ", "NJ");
            assertThat(stock.available("SH", "APPLE")).isEqualTo(4);
        }

        @Test
        void aLineIsSplitOverTheCoverNearestFirst() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("BJ", Places.BEIJING), ambient("NJ", Places.NANJING),
                    ambient("HZ", Places.HANGZHOU));
            var stock = stock().has("HZ", APPLE, 3).has("NJ", APPLE, 4).has("BJ", APPLE, 4).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(order("O1").line(APPLE, 5, 100).build(), stock);

            assertThat(shippedFrom(outcome, "HZ", APPLE)).isEqualTo(3);
            assertThat(shippedFrom(outcome, "NJ", APPLE)).isEqualTo(2);
            assertThat(shippedFrom(outcome, "BJ", APPLE)).isZero();
            assertThat(outcome.backorders()).isEmpty();
            assertThat(DecisionText.describeChosen(onlyDecision(outcome).chosen()))
                    .isEqualTo("HZ ships APPLE x3; NJ ships APPLE x2");
        }

        @Test
        void twoLinesOfTheSameSkuShareTheCoverInLineOrder() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("HZ", Places.HANGZHOU), ambient("NJ", Places.NANJING));
            var stock = stock().has("HZ", APPLE, 3).has("NJ", APPLE, 3).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(
                    order("O1").line(APPLE, 2, 500).line(APPLE, 3, 0).build(), stock);

            assertThat(outcome.fulfilments()).flatExtracting(f -> f.lines().stream()
                            .map(l -> f.warehouseCode() + ":" + l.orderLineNo() + "x" + l.quantity()).toList())
                    .containsExactlyInAnyOrder("HZ:1x2", "HZ:2x1", "NJ:2x2");
            assertThat(stock.reservations().values()).containsExactly(3, 2);
        }

        @Test
        void partialStockIsAlsoTakenFromTheFewestWarehouses() {
            SplitPlanner planner = Warehouses.plannerOver(ambient("HZ", Places.HANGZHOU), ambient("NJ", Places.NANJING),
                    ambient("BJ", Places.BEIJING));
            // 6 apples wanted, 5 exist: HZ 1 + NJ 1 + BJ 3; the two nearest cannot cover what exists
            var stock = stock().has("HZ", APPLE, 1).has("NJ", APPLE, 1).has("BJ", APPLE, 3).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(order("O1").line(APPLE, 6, 100).build(), stock);

            assertThat(Outcomes.shipped(outcome, APPLE)).isEqualTo(5);
            assertThat(Outcomes.backordered(outcome, APPLE)).isEqualTo(1);
            assertThat(onlyDecision(outcome).rule()).isEqualTo(Rule.PARTIAL);
        }

        @Test
        void aCoverOfManyWarehousesTakesTheNearest() {
            int count = 12 + 3;
            List<Candidate> nearestFirst = IntStream.range(0, count)
                    .mapToObj(i -> new Candidate(ambient(String.format("W%02d", i), Places.BEIJING), 10.0 * i))
                    .toList();
            StockRows rows = stock();
            nearestFirst.forEach(c -> rows.has(c.code(), APPLE, 1));
            Map<String, Integer> need = Map.of("APPLE", 12 + 1);

            List<Candidate> cover = WarehouseChooser.fewestCover(nearestFirst, need, rows.chunk());

            assertThat(cover).extracting(Candidate::code)
                    .containsExactlyElementsOf(nearestFirst.subList(0, 12 + 1)
                            .stream().map(Candidate::code).toList());
        }

        @Test
        void theFewestWarehousesAreFoundBeyondTheTwelveNearestStockedOnes() {
            List<Candidate> nearestFirst = new ArrayList<>();
            StockRows rows = stock();
            for (int i = 0; i < 12; i++) {
                nearestFirst.add(new Candidate(ambient(String.format("NEAR%02d", i), Places.SHANGHAI), i));
                rows.has(String.format("NEAR%02d", i), APPLE, 1);
            }
            nearestFirst.add(new Candidate(ambient("FAR1", Places.CHENGDU), 1600));
            nearestFirst.add(new Candidate(ambient("FAR2", Places.CHENGDU), 1601));
            rows.has("FAR1", APPLE, 2).has("FAR2", APPLE, 2);

            List<Candidate> cover = WarehouseChooser.fewestCover(nearestFirst, Map.of("APPLE", 3), rows.chunk());

            assertThat(cover).extracting(Candidate::code).containsExactly("NEAR00", "FAR1");
        }

        @Test
        void warehousesWithoutAnyOfTheDemandAreNotPartOfACover() {
            List<Candidate> nearestFirst = List.of(new Candidate(ambient("EMPTY", Places.SHANGHAI), 0),
                    new Candidate(ambient("HZ", Places.HANGZHOU), 165), new Candidate(ambient("NJ", Places.NANJING), 270));
            var stock = stock().has("EMPTY", PEAR, 10).has("HZ", APPLE, 1).has("NJ", APPLE, 1).chunk();

            List<Candidate> cover = WarehouseChooser.fewestCover(nearestFirst, Map.of("APPLE", 2), stock);

            assertThat(cover).extracting(Candidate::code).containsExactly("HZ", "NJ");
            assertThat(WarehouseChooser.nearestSingle(nearestFirst, Map.of("APPLE", 2), stock)).isNull();
        }
    }
}
