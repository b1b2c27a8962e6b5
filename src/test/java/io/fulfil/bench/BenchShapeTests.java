package io.fulfil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.fulfil.config.FlywayForTests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Each benchmark shape generates what it claims: the same orders, numbered and paid in its own way. */
class BenchShapeTests {

    private static final int ORDERS = 1_600;

    /** What a test reads of a generated data set: its orders, and what must not depend on the shape. */
    record Generated(List<Order> orders, List<Object> fingerprint) {
    }

    record Order(String orderNo, String paidAt) {
    }

    private static final Map<BenchShape, Generated> generated = new java.util.EnumMap<>(BenchShape.class);

    @Test
    void orderedOrdersArePaidInOrderNumberOrder() {
        List<Order> orders = generate(BenchShape.ORDERED);
        assertThat(rankCorrelation(orders)).isGreaterThan(0.99);
    }

    @Test
    void shuffledOrdersArePaidIndependentlyOfTheirNumbers() {
        List<Order> orders = generate(BenchShape.SHUFFLED);
        assertThat(Math.abs(rankCorrelation(orders))).isLessThan(0.1);
    }

    @Test
    void shardedOrdersComeFromEightSequencesEachPaidInItsOwnOrder() {
        List<Order> orders = generate(BenchShape.SHARDED);
        Map<String, List<Order>> shards = orders.stream()
                .collect(Collectors.groupingBy(o -> o.orderNo().substring(0, 2), TreeMap::new, Collectors.toList()));
        assertThat(shards).hasSize(8);
        shards.values().forEach(shard -> {
            assertThat(shard).hasSize(ORDERS / 8);
            assertThat(rankCorrelation(shard)).isGreaterThan(0.99);
        });
        // interleaved: consecutive payments come from different sequences, so key order is far from time order
        assertThat(rankCorrelation(orders)).isLessThan(0.3);
    }

    @Test
    void everyShapeHasTheSameLinesAndAmounts() {
        List<Object> ordered = generated(BenchShape.ORDERED).fingerprint();
        assertThat(generated(BenchShape.SHUFFLED).fingerprint()).isEqualTo(ordered);
        assertThat(generated(BenchShape.SHARDED).fingerprint()).isEqualTo(ordered);
    }

    private List<Order> generate(BenchShape shape) {
        return generated(shape).orders();
    }

    private static synchronized Generated generated(BenchShape shape) {
        return generated.computeIfAbsent(shape, s -> withDatabase(s, jdbc -> new Generated(
                jdbc.query("SELECT order_no, paid_at FROM customer_order",
                        (rs, i) -> new Order(rs.getString(1), rs.getString(2))),
                List.of(jdbc.queryForObject("SELECT COUNT(*) FROM order_line", Long.class),
                        jdbc.queryForObject("SELECT SUM(quantity) FROM order_line", Long.class),
                        jdbc.queryForObject("SELECT SUM(paid_amount) FROM customer_order", BigDecimal.class)))));
    }

    private static <T> T withDatabase(BenchShape shape, java.util.function.Function<JdbcTemplate, T> query) {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:h2:mem:benchshape" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            ds.setUsername("sa");
            FlywayForTests.migrate(ds);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            new BenchDataGenerator(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)))
                    .generate(ORDERS, 42, shape);
            T result = query.apply(jdbc);
            jdbc.execute("SHUTDOWN");
            return result;
        }
    }

    /** Spearman's rank correlation between order-number order and payment order. */
    private static double rankCorrelation(List<Order> orders) {
        List<Order> byKey = new ArrayList<>(orders);
        byKey.sort(Comparator.comparing(Order::orderNo));
        List<Order> byTime = new ArrayList<>(orders);
        byTime.sort(Comparator.comparing(Order::paidAt).thenComparing(Order::orderNo));
        Map<String, Integer> timeRank = new java.util.HashMap<>();
        for (int i = 0; i < byTime.size(); i++) {
            timeRank.put(byTime.get(i).orderNo(), i);
        }
        double n = orders.size();
        double sumSquares = 0;
        for (int i = 0; i < byKey.size(); i++) {
            double d = i - timeRank.get(byKey.get(i).orderNo());
            sumSquares += d * d;
        }
        return 1 - 6 * sumSquares / (n * (n * n - 1));
    }
}
