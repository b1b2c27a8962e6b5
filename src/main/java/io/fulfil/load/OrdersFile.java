package io.fulfil.load;

import io.fulfil.fulfilment.OrderStatus;
import io.fulfil.support.Money;
import io.fulfil.support.SqlTimestamps;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * {@code orders.csv} into {@code customer_order}, loaded together with {@code order_lines.csv}.
 *
 * <p>Status: the shop sets PENDING_PAYMENT, PAID or CANCELLED; every other status of CONTRACT §2 is
 * the processor's. A row may carry a processor status only for an order that is already being
 * fulfilled (a re-export of the shop's table), and such a row never changes anything. A PAID order
 * needs {@code paid_at}, which is stored as UTC. Whether the amounts add up is not checked here: the
 * split puts such an order ON_HOLD with the reason. The processor's own columns ({@code hold_reason},
 * {@code split_at}) start NULL and are never written by {@code load}.
 */
final class OrdersFile extends SqlTableFile<OrdersFile.OrderRow> {

    static final Set<OrderStatus> SET_BY_SHOP = EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID,
            OrderStatus.CANCELLED);

    /** Money in cents, {@code paidAt} in UTC, coordinates at the database's scale. */
    record OrderRow(String orderNo, String customerId, OrderStatus status, OrderPriority priority,
                    LocalDateTime paidAt, String shipName, String shipPhone, String shipProvince, String shipCity,
                    String shipAddress, BigDecimal shipLatitude, BigDecimal shipLongitude, long goodsAmount,
                    long discountAmount, long shippingFee, long paidAmount) {

        OrderRow withStatus(OrderStatus other) {
            return new OrderRow(orderNo, customerId, other, priority, paidAt, shipName, shipPhone, shipProvince,
                    shipCity, shipAddress, shipLatitude, shipLongitude, goodsAmount, discountAmount, shippingFee,
                    paidAmount);
        }
    }

    private final KnownKeys known;
    private final OrdersInFulfilment inFulfilment;
    /** Order numbers of rows with errors: their lines are not "lines of an unknown order" as well. */
    private final Set<String> namedInBadRows = new HashSet<>();
    /** Orders not yet in the database, by line: each needs lines in order_lines.csv. */
    private final Map<String, Long> newOrders = new LinkedHashMap<>();

    OrdersFile(KnownKeys known, OrdersInFulfilment inFulfilment) {
        super("orders.csv", List.of("order_no", "customer_id", "status", "priority", "paid_at", "ship_name",
                "ship_phone", "ship_province", "ship_city", "ship_address", "ship_latitude", "ship_longitude",
                "goods_amount", "discount_amount", "shipping_fee", "paid_amount"));
        this.known = known;
        this.inFulfilment = inFulfilment;
    }

    @Override
    OrderRow parse(CsvRow row) {
        String orderNo = row.text("order_no", 64);
        String customerId = row.text("customer_id", 64);
        OrderStatus status = row.enumValue("status", OrderStatus.class);
        OrderPriority priority = row.enumValue("priority", OrderPriority.class);
        LocalDateTime paidAt = row.optionalOffsetDateTime("paid_at");
        if (status == OrderStatus.PAID && row.cell("paid_at").isEmpty()) {
            row.reject("paid_at", "a PAID order needs paid_at");
        }
        String shipName = row.text("ship_name", 200);
        String shipPhone = row.text("ship_phone", 32);
        String shipProvince = row.text("ship_province", 64);
        String shipCity = row.text("ship_city", 64);
        String shipAddress = row.text("ship_address", 500);
        BigDecimal latitude = Coordinates.latitude(row, "ship_latitude", false);
        BigDecimal longitude = Coordinates.longitude(row, "ship_longitude", false);
        if (row.cell("ship_latitude").isEmpty() != row.cell("ship_longitude").isEmpty()) {
            row.reject("ship_latitude", "ship_latitude and ship_longitude are given together or not at all");
        }
        Long goods = row.decimal2("goods_amount");
        Long discount = row.decimal2("discount_amount");
        Long shipping = row.decimal2("shipping_fee");
        Long paid = row.decimal2("paid_amount");
        if (row.hasErrors()) {
            if (orderNo != null) {
                namedInBadRows.add(orderNo);
            }
            return null;
        }
        return new OrderRow(orderNo, customerId, status, priority, paidAt, shipName, shipPhone, shipProvince,
                shipCity, shipAddress, latitude, longitude, goods, discount, shipping, paid);
    }

    /** Notes the new orders, and refuses a processor status for an order the processor has not taken. */
    @Override
    void check(List<Parsed<OrderRow>> batch) {
        Set<String> stored = known.existing("customer_order", "order_no",
                batch.stream().map(parsed -> parsed.value().orderNo()).toList());
        List<String> processorStatus = batch.stream().map(Parsed::value)
                .filter(order -> !SET_BY_SHOP.contains(order.status())).map(OrderRow::orderNo).toList();
        OrdersInFulfilment.Taken taken = inFulfilment.among(processorStatus);
        for (Parsed<OrderRow> parsed : batch) {
            OrderRow order = parsed.value();
            if (!SET_BY_SHOP.contains(order.status()) && taken.reason(order.orderNo()) == null) {
                parsed.row().reject("status", "status " + order.status() + " is set by the processor; an order not"
                        + " yet being fulfilled is PENDING_PAYMENT, PAID or CANCELLED");
            }
            if (!parsed.row().hasErrors() && !stored.contains(order.orderNo())) {
                newOrders.put(order.orderNo(), parsed.row().line());
            }
        }
    }

    /** True when this file has a row for the order, even a bad one. */
    boolean mentions(String orderNo) {
        return seen(orderNo) || namedInBadRows.contains(orderNo);
    }

    /** An order and its lines are one unit: a new order without lines is an error on its row. */
    void requireLines(OrderLinesFile lines, TableLoad<OrderRow> load) {
        newOrders.forEach((orderNo, line) -> {
            if (lines == null || !lines.mentions(orderNo)) {
                load.reject(new RowError(fileName(), line, "order_no",
                        "new order '" + orderNo + "' has no lines in order_lines.csv"));
            }
        });
    }

    /**
     * Orders the processor has started on are left alone, with the reason; an order on hold only by its
     * own row again (its status as the processor set it), while one of the shop's statuses changes it:
     * PAID gives it back to the split.
     */
    @Override
    Function<OrderRow, String> skipRule(List<OrderRow> batch) {
        OrdersInFulfilment.Taken taken = inFulfilment.among(batch.stream().map(OrderRow::orderNo).toList());
        return order -> SET_BY_SHOP.contains(order.status())
                ? taken.reasonUnlessHeld(order.orderNo()) : taken.reason(order.orderNo());
    }

    /**
     * After the split the status is the processor's (CONTRACT §2): the shop's file still says PAID.
     * The same order loaded again is then unchanged, quietly, not "skipped" with a warning.
     */
    @Override
    boolean sameAsStored(OrderRow value, OrderRow stored) {
        return value.equals(stored) || (value.status() == OrderStatus.PAID && stored.status() != OrderStatus.CANCELLED
                && stored.status() != OrderStatus.ON_HOLD && value.withStatus(stored.status()).equals(stored));
    }

    @Override
    String key(OrderRow value) {
        return value.orderNo();
    }

    @Override
    String keyColumn() {
        return "order_no";
    }

    @Override
    String describe(OrderRow value) {
        return "order '" + value.orderNo() + "'";
    }

    @Override
    String selectExisting() {
        return """
                SELECT order_no, customer_id, status, priority, paid_at, ship_name, ship_phone, ship_province,
                       ship_city, ship_address, ship_latitude, ship_longitude, goods_amount, discount_amount,
                       shipping_fee, paid_amount
                  FROM customer_order WHERE order_no IN (:keys)""";
    }

    @Override
    Object lookupKey(OrderRow value) {
        return value.orderNo();
    }

    @Override
    OrderRow mapExisting(ResultSet rs) throws SQLException {
        return new OrderRow(rs.getString("order_no"), rs.getString("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), OrderPriority.valueOf(rs.getString("priority")),
                rs.getObject("paid_at", LocalDateTime.class), rs.getString("ship_name"), rs.getString("ship_phone"),
                rs.getString("ship_province"), rs.getString("ship_city"), rs.getString("ship_address"),
                Coordinates.scaled(rs.getBigDecimal("ship_latitude")),
                Coordinates.scaled(rs.getBigDecimal("ship_longitude")), cents(rs, "goods_amount"),
                cents(rs, "discount_amount"), cents(rs, "shipping_fee"), cents(rs, "paid_amount"));
    }

    static long cents(ResultSet rs, String column) throws SQLException {
        return Money.toCents(rs.getBigDecimal(column));
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO customer_order (order_no, customer_id, status, priority, paid_at, ship_name, ship_phone,
                       ship_province, ship_city, ship_address, ship_latitude, ship_longitude, goods_amount,
                       discount_amount, shipping_fee, paid_amount, hold_reason, split_at)
                VALUES (:orderNo, :customerId, :status, :priority, :paidAt, :shipName, :shipPhone, :shipProvince,
                        :shipCity, :shipAddress, :shipLatitude, :shipLongitude, :goodsAmount, :discountAmount,
                        :shippingFee, :paidAmount, NULL, NULL)""";
    }

    @Override
    String updateSql() {
        return """
                UPDATE customer_order
                   SET customer_id = :customerId, status = :status, priority = :priority, paid_at = :paidAt,
                       ship_name = :shipName, ship_phone = :shipPhone, ship_province = :shipProvince,
                       ship_city = :shipCity, ship_address = :shipAddress, ship_latitude = :shipLatitude,
                       ship_longitude = :shipLongitude, goods_amount = :goodsAmount,
                       discount_amount = :discountAmount, shipping_fee = :shippingFee, paid_amount = :paidAmount,
                       hold_reason = NULL, split_at = NULL
                 WHERE order_no = :orderNo""";
    }

    @Override
    SqlParameterSource parameters(OrderRow value) {
        return new MapSqlParameterSource()
                .addValue("orderNo", value.orderNo())
                .addValue("customerId", value.customerId())
                .addValue("status", value.status().name())
                .addValue("priority", value.priority().name())
                .addValue("paidAt", SqlTimestamps.text(value.paidAt()), Types.VARCHAR)
                .addValue("shipName", value.shipName())
                .addValue("shipPhone", value.shipPhone())
                .addValue("shipProvince", value.shipProvince())
                .addValue("shipCity", value.shipCity())
                .addValue("shipAddress", value.shipAddress())
                .addValue("shipLatitude", value.shipLatitude(), Types.DECIMAL)
                .addValue("shipLongitude", value.shipLongitude(), Types.DECIMAL)
                .addValue("goodsAmount", Money.fromCents(value.goodsAmount()))
                .addValue("discountAmount", Money.fromCents(value.discountAmount()))
                .addValue("shippingFee", Money.fromCents(value.shippingFee()))
                .addValue("paidAmount", Money.fromCents(value.paidAmount()));
    }
}
