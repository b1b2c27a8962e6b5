package io.fulfil.split;

import static io.fulfil.reference.TemperatureZone.AMBIENT;
import static io.fulfil.reference.TemperatureZone.CHILLED;
import static io.fulfil.reference.TemperatureZone.FROZEN;
import static io.fulfil.split.Catalog.APPLE;
import static io.fulfil.split.Catalog.CHERRY;
import static io.fulfil.split.Catalog.DAIRY;
import static io.fulfil.split.Catalog.FRUIT_SHOP;
import static io.fulfil.split.Catalog.GREEN_TEA;
import static io.fulfil.split.Catalog.ICE_CREAM;
import static io.fulfil.split.Catalog.MILK;
import static io.fulfil.split.Catalog.PEAR;
import static io.fulfil.split.Catalog.TEA_SHOP;
import static io.fulfil.split.Catalog.UNKNOWN;
import static io.fulfil.split.Catalog.YOGURT;
import static io.fulfil.split.Orders.order;
import static io.fulfil.split.Outcomes.backordered;
import static io.fulfil.split.Outcomes.piecesOfLine;
import static io.fulfil.split.Outcomes.shipped;
import static io.fulfil.split.Outcomes.shippedFrom;
import static io.fulfil.split.Outcomes.total;
import static io.fulfil.split.Outcomes.totalOfLine;
import static io.fulfil.split.StockRows.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fulfil.reference.Warehouse;
import io.fulfil.stock.StockKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONTRACT §3: how one order is grouped, allocated, backordered, held and priced. */
class SplitPlannerTests {

    static final Warehouse SHANGHAI_ALL_ZONES = Warehouses.active("SH", Places.SHANGHAI, 1, AMBIENT, CHILLED, FROZEN);
    static final Warehouse HANGZHOU_AMBIENT = Warehouses.active("HZ", Places.HANGZHOU, 1, AMBIENT);
    static final Warehouse NANJING_AMBIENT = Warehouses.active("NJ", Places.NANJING, 1, AMBIENT);
    static final Warehouse BEIJING_CHILLED = Warehouses.active("BJ", Places.BEIJING, 1, AMBIENT, CHILLED);
    static final Warehouse WUHAN_FROZEN_CLOSED = Warehouses.inactive("WH", Places.WUHAN, 1, FROZEN);

    @Nested
    class Grouping {

        @Test
        void linesOfDifferentMerchantsOrZonesNeverShareAFulfilmentOrder() {
            SplitPlanner planner = Warehouses.plannerOver(SHANGHAI_ALL_ZONES);
            ChunkStock stock = stock().has("SH", APPLE, 10).has("SH", PEAR, 10).has("SH", CHERRY, 10)
                    .has("SH", GREEN_TEA, 10).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoMerchantsOneChilledLine(), stock);

            assertThat(outcome.held()).as(outcome.holdReason()).isFalse();
            assertThat(outcome.fulfilments())
                    .extracting(PlannedFulfilment::merchantCode, PlannedFulfilment::zone, PlannedFulfilment::warehouseCode,
                            f -> f.lines().stream().map(PlannedFulfilment.Line::skuCode).toList())
                    .containsExactlyInAnyOrder(
                            tuple(FRUIT_SHOP, AMBIENT, "SH", List.of("APPLE", "PEAR")),
                            tuple(FRUIT_SHOP, CHILLED, "SH", List.of("CHERRY")),
                            tuple(TEA_SHOP, AMBIENT, "SH", List.of("GREEN_TEA")));
            assertThat(outcome.fulfilments()).extracting(PlannedFulfilment::fulfilmentNo)
                    .containsExactlyInAnyOrder("F0000000001", "F0000000002", "F0000000003");
            assertThat(outcome.backorders()).isEmpty();
            assertThat(outcome.decisions()).extracting(Decision::group).containsExactlyInAnyOrder(
                    new GroupKey(FRUIT_SHOP, AMBIENT), new GroupKey(FRUIT_SHOP, CHILLED), new GroupKey(TEA_SHOP, AMBIENT));
        }

        @Test
        void aChilledLineGoesToAChilledWarehouseWhileItsAmbientSiblingsGoToTheNearestAmbientOne() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, BEIJING_CHILLED);
            ChunkStock stock = stock().has("HZ", APPLE, 10).has("HZ", PEAR, 10).has("HZ", GREEN_TEA, 10)
                    .has("HZ", CHERRY, 10).has("BJ", CHERRY, 10).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoMerchantsOneChilledLine(), stock);

            assertThat(outcome.fulfilments()).allSatisfy(f -> assertThat(f.warehouseCode())
                    .isEqualTo(f.zone() == CHILLED ? "BJ" : "HZ"));
            assertThat(shippedFrom(outcome, "BJ", CHERRY)).isEqualTo(3);
            assertThat(shippedFrom(outcome, "HZ", CHERRY)).isZero(); // Hangzhou has cherries but no cold room
        }

        @Test
        void everyFulfilmentOrderHoldsOneMerchantOneZoneAndOneWarehouse() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, NANJING_AMBIENT, BEIJING_CHILLED);
            // no single warehouse has all the apples, so the group is spread
            ChunkStock stock = stock().has("HZ", APPLE, 1).has("NJ", APPLE, 1).has("NJ", PEAR, 4)
                    .has("BJ", CHERRY, 3).has("HZ", GREEN_TEA, 1).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoMerchantsOneChilledLine(), stock);

            Map<String, Catalog.Sku> skus = Map.of("APPLE", APPLE, "PEAR", PEAR, "CHERRY", CHERRY,
                    "GREEN_TEA", GREEN_TEA);
            assertThat(outcome.fulfilments()).hasSize(4).allSatisfy(f -> assertThat(f.lines()).allSatisfy(l -> {
                assertThat(skus.get(l.skuCode()).merchantCode()).isEqualTo(f.merchantCode());
                assertThat(skus.get(l.skuCode()).zone()).isEqualTo(f.zone());
            }));
            assertThat(outcome.fulfilments()).extracting(PlannedFulfilment::warehouseCode, PlannedFulfilment::merchantCode)
                    .doesNotHaveDuplicates();
        }
    }

    @Nested
    class PartialStockAndBackorders {

        @Test
        void shipAvailableShipsWhatThereIsAndBackordersTheRestExactly() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, NANJING_AMBIENT);
            ChunkStock stock = stock().has("HZ", APPLE, 2).has("NJ", APPLE, 1).chunk();
            PaidOrder order = order("O1").line(APPLE, 5, 1000).line(PEAR, 2, 700).build();

            SplitOutcome outcome = planner.splitPaidOrder(order, stock);

            assertThat(shippedFrom(outcome, "HZ", APPLE)).isEqualTo(2);
            assertThat(shippedFrom(outcome, "NJ", APPLE)).isEqualTo(1);
            assertThat(outcome.backorders()).extracting(OpenLine::orderLineNo, OpenLine::skuCode, OpenLine::quantity)
                    .containsExactly(tuple(1, "APPLE", 2), tuple(2, "PEAR", 2));
            assertThat(outcome.decisions()).singleElement().extracting(Decision::rule).isEqualTo(Rule.PARTIAL);
            assertThat(stock.reservations()).containsOnly(Map.entry(new StockKey("HZ", "APPLE"), 2),
                    Map.entry(new StockKey("NJ", "APPLE"), 1));
            assertThat(total(outcome)).isEqualTo(new Amounts(6400, 0, 0));
        }

        @Test
        void nothingAnywhereBackordersEveryLineWithItsWholeAmounts() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT);
            ChunkStock stock = stock().has("HZ", APPLE, 0).chunk();
            PaidOrder order = order("O1").line(APPLE, 5, 1000).line(PEAR, 2, 700).discount(400).shipping(600).build();

            SplitOutcome outcome = planner.splitPaidOrder(order, stock);

            assertThat(outcome.fulfilments()).isEmpty();
            assertThat(outcome.decisions()).singleElement().extracting(Decision::rule).isEqualTo(Rule.NO_STOCK);
            assertThat(outcome.backorders()).extracting(OpenLine::quantity, OpenLine::amounts).containsExactly(
                    tuple(5, new Amounts(5000, 313, 469)), tuple(2, new Amounts(1400, 87, 131)));
            assertThat(stock.reservations()).isEmpty();
        }

        @Test
        void waitForAllAllocatesNothingWhileTheGroupCannotShipComplete() {
            SplitPlanner planner = Warehouses.plannerOver(SHANGHAI_ALL_ZONES, BEIJING_CHILLED);
            ChunkStock stock = stock().has("SH", MILK, 5).has("BJ", YOGURT, 1).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.milkAndYogurtForTheDairy("O1", 2, 3), stock);

            assertThat(outcome.fulfilments()).isEmpty();
            assertThat(outcome.backorders()).extracting(OpenLine::skuCode, OpenLine::quantity)
                    .containsExactly(tuple("MILK", 2), tuple("YOGURT", 3));
            assertThat(outcome.decisions()).singleElement().extracting(Decision::rule).isEqualTo(Rule.WAIT_FOR_ALL);
            assertThat(stock.reservations()).isEmpty();
        }

        @Test
        void waitForAllShipsTheCompleteGroupEvenOverSeveralWarehouses() {
            SplitPlanner planner = Warehouses.plannerOver(SHANGHAI_ALL_ZONES, BEIJING_CHILLED);
            ChunkStock stock = stock().has("SH", MILK, 5).has("SH", YOGURT, 1).has("BJ", YOGURT, 2).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(Orders.milkAndYogurtForTheDairy("O1", 2, 3), stock);

            assertThat(outcome.backorders()).isEmpty();
            assertThat(shippedFrom(outcome, "SH", MILK)).isEqualTo(2);
            assertThat(shippedFrom(outcome, "SH", YOGURT)).isEqualTo(1);
            assertThat(shippedFrom(outcome, "BJ", YOGURT)).isEqualTo(2);
            assertThat(outcome.decisions()).singleElement().extracting(Decision::rule)
                    .isEqualTo(Rule.FEWEST_WAREHOUSES);
        }

        @Test
        void aShipAvailableGroupStillShipsWhileTheWaitForAllGroupOfTheSameOrderWaits() {
            SplitPlanner planner = Warehouses.plannerOver(BEIJING_CHILLED);
            ChunkStock stock = stock().has("BJ", MILK, 1).has("BJ", CHERRY, 2).chunk();
            PaidOrder order = order("O1").line(MILK, 2, 800).line(CHERRY, 3, 1200).build();

            SplitOutcome outcome = planner.splitPaidOrder(order, stock);

            assertThat(shipped(outcome, MILK)).isZero();
            assertThat(backordered(outcome, MILK)).isEqualTo(2);
            assertThat(shipped(outcome, CHERRY)).isEqualTo(2);
            assertThat(backordered(outcome, CHERRY)).isEqualTo(1);
            assertThat(outcome.decisions()).extracting(d -> d.group().merchantCode(), Decision::rule)
                    .containsExactlyInAnyOrder(tuple(DAIRY, Rule.WAIT_FOR_ALL), tuple(FRUIT_SHOP, Rule.PARTIAL));
            assertThat(stock.reservations()).containsOnly(Map.entry(new StockKey("BJ", "CHERRY"), 2));
        }

        @Test
        void stockBelowZeroCountsAsNone() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT);
            ChunkStock stock = stock().has("HZ", APPLE, 3, 5).chunk(); // over-allocated row

            SplitOutcome outcome = planner.splitPaidOrder(Orders.twoApples("O1"), stock);

            assertThat(outcome.fulfilments()).isEmpty();
            assertThat(backordered(outcome, APPLE)).isEqualTo(2);
            assertThat(stock.available("HZ", "APPLE")).isZero();
        }
    }

    @Nested
    class Holds {

        static Stream<Arguments> unsplittableOrders() {
            return Stream.of(
                    Arguments.of("goods_amount does not add up",
                            order("O1").line(APPLE, 2, 500).goodsAmount(999).paidAmount(999).build(),
                            "goods_amount 9.99 but the lines add up to 10.00"),
                    Arguments.of("paid_amount does not add up",
                            order("O1").line(APPLE, 2, 500).shipping(100).paidAmount(1000).build(),
                            "paid_amount 10.00 but goods_amount - discount_amount + shipping_fee = 11.00"),
                    Arguments.of("unknown SKU",
                            order("O1").line(APPLE, 2, 500).line(UNKNOWN, 1, 100).build(),
                            "unknown SKU GHOST"),
                    Arguments.of("no active warehouse for the zone",
                            order("O1").line(APPLE, 2, 500).line(ICE_CREAM, 1, 900).build(),
                            "no active warehouse supports temperature zone FROZEN"),
                    Arguments.of("discount larger than the goods",
                            order("O1").line(APPLE, 2, 500).discount(1200).shipping(300).build(),
                            "discount_amount 12.00 exceeds goods_amount 10.00"),
                    Arguments.of("no lines", order("O1").goodsAmount(0).build(), "no lines"),
                    Arguments.of("paid_at missing", order("O1").line(APPLE, 2, 500).paidAtUnknown().build(),
                            "paid_at is missing"),
                    Arguments.of("line discount larger than the line",
                            order("O1").line(APPLE, 2, 500, 1001).goodsAmount(0).paidAmount(0).build(),
                            "line 1 (APPLE): line_discount 10.01 exceeds quantity x unit_price 10.00"),
                    Arguments.of("negative shipping fee",
                            order("O1").line(APPLE, 2, 500).shipping(-100).build(),
                            "an order amount is negative"),
                    Arguments.of("zero quantity",
                            order("O1").line(APPLE, 0, 500).goodsAmount(0).build(),
                            "quantity must be positive"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("unsplittableOrders")
        void anUnsplittableOrderIsHeldWithTheReasonAndReservesNothing(String situation, PaidOrder order,
                                                                      String reason) {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, WUHAN_FROZEN_CLOSED);
            ChunkStock stock = stock().has("HZ", APPLE, 100).has("WH", ICE_CREAM, 100).chunk();

            SplitOutcome outcome = planner.splitPaidOrder(order, stock);

            assertThat(outcome.held()).isTrue();
            assertThat(outcome.holdReason()).contains(reason);
            assertThat(outcome.fulfilments()).isEmpty();
            assertThat(outcome.backorders()).isEmpty();
            assertThat(stock.reservations()).isEmpty();
            assertThat(stock.available("HZ", "APPLE")).isEqualTo(100);
        }

        @Test
        void theLineIsNamedWhenALineIsAtFault() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT)
                    .splitPaidOrder(order("O1").line(APPLE, 1, 100).line(UNKNOWN, 1, 100).build(), stock().chunk());

            assertThat(outcome.holdReason()).startsWith("line 2 (GHOST)");
        }

        @Test
        void aDiscountEqualToTheGoodsIsFine() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(
                    order("O1").line(APPLE, 2, 500).discount(1000).shipping(300).build(),
                    stock().has("HZ", APPLE, 2).chunk());

            assertThat(outcome.held()).isFalse();
            assertThat(total(outcome)).isEqualTo(new Amounts(1000, 1000, 300));
        }
    }

    @Nested
    class ServingOrder {

        @Test
        void scarceStockGoesToTheOrderPlannedFirst() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT);
            ChunkStock stock = stock().has("HZ", APPLE, 3).chunk();

            SplitOutcome first = planner.splitPaidOrder(Orders.twoApples("EARLY"), stock);
            SplitOutcome second = planner.splitPaidOrder(Orders.twoApples("LATE"), stock);

            assertThat(shipped(first, APPLE)).isEqualTo(2);
            assertThat(backordered(first, APPLE)).isZero();
            assertThat(shipped(second, APPLE)).isEqualTo(1);
            assertThat(backordered(second, APPLE)).isEqualTo(1);
            assertThat(stock.reservations()).containsOnly(Map.entry(new StockKey("HZ", "APPLE"), 3));
        }

        @Test
        void planningInTheOtherOrderServesTheOtherOrderFirst() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT);
            ChunkStock stock = stock().has("HZ", APPLE, 3).chunk();

            SplitOutcome late = planner.splitPaidOrder(Orders.twoApples("LATE"), stock);
            SplitOutcome early = planner.splitPaidOrder(Orders.twoApples("EARLY"), stock);

            assertThat(shipped(late, APPLE)).isEqualTo(2);
            assertThat(shipped(early, APPLE)).isEqualTo(1);
        }
    }

    @Nested
    class AllocatingBackordersLater {

        @Test
        void restockedBackordersBecomeTheNextFulfilmentOrderWithTheBackordersMoney() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, NANJING_AMBIENT);
            PaidOrder order = order("O1").line(APPLE, 5, 1000).discount(100).shipping(1000).build();
            SplitOutcome first = planner.splitPaidOrder(order, stock().has("HZ", APPLE, 2).chunk());
            OpenLine waiting = first.backorders().get(0);

            SplitOutcome later = planner.allocate("O1", order.shipTo(), first.backorders(),
                    stock().has("NJ", APPLE, 10).chunk());

            assertThat(first.fulfilments()).extracting(PlannedFulfilment::fulfilmentNo).containsExactly("F0000000001");
            assertThat(waiting.quantity()).isEqualTo(3);
            assertThat(later.fulfilments()).singleElement().satisfies(f -> {
                assertThat(f.fulfilmentNo()).isEqualTo("F0000000002");
                assertThat(f.warehouseCode()).isEqualTo("NJ");
                assertThat(f.lines()).singleElement().extracting(PlannedFulfilment.Line::orderLineNo,
                        PlannedFulfilment.Line::quantity, PlannedFulfilment.Line::amounts)
                        .containsExactly(1, 3, waiting.amounts());
            });
            assertThat(later.backorders()).isEmpty();
            assertThat(first.fulfilments().get(0).amounts().plus(waiting.amounts()))
                    .isEqualTo(new Amounts(5000, 100, 1000));
        }

        @Test
        void aPartlyRestockedBackorderSplitsItsMoneyBetweenTheNewFulfilmentAndWhatStillWaits() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, BEIJING_CHILLED);
            PaidOrder order = order("O7").line(APPLE, 4, 999).line(CHERRY, 3, 1001).discount(333).shipping(777)
                    .build();
            SplitOutcome first = planner.splitPaidOrder(order, stock().chunk());
            assertThat(first.fulfilments()).isEmpty();

            SplitOutcome later = planner.allocate("O7", order.shipTo(), first.backorders(),
                    stock().has("HZ", APPLE, 1).has("BJ", CHERRY, 2).chunk());

            assertThat(later.fulfilments()).extracting(PlannedFulfilment::fulfilmentNo)
                    .containsExactlyInAnyOrder("F0000000001", "F0000000002");
            for (OpenLine before : first.backorders()) {
                assertThat(totalOfLine(later, before.orderLineNo())).isEqualTo(before.amounts());
                int stillWaiting = later.backorders().stream().filter(b -> b.orderLineNo() == before.orderLineNo())
                        .mapToInt(OpenLine::quantity).sum();
                int shippedNow = later.fulfilments().stream().flatMap(f -> f.lines().stream())
                        .filter(l -> l.orderLineNo() == before.orderLineNo())
                        .mapToInt(PlannedFulfilment.Line::quantity).sum();
                assertThat(stillWaiting + shippedNow).isEqualTo(before.quantity());
            }
            assertThat(total(later)).isEqualTo(total(first));
        }

        @Test
        void aZoneWithoutAnyActiveWarehouseLeavesTheBackorderAsItIsInsteadOfHolding() {
            SplitPlanner planner = Warehouses.plannerOver(HANGZHOU_AMBIENT, WUHAN_FROZEN_CLOSED);
            OpenLine iceCream = new OpenLine(1, "ICE_CREAM", DAIRY, FROZEN, 2, new Amounts(1800, 0, 500));

            SplitOutcome later = planner.allocate("O1", Places.SHANGHAI.shipPoint(), List.of(iceCream),
                    stock().has("WH", ICE_CREAM, 10).chunk());

            assertThat(later.held()).isFalse();
            assertThat(later.fulfilments()).isEmpty();
            assertThat(later.backorders()).containsExactly(iceCream);
            assertThat(later.decisions()).singleElement().extracting(Decision::rule)
                    .isEqualTo(Rule.NO_ELIGIBLE_WAREHOUSE);
        }
    }

    @Nested
    class Money {

        @Test
        void oneYuanOffThreeEqualLinesIsThirtyFourThirtyThreeThirtyThree() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(
                    Orders.threeEqualLinesOneYuanOff(), stock().chunk());

            assertThat(List.of(1, 2, 3)).extracting(line -> totalOfLine(outcome, line).discount())
                    .containsExactly(34L, 33L, 33L);
        }

        @Test
        void tiesGoToTheLowerLineNumberEvenWhenTheLinesArriveOutOfOrder() {
            PaidOrder order = order("O1").line(2, PEAR, 1, 1000, 0).line(1, APPLE, 1, 1000, 0).discount(1).build();

            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(order, stock().chunk());

            assertThat(totalOfLine(outcome, 1).discount()).isEqualTo(1);
            assertThat(totalOfLine(outcome, 2).discount()).isZero();
        }

        @Test
        void discountAndShippingAreSpreadByLineGoodsAmountWithTheSpareCentToTheLargestRemainder() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(
                    Orders.hundredYuanTenOffTenOneShipping(), stock().chunk());

            assertThat(List.of(1, 2, 3)).extracting(line -> totalOfLine(outcome, line)).containsExactly(
                    new Amounts(2000, 200, 200), new Amounts(3000, 300, 300), new Amounts(5000, 500, 501));
            assertThat(total(outcome).paid()).isEqualTo(10000 - 1000 + 1001);
        }

        @Test
        void aLineDiscountLowersTheWeightOfItsLine() {
            // line 1: 2 x 10.00 - 10.00 = 10.00, line 2: 30.00; 4.00 off => 1.00 and 3.00
            PaidOrder order = order("O1").line(APPLE, 2, 1000, 1000).line(PEAR, 3, 1000).discount(400).build();

            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(order, stock().chunk());

            assertThat(totalOfLine(outcome, 1)).isEqualTo(new Amounts(1000, 100, 0));
            assertThat(totalOfLine(outcome, 2)).isEqualTo(new Amounts(3000, 300, 0));
        }

        @Test
        void aFreeGiftCarriesNoDiscountAndNoShipping() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(
                    Orders.paidLineAndFreeGift(), stock().has("HZ", APPLE, 3).has("HZ", PEAR, 1).chunk());

            assertThat(totalOfLine(outcome, 1)).isEqualTo(new Amounts(3000, 300, 700));
            assertThat(totalOfLine(outcome, 2)).isEqualTo(Amounts.ZERO);
        }

        @Test
        void whenEveryLineIsFreeTheShippingIsSpreadByQuantity() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(
                    Orders.onlyFreeGifts(), stock().chunk());

            assertThat(outcome.held()).isFalse();
            assertThat(totalOfLine(outcome, 1)).isEqualTo(new Amounts(0, 0, 250));
            assertThat(totalOfLine(outcome, 2)).isEqualTo(new Amounts(0, 0, 750));
        }

        @Test
        void aLineSplitOverAWarehouseAndABackorderSplitsItsMoneyByQuantity() {
            PaidOrder order = order("O1").line(APPLE, 3, 1000).discount(100).shipping(10).build();

            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT).splitPaidOrder(order,
                    stock().has("HZ", APPLE, 2).chunk());

            assertThat(piecesOfLine(outcome, 1)).containsExactly(new Amounts(2000, 67, 7), new Amounts(1000, 33, 3));
            assertThat(piecesOfLine(outcome, 1)).extracting(Amounts::paid).containsExactly(1940L, 970L);
        }

        @Test
        void aPieceNeverPaysLessThanNothingWhenLargestRemainderGivesItMoreDiscountThanGoods() {
            // 7 apples at 0.01 less 0.03 = 0.04 of goods, 0.03 off; pieces 3 (HZ), 3 (NJ), 1 (backorder):
            // goods by quantity 2/2/0 but discount 1/1/1, so the last piece would pay -0.01
            PaidOrder order = order("O1").line(APPLE, 7, 1, 3).discount(3).build();

            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT, NANJING_AMBIENT).splitPaidOrder(order,
                    stock().has("HZ", APPLE, 3).has("NJ", APPLE, 3).chunk());

            List<Amounts> pieces = piecesOfLine(outcome, 1);
            assertThat(pieces).extracting(Amounts::goods).containsExactly(2L, 2L, 0L);
            assertThat(pieces).allSatisfy(p -> {
                assertThat(p.discount()).isNotNegative();
                assertThat(p.paid()).isNotNegative();
            });
            assertThat(pieces.stream().reduce(Amounts.ZERO, Amounts::plus)).isEqualTo(new Amounts(4, 3, 0));
        }

        @Test
        void everyFulfilmentOrderAmountIsTheSumOfItsLines() {
            SplitOutcome outcome = Warehouses.plannerOver(HANGZHOU_AMBIENT, NANJING_AMBIENT, BEIJING_CHILLED)
                    .splitPaidOrder(Orders.twoMerchantsOneChilledLine(),
                    stock().has("HZ", APPLE, 1).has("NJ", APPLE, 1).has("NJ", PEAR, 4).has("HZ", GREEN_TEA, 1).chunk());

            assertThat(outcome.fulfilments()).allSatisfy(f -> assertThat(f.amounts()).isEqualTo(
                    f.lines().stream().map(PlannedFulfilment.Line::amounts).reduce(Amounts.ZERO, Amounts::plus)));
            PaidOrder order = Orders.twoMerchantsOneChilledLine();
            assertThat(total(outcome)).isEqualTo(
                    new Amounts(order.goodsAmount(), order.discountAmount(), order.shippingFee()));
            assertThat(total(outcome).paid()).isEqualTo(order.paidAmount());
        }
    }
}
