package io.fulfil.split;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.split.RandomShop.GeneratedOrder;
import io.fulfil.split.SplitInvariants.OrderBook;
import io.fulfil.stock.StockKey;
import io.fulfil.stock.StockLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CONTRACT §3 and §5 over made-up shops. Orders arrive in runs of {@value #ORDERS_PER_RUN}; before
 * each run deliveries arrive, and each run (like the split job) first retries the backorders of
 * earlier orders, then splits the new ones, all in serving order against one chunk's stock. A last
 * run with nothing delivered must change nothing. After every planning call and every run each
 * invariant is checked with the test's own arithmetic ({@link SplitInvariants}). A failure names the
 * seed; {@link RandomShop#generate} with that seed rebuilds the very same shop.
 */
class SplitInvariantsRandomizedTests {

    static final int ORDERS = 2_000;
    static final int ORDERS_PER_RUN = 250;
    static final int SKUS = 30;

    @ParameterizedTest(name = "seed {0}, {1}, {2} warehouses")
    @CsvSource({
        "1, MIXED, 8", "7, MIXED, 10", "42, MIXED, 5", "20261121, MIXED, 12", "987654321, MIXED, 16",
        "3, PENNIES_ON_THIN_SHELVES, 12", "11, PENNIES_ON_THIN_SHELVES, 16"})
    void everyInvariantHoldsAfterEveryPlanningCallAndEveryRun(long seed, RandomShop.Profile profile,
                                                             int warehouseCount) {
        RandomShop shop = RandomShop.generate(seed, profile, warehouseCount, SKUS, ORDERS);
        Runs runs = new Runs(shop);

        Map<StockKey, StockLevel> levels = shop.stock;
        for (int start = 0; start < ORDERS; start += ORDERS_PER_RUN) {
            levels = runs.run(levels, shop.orders.subList(start, Math.min(ORDERS, start + ORDERS_PER_RUN)));
            levels = shop.restocked(levels);
        }
        levels = runs.run(levels, List.of()); // the last backorders, after the last delivery
        int fulfilmentsBefore = runs.fulfilments;

        runs.run(levels, List.of()); // nothing delivered since

        assertThat(runs.fulfilments).as("seed %d: a rerun over unchanged stock allocates nothing", seed)
                .isEqualTo(fulfilmentsBefore);
        long brokenOnPurpose = shop.orders.stream().filter(g -> g.brokenOnPurpose() != null).count();
        assertThat(runs.held).as("seed %d: held orders", seed).isGreaterThanOrEqualTo((int) brokenOnPurpose)
                .isPositive();
        assertThat(runs.rules).as("seed %d: rules exercised", seed).containsKeys(Rule.NEAREST_SINGLE,
                Rule.FEWEST_WAREHOUSES, Rule.PARTIAL, Rule.NO_STOCK, Rule.WAIT_FOR_ALL);
        assertThat(runs.allocatedLater).as("seed %d: backorders allocated later", seed).isPositive();
    }

    /** The split job's runs over one shop, in memory, with the invariants checked as they go. */
    static final class Runs {

        private final RandomShop shop;
        private final SplitPlanner planner;
        private final SplitInvariants check;
        private final List<OrderBook> books = new ArrayList<>();
        final Map<Rule, Integer> rules = new EnumMap<>(Rule.class);
        int held;
        int fulfilments;
        int allocatedLater;

        Runs(RandomShop shop) {
            this.shop = shop;
            this.planner = new SplitPlanner(shop.reference(), Warehouses.counting());
            this.check = new SplitInvariants(shop);
        }

        /** One run over the given stock rows; returns the rows with this run's reservations allocated. */
        Map<StockKey, StockLevel> run(Map<StockKey, StockLevel> levels, List<GeneratedOrder> newOrders) {
            ChunkStock stock = new ChunkStock(levels);
            List<PlannedFulfilment> planned = new ArrayList<>();
            for (OrderBook book : books) { // paid earlier, so served first
                if (!book.backorders.isEmpty()) {
                    List<PlannedFulfilment> later = retryBackorders(book, stock);
                    allocatedLater += later.size();
                    planned.addAll(later);
                }
            }
            for (GeneratedOrder order : newOrders) {
                planned.addAll(splitFirstTime(order, stock));
            }
            check.stockRows(levels, stock, planned);
            fulfilments += planned.size();
            return SplitInvariants.committed(levels, stock.reservations());
        }

        private List<PlannedFulfilment> splitFirstTime(GeneratedOrder generated, ChunkStock stock) {
            PaidOrder order = generated.order();
            boolean mustHold = check.mustBeHeld(order);
            Map<StockKey, Integer> reservedBefore = new HashMap<>(stock.reservations());
            List<OpenLine> whole = mustHold ? List.of() : check.wholeLines(order);
            Map<StockKey, Integer> before = check.availableBefore(stock, whole);

            stock.beginOrder();
            SplitOutcome outcome = planner.splitPaidOrder(order, stock);

            assertThat(outcome.held()).as("%s held (broken on purpose: %s): %s", order.orderNo(),
                    generated.brokenOnPurpose(), outcome.holdReason()).isEqualTo(mustHold);
            if (outcome.held()) {
                held++;
                assertThat(outcome.holdReason()).isNotBlank();
                assertThat(outcome.fulfilments()).isEmpty();
                assertThat(outcome.backorders()).isEmpty();
                assertThat(stock.reservations()).as("%s is held and reserves nothing", order.orderNo())
                        .isEqualTo(reservedBefore);
                return List.of();
            }
            check.call(order.orderNo(), order.shipTo(), whole, outcome, before);
            OrderBook book = new OrderBook(order);
            book.record(outcome);
            check.order(book);
            books.add(book);
            outcome.decisions().forEach(d -> rules.merge(d.rule(), 1, Integer::sum));
            return outcome.fulfilments();
        }

        private List<PlannedFulfilment> retryBackorders(OrderBook book, ChunkStock stock) {
            PaidOrder order = book.order;
            List<OpenLine> open = book.backorders;
            Map<StockKey, Integer> before = check.availableBefore(stock, open);

            stock.beginOrder();
            SplitOutcome outcome = planner.allocate(order.orderNo(), order.shipTo(), open, stock);

            check.call(order.orderNo(), order.shipTo(), open, outcome, before);
            book.record(outcome);
            check.order(book);
            outcome.decisions().forEach(d -> rules.merge(d.rule(), 1, Integer::sum));
            return outcome.fulfilments();
        }
    }
}
