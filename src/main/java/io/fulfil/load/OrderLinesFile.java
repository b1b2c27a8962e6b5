package io.fulfil.load;

import io.fulfil.support.Money;
import io.fulfil.support.csv.CsvRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * {@code order_lines.csv} into {@code order_line}, loaded together with {@code orders.csv}.
 *
 * <p>Each line's order must be in {@code orders.csv} or the database, its SKU in the database. Lines
 * are upserted by (order_no, line_no). The file is the whole truth for every order it has lines for:
 * a stored line of such an order that the file no longer has is deleted. Orders the file has no lines
 * for keep their stored lines, so a file of changed orders only need not repeat the others. Lines of
 * an order already being fulfilled are never changed or deleted.
 */
final class OrderLinesFile extends SqlTableFile<OrderLinesFile.OrderLineRow> {

    /** Money in cents. */
    record OrderLineRow(String orderNo, int lineNo, String skuCode, int quantity, long unitPrice,
                        long lineDiscount) {
    }

    private final KnownKeys known;
    private final OrdersInFulfilment inFulfilment;
    private final NamedParameterJdbcTemplate jdbc;
    private final OrdersFile orders;
    /** Every (order, line) of the file and its line: duplicates, and the lines to keep per order. */
    private final Map<String, Map<Integer, Long>> linesByOrder = new HashMap<>();
    private final Set<String> namedInBadRows = new HashSet<>();

    /** {@code orders} is null when there is no orders.csv: then every line's order must be stored. */
    OrderLinesFile(KnownKeys known, OrdersInFulfilment inFulfilment, NamedParameterJdbcTemplate jdbc,
                   OrdersFile orders) {
        super("order_lines.csv", List.of("order_no", "line_no", "sku_code", "quantity", "unit_price",
                "line_discount"));
        this.known = known;
        this.inFulfilment = inFulfilment;
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    OrderLineRow parse(CsvRow row) {
        String orderNo = row.text("order_no", 64);
        Integer lineNo = row.positiveInt("line_no");
        String skuCode = row.text("sku_code", 64);
        Integer quantity = row.positiveInt("quantity");
        Long unitPrice = row.decimal2("unit_price");
        Long lineDiscount = row.decimal2("line_discount");
        if (row.hasErrors()) {
            if (orderNo != null) {
                namedInBadRows.add(orderNo);
            }
            return null;
        }
        return new OrderLineRow(orderNo, lineNo, skuCode, quantity, unitPrice, lineDiscount);
    }

    @Override
    Long rememberKey(OrderLineRow value, long line) {
        return linesByOrder.computeIfAbsent(value.orderNo(), orderNo -> new HashMap<>())
                .putIfAbsent(value.lineNo(), line);
    }

    /** True when this file has a line for the order, even a bad one. */
    boolean mentions(String orderNo) {
        return linesByOrder.containsKey(orderNo) || namedInBadRows.contains(orderNo);
    }

    @Override
    void check(List<Parsed<OrderLineRow>> batch) {
        Set<String> notInOrdersFile = batch.stream().map(parsed -> parsed.value().orderNo())
                .filter(orderNo -> orders == null || !orders.mentions(orderNo)).collect(Collectors.toSet());
        Set<String> storedOrders = known.existing("customer_order", "order_no", notInOrdersFile);
        Set<String> skus = known.existing("sku", "sku_code",
                batch.stream().map(parsed -> parsed.value().skuCode()).distinct().toList());
        for (Parsed<OrderLineRow> parsed : batch) {
            OrderLineRow line = parsed.value();
            if (notInOrdersFile.contains(line.orderNo()) && !storedOrders.contains(line.orderNo())) {
                parsed.row().reject("order_no", "unknown order '" + line.orderNo() + "'");
            }
            if (!skus.contains(line.skuCode())) {
                parsed.row().reject("sku_code", "unknown SKU '" + line.skuCode() + "'");
            }
        }
    }

    @Override
    Function<OrderLineRow, String> skipRule(List<OrderLineRow> batch) {
        // the lines of an order on hold may change: nothing was apportioned from them
        OrdersInFulfilment.Taken taken = inFulfilment.among(batch.stream().map(OrderLineRow::orderNo).distinct()
                .toList());
        return line -> taken.reasonUnlessHeld(line.orderNo());
    }

    /** Deletes the stored lines the file no longer has, of the orders it has lines for. */
    @Override
    int afterWrite() {
        List<String> orderNos = new ArrayList<>(linesByOrder.keySet());
        int deleted = 0;
        for (int from = 0; from < orderNos.size(); from += TableLoad.BATCH_SIZE) {
            List<String> chunk = orderNos.subList(from, Math.min(from + TableLoad.BATCH_SIZE, orderNos.size()));
            OrdersInFulfilment.Taken taken = inFulfilment.among(chunk);
            List<SqlParameterSource> gone = new ArrayList<>();
            jdbc.query("SELECT order_no, line_no FROM order_line WHERE order_no IN (:keys)", Map.of("keys", chunk),
                    rs -> {
                        String orderNo = rs.getString(1);
                        int lineNo = rs.getInt(2);
                        if (taken.reasonUnlessHeld(orderNo) == null && !linesByOrder.get(orderNo).containsKey(lineNo)) {
                            gone.add(new MapSqlParameterSource("orderNo", orderNo).addValue("lineNo", lineNo));
                        }
                    });
            if (!gone.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM order_line WHERE order_no = :orderNo AND line_no = :lineNo",
                        gone.toArray(SqlParameterSource[]::new));
            }
            deleted += gone.size();
        }
        return deleted;
    }

    @Override
    String key(OrderLineRow value) {
        return value.orderNo() + '\u0000' + value.lineNo();
    }

    @Override
    String keyColumn() {
        return "line_no";
    }

    @Override
    String describe(OrderLineRow value) {
        return "line " + value.lineNo() + " of order '" + value.orderNo() + "'";
    }

    @Override
    String selectExisting() {
        return """
                SELECT order_no, line_no, sku_code, quantity, unit_price, line_discount
                  FROM order_line WHERE order_no IN (:keys)""";
    }

    @Override
    Object lookupKey(OrderLineRow value) {
        return value.orderNo();
    }

    @Override
    OrderLineRow mapExisting(ResultSet rs) throws SQLException {
        return new OrderLineRow(rs.getString("order_no"), rs.getInt("line_no"), rs.getString("sku_code"),
                rs.getInt("quantity"), OrdersFile.cents(rs, "unit_price"), OrdersFile.cents(rs, "line_discount"));
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO order_line (order_no, line_no, sku_code, quantity, unit_price, line_discount)
                VALUES (:orderNo, :lineNo, :skuCode, :quantity, :unitPrice, :lineDiscount)""";
    }

    @Override
    String updateSql() {
        return """
                UPDATE order_line SET sku_code = :skuCode, quantity = :quantity, unit_price = :unitPrice,
                                      line_discount = :lineDiscount
                 WHERE order_no = :orderNo AND line_no = :lineNo""";
    }

    @Override
    SqlParameterSource parameters(OrderLineRow value) {
        return new MapSqlParameterSource()
                .addValue("orderNo", value.orderNo())
                .addValue("lineNo", value.lineNo())
                .addValue("skuCode", value.skuCode())
                .addValue("quantity", value.quantity())
                .addValue("unitPrice", Money.fromCents(value.unitPrice()))
                .addValue("lineDiscount", Money.fromCents(value.lineDiscount()));
    }
}
