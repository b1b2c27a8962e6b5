package io.fulfil.bench;

import io.fulfil.support.Money;
import io.fulfil.support.Progress;
import io.fulfil.support.SqlTimestamps;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a seeded benchmark data set straight into the database: 50 merchants (every tenth ships
 * complete groups only), 8 warehouses, 20,000 SKUs and N orders of 2.5 lines on average. The same
 * seed gives the same data on every database, so H2 and MySQL runs are comparable. Orders are paid
 * over one day, 10% of them EXPRESS; by default roughly in order-number order with minutes of jitter,
 * or in another {@link BenchShape} (the same orders, lines and payment times, other order numbers or
 * another order of payment).
 */
@Service
public class BenchDataGenerator {

    static final int MERCHANTS = 50;
    static final int SKUS = 20_000;
    private static final int ORDERS_PER_TRANSACTION = 5_000;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String[][] WAREHOUSES = {
            {"BW-SH", "上海仓", "上海", "上海", "31.230400", "121.473700", "1", "AMBIENT|CHILLED|FROZEN"},
            {"BW-GZ", "广州仓", "广东", "广州", "23.129100", "113.264400", "2", "AMBIENT|CHILLED"},
            {"BW-BJ", "北京仓", "北京", "北京", "39.904200", "116.407400", "1", "AMBIENT|CHILLED|FROZEN"},
            {"BW-CD", "成都仓", "四川", "成都", "30.572800", "104.066800", "3", "AMBIENT"},
            {"BW-WH", "武汉仓", "湖北", "武汉", "30.592800", "114.305500", "2", "AMBIENT|FROZEN"},
            {"BW-XA", "西安仓", "陕西", "西安", "34.341600", "108.939800", "3", "AMBIENT|CHILLED"},
            {"BW-SY", "沈阳仓", "辽宁", "沈阳", "41.805700", "123.431500", "2", "AMBIENT|FROZEN"},
            {"BW-HZ", "杭州仓", "浙江", "杭州", "30.274100", "120.155100", "1", "AMBIENT|CHILLED"}};
    private static final String[] ZONES = {"AMBIENT", "CHILLED", "FROZEN"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public BenchDataGenerator(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public void generate(int orders, long seed) {
        generate(orders, seed, BenchShape.ORDERED);
    }

    public void generate(int orders, long seed, BenchShape shape) {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM customer_order", Long.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("the database already has " + existing
                    + " orders; generate into an empty database (a fresh FULFIL_DATA_DIR or MySQL schema)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        tx.executeWithoutResult(s -> referenceData(random));
        int[] slots = shape.slots(orders, seed);
        Progress progress = new Progress("generate", "orders", orders);
        for (int from = 0; from < orders; from += ORDERS_PER_TRANSACTION) {
            int to = Math.min(orders, from + ORDERS_PER_TRANSACTION);
            int start = from;
            tx.executeWithoutResult(s -> orders(random, start, to, orders, shape, slots));
            progress.advance(to - from);
        }
    }

    private void referenceData(SplittableRandom random) {
        List<Object[]> merchants = new ArrayList<>();
        for (int m = 1; m <= MERCHANTS; m++) {
            merchants.add(new Object[] {merchant(m), "商户" + m, m % 10 == 0 ? "WAIT_FOR_ALL" : "SHIP_AVAILABLE"});
        }
        jdbc.batchUpdate("INSERT INTO merchant (merchant_code, name, backorder_policy) VALUES (?, ?, ?)", merchants);
        List<Object[]> warehouses = new ArrayList<>();
        for (String[] w : WAREHOUSES) {
            warehouses.add(new Object[] {w[0], w[1], w[2], w[3], new java.math.BigDecimal(w[4]),
                    new java.math.BigDecimal(w[5]), Integer.parseInt(w[6]), w[7], true});
        }
        jdbc.batchUpdate("""
                INSERT INTO warehouse (warehouse_code, name, province, city, latitude, longitude, priority,
                       temperature_zones, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", warehouses);
        List<Object[]> skus = new ArrayList<>();
        List<Object[]> stock = new ArrayList<>();
        for (int s = 1; s <= SKUS; s++) {
            int r = random.nextInt(100);
            String zone = r < 80 ? ZONES[0] : r < 92 ? ZONES[1] : ZONES[2];
            skus.add(new Object[] {sku(s), merchant(1 + random.nextInt(MERCHANTS)), "商品" + s, zone,
                    100 + random.nextInt(5000)});
            int stocked = 0;
            for (int w = 0; w < WAREHOUSES.length; w++) {
                if (WAREHOUSES[w][7].contains(zone) && random.nextInt(100) < 40) {
                    stock.add(new Object[] {WAREHOUSES[w][0], sku(s), random.nextInt(400),
                            "A-%02d-%02d-%d".formatted(1 + random.nextInt(40), 1 + random.nextInt(30),
                                    1 + random.nextInt(5))});
                    stocked++;
                }
            }
            if (stocked == 0) {
                stock.add(new Object[] {WAREHOUSES[0][0], sku(s), random.nextInt(200), "B-01-01-1"});
            }
        }
        jdbc.batchUpdate("INSERT INTO sku (sku_code, merchant_code, name, temperature_zone, weight_grams) "
                + "VALUES (?, ?, ?, ?, ?)", skus);
        jdbc.batchUpdate("INSERT INTO stock (warehouse_code, sku_code, on_hand, allocated, location_code) "
                + "VALUES (?, ?, ?, 0, ?)", stock);
    }

    private void orders(SplittableRandom random, int from, int to, int total, BenchShape shape, int[] slots) {
        List<Object[]> orders = new ArrayList<>(to - from);
        List<Object[]> lines = new ArrayList<>((to - from) * 3);
        LocalDateTime day = LocalDateTime.of(2026, 11, 20, 16, 0);
        for (int o = from; o < to; o++) {
            String orderNo = shape.orderNo(o);
            int r = random.nextInt(100);
            int lineCount = r < 15 ? 1 : r < 50 ? 2 : r < 85 ? 3 : 4;
            long goods = 0;
            for (int l = 1; l <= lineCount; l++) {
                int qty = 1 + random.nextInt(3);
                long price = 100 + random.nextInt(50_000);
                long lineDiscount = random.nextInt(10) == 0 ? Math.min(qty * price, 500) : 0;
                goods += qty * price - lineDiscount;
                lines.add(new Object[] {orderNo, l, sku(1 + random.nextInt(SKUS)), qty, Money.fromCents(price),
                        Money.fromCents(lineDiscount)});
            }
            long discount = random.nextInt(5) == 0 ? Math.min(goods, 1000 + random.nextInt(2000)) : 0;
            long shipping = random.nextInt(3) == 0 ? 600 : 0;
            orders.add(new Object[] {orderNo, "C" + random.nextInt(200_000),
                    random.nextInt(10) == 0 ? "EXPRESS" : "NORMAL",
                    // order numbers are issued at checkout and payment follows within minutes, as in a shop
                    SqlTimestamps.text(day.plusNanos((slots[o] * (DAY_MILLIS / total) + random.nextInt(600_000)) * 1_000_000L)),
                    "顾客" + o, "138" + "%08d".formatted(random.nextInt(100_000_000)), "省", "市", "某路" + o + "号",
                    new java.math.BigDecimal("%.6f".formatted(22 + random.nextDouble() * 22)),
                    new java.math.BigDecimal("%.6f".formatted(100 + random.nextDouble() * 23)),
                    Money.fromCents(goods), Money.fromCents(discount), Money.fromCents(shipping),
                    Money.fromCents(goods - discount + shipping)});
        }
        jdbc.batchUpdate("""
                INSERT INTO customer_order (order_no, customer_id, status, priority, paid_at, ship_name, ship_phone,
                       ship_province, ship_city, ship_address, ship_latitude, ship_longitude, goods_amount,
                       discount_amount, shipping_fee, paid_amount)
                VALUES (?, ?, 'PAID', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orders);
        jdbc.batchUpdate("""
                INSERT INTO order_line (order_no, line_no, sku_code, quantity, unit_price, line_discount)
                VALUES (?, ?, ?, ?, ?, ?)""", lines);
    }

    private static String merchant(int m) {
        return "BM%02d".formatted(m);
    }

    private static String sku(int s) {
        return "BS%05d".formatted(s);
    }
}
