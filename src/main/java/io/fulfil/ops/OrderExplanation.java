package io.fulfil.ops;

import io.fulfil.picking.confirm.PickConfirmations;
import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.split.DecisionText;
import io.fulfil.split.DecisionTrace;
import io.fulfil.split.Rule;
import io.fulfil.split.job.SplitStore;
import io.fulfil.support.KeyLists;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code explain <order_no>}: the order, its fulfilment orders and backorders, its waves and picks (short
 * picks called out), the stock movements made for it, and the decision trace in words.
 */
@Service
public class OrderExplanation {

    private final JdbcClient jdbc;

    /** The order {@code o} and its fulfilment orders {@code f}, found through its split key. */
    private final String parts;

    public OrderExplanation(JdbcClient jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.parts = FulfilmentOrders.ofOrders(keyLists);
    }

    public List<String> explain(String orderNo) {
        List<String> out = new ArrayList<>();
        List<String> header = jdbc.sql("""
                        SELECT order_no, status, priority, paid_at, ship_province, ship_city, ship_latitude,
                               ship_longitude, goods_amount, discount_amount, shipping_fee, paid_amount, hold_reason
                          FROM customer_order WHERE order_no = :no""")
                .param("no", orderNo)
                .query((rs, i) -> "Order " + rs.getString(1) + ": " + rs.getString(2) + ", " + rs.getString(3)
                        + ", paid at " + rs.getTimestamp(4) + " UTC, ship to " + rs.getString(5) + " "
                        + rs.getString(6) + " (" + rs.getBigDecimal(7) + ", " + rs.getBigDecimal(8) + ")"
                        + "\n  goods " + rs.getBigDecimal(9) + " - discount " + rs.getBigDecimal(10)
                        + " + shipping " + rs.getBigDecimal(11) + " = paid " + rs.getBigDecimal(12)
                        + (rs.getString(13) == null ? "" : "\n  ON HOLD because: " + rs.getString(13)))
                .list();
        if (header.isEmpty()) {
            throw new IllegalArgumentException("no order " + orderNo);
        }
        out.addAll(header);
        out.add("Lines:");
        out.addAll(jdbc.sql("""
                        SELECT l.line_no, l.sku_code, s.name, s.temperature_zone, s.merchant_code, l.quantity,
                               l.unit_price, l.line_discount
                          FROM order_line l LEFT JOIN sku s ON s.sku_code = l.sku_code
                         WHERE l.order_no = :no ORDER BY l.line_no""")
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getInt(1) + ". " + rs.getString(2) + " " + nullToUnknown(rs.getString(3))
                        + " [" + rs.getString(5) + ", " + rs.getString(4) + "] " + rs.getInt(6) + " x "
                        + rs.getBigDecimal(7) + " - " + rs.getBigDecimal(8))
                .list());
        List<String> fulfilments = jdbc.sql("""
                        SELECT f.fulfilment_no, f.warehouse_code, f.merchant_code, f.temperature_zone, f.status,
                               f.paid_amount, l.order_line_no, l.sku_code, l.quantity, l.goods_amount,
                               l.discount_amount, l.shipping_fee, l.paid_amount
                          FROM %s JOIN fulfilment_line l ON l.fulfilment_no = f.fulfilment_no
                         WHERE o.order_no = :no ORDER BY f.fulfilment_no, l.line_no""".formatted(parts))
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getString(1) + " from " + rs.getString(2) + " (" + rs.getString(3) + ", "
                        + rs.getString(4) + ", " + rs.getString(5) + "): line " + rs.getInt(7) + " "
                        + rs.getString(8) + " x" + rs.getInt(9) + "  goods " + rs.getBigDecimal(10)
                        + " discount " + rs.getBigDecimal(11) + " shipping " + rs.getBigDecimal(12)
                        + " paid " + rs.getBigDecimal(13))
                .list();
        out.add(fulfilments.isEmpty() ? "Fulfilment orders: none" : "Fulfilment orders:");
        out.addAll(fulfilments);
        List<String> backorders = jdbc.sql("""
                        SELECT order_line_no, sku_code, quantity, goods_amount, discount_amount, shipping_fee,
                               paid_amount
                          FROM backorder WHERE order_no = :no ORDER BY order_line_no""")
                .param("no", orderNo)
                .query((rs, i) -> "  line " + rs.getInt(1) + " " + rs.getString(2) + " x" + rs.getInt(3)
                        + "  goods " + rs.getBigDecimal(4) + " discount " + rs.getBigDecimal(5)
                        + " shipping " + rs.getBigDecimal(6) + " paid " + rs.getBigDecimal(7))
                .list();
        out.add(backorders.isEmpty() ? "Backorders: none" : "Backorders:");
        out.addAll(backorders);
        out.addAll(waves(orderNo));
        out.addAll(picks(orderNo));
        out.addAll(stockMovements(orderNo));
        out.addAll(parcels(orderNo));
        out.addAll(history(orderNo));
        List<List<String>> decisions = jdbc.sql("""
                        SELECT d.decision_no, d.trace, d.decided_at, d.job_execution_id
                          FROM customer_order o JOIN split_decision d ON %s
                         WHERE o.order_no = :no ORDER BY d.decision_no""".formatted(SplitStore.DECISION_OF_ORDER))
                .param("no", orderNo)
                .query((rs, i) -> {
                    List<String> d = new ArrayList<>();
                    d.add("  #" + rs.getInt(1) + " run " + rs.getLong(4) + ", " + rs.getTimestamp(3) + " UTC");
                    for (DecisionTrace.Group g : DecisionTrace.decode(rs.getString(2))) {
                        d.addAll(describe(g));
                    }
                    return d;
                })
                .list();
        out.add(decisions.isEmpty() ? "Decisions: none yet" : "Decisions:");
        decisions.forEach(out::addAll);
        return out;
    }

    /** The waves the order's fulfilment orders were put in, with their slots. */
    private List<String> waves(String orderNo) {
        List<String> waves = jdbc.sql("""
                        SELECT f.fulfilment_no, f.wave_slot, w.wave_no, w.warehouse_code, w.temperature_zone, w.kind,
                               w.status, w.created_at
                          FROM %s JOIN wave w ON w.wave_no = f.wave_no
                         WHERE o.order_no = :no ORDER BY f.fulfilment_no""".formatted(parts))
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getString(1) + " in wave " + rs.getString(3) + " (" + rs.getString(4) + ", "
                        + rs.getString(5) + ", " + rs.getString(6) + "-item, " + rs.getString(7) + ", created "
                        + rs.getTimestamp(8) + " UTC), slot " + rs.getInt(2))
                .list();
        List<String> out = new ArrayList<>();
        out.add(waves.isEmpty() ? "Waves: none yet" : "Waves:");
        out.addAll(waves);
        return out;
    }

    /** The order's pick lines and what the warehouse confirmed, short picks called out. */
    private List<String> picks(String orderNo) {
        List<String> picks = jdbc.sql("""
                        SELECT p.wave_no, p.pick_seq, p.fulfilment_no, p.sku_code, p.location_code, p.quantity,
                               c.picked_qty, c.picker, c.picked_at
                          FROM %s JOIN pick_line p ON p.fulfilment_no = f.fulfilment_no
                               LEFT JOIN pick_confirmation c ON %s
                         WHERE o.order_no = :no ORDER BY p.wave_no, p.pick_seq""".formatted(parts,
                        PickConfirmations.CONFIRMATION_OF_LINE))
                .param("no", orderNo)
                .query((rs, i) -> {
                    String line = "  " + rs.getString(1) + " #" + rs.getInt(2) + " " + rs.getString(3) + ": "
                            + rs.getString(4) + " x" + rs.getInt(6) + " at " + rs.getString(5);
                    if (rs.getObject(7) == null) {
                        return line + ", not confirmed yet";
                    }
                    int picked = rs.getInt(7);
                    String who = " by " + rs.getString(8) + " at " + rs.getTimestamp(9) + " UTC";
                    return picked < rs.getInt(6)
                            ? line + ", SHORT PICK: picked " + picked + who + "; " + (rs.getInt(6) - picked)
                              + " went back to backorder"
                            : line + ", picked " + picked + who;
                })
                .list();
        List<String> out = new ArrayList<>();
        out.add(picks.isEmpty() ? "Picks: none yet" : "Picks:");
        out.addAll(picks);
        return out;
    }

    /** Stock movements made for the order (short picks, releases, shipments), in the order they happened. */
    private List<String> stockMovements(String orderNo) {
        List<String> moves = jdbc.sql("""
                        SELECT kind, warehouse_code, sku_code, on_hand_change, allocated_change, reference, reason,
                               actor, occurred_at
                          FROM stock_movement WHERE order_no = :no ORDER BY occurred_at, movement_id""")
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getTimestamp(9) + " UTC " + rs.getString(1) + " " + rs.getString(3)
                        + " in " + rs.getString(2) + ": on_hand " + signed(rs.getInt(4)) + ", allocated "
                        + signed(rs.getInt(5)) + (rs.getString(6) == null ? "" : " for " + rs.getString(6))
                        + (rs.getString(7) == null ? "" : " (" + rs.getString(7) + ")") + " by " + rs.getString(8))
                .list();
        List<String> out = new ArrayList<>();
        out.add(moves.isEmpty() ? "Stock movements: none (allocations are the fulfilment lines above)"
                : "Stock movements (allocations are the fulfilment lines above):");
        out.addAll(moves);
        return out;
    }

    /** The order's parcels: carrier, tracking number, where each stands, and every event in event-time order. */
    private List<String> parcels(String orderNo) {
        List<String> out = new ArrayList<>();
        jdbc.sql("""
                        SELECT f.fulfilment_no, f.carrier_code, f.tracking_no, f.shipped_at, f.weight_grams, f.status,
                               f.exception_from, f.delivered_at, f.last_event_at
                          FROM %s
                         WHERE o.order_no = :no AND f.tracking_no IS NOT NULL
                         ORDER BY f.fulfilment_no""".formatted(parts))
                .param("no", orderNo)
                .query((rs, i) -> {
                    String fulfilmentNo = rs.getString(1);
                    String from = rs.getString(7) == null ? "" : " (entered from " + rs.getString(7) + ")";
                    String delivered = rs.getTimestamp(8) == null ? "" : ", delivered " + rs.getTimestamp(8) + " UTC";
                    out.add("  " + fulfilmentNo + ": " + rs.getString(2) + " " + rs.getString(3) + ", shipped "
                            + rs.getTimestamp(4) + " UTC, " + rs.getInt(5) + " g; now " + rs.getString(6) + from
                            + delivered);
                    return new String[] {rs.getString(3), rs.getString(2)};
                })
                .list()
                .forEach(parcel -> out.addAll(events(parcel[0], parcel[1])));
        out.addAll(0, List.of(out.isEmpty() ? "Parcels: none shipped yet" : "Parcels (events in event-time order):"));
        List<String> intercepts = jdbc.sql("""
                        SELECT fulfilment_no, carrier_code, tracking_no, requested_at, status, closed_at
                          FROM intercept_request WHERE order_no = :no ORDER BY fulfilment_no""")
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getString(1) + ": asked " + rs.getString(2) + " to intercept "
                        + rs.getString(3) + " at " + rs.getTimestamp(4) + " UTC; " + rs.getString(5)
                        + (rs.getTimestamp(6) == null ? "" : " since " + rs.getTimestamp(6) + " UTC"))
                .list();
        if (!intercepts.isEmpty()) {
            out.add("Intercept requests:");
            out.addAll(intercepts);
        }
        return out;
    }

    private List<String> events(String trackingNo, String carrierCode) {
        return jdbc.sql("""
                        SELECT event_time, event_code, mapped_status, location, description, received_at
                          FROM carrier_event WHERE tracking_no = :tracking AND carrier_code = :carrier
                         ORDER BY event_time, event_id""")
                .param("tracking", trackingNo)
                .param("carrier", carrierCode)
                .query((rs, i) -> "    " + rs.getTimestamp(1) + " UTC code " + rs.getString(2) + " = "
                        + (rs.getString(3) == null ? "unknown code (changes nothing)" : rs.getString(3))
                        + (rs.getString(4) == null ? "" : " at " + rs.getString(4))
                        + (rs.getString(5) == null ? "" : ": " + rs.getString(5))
                        + " (received " + rs.getTimestamp(6) + " UTC)")
                .list();
    }

    /** Steps taken on the order after its split that no other table tells (each step of a cancellation). */
    private List<String> history(String orderNo) {
        List<String> steps = jdbc.sql("""
                        SELECT occurred_at, action, detail FROM order_history WHERE order_no = :no ORDER BY history_id""")
                .param("no", orderNo)
                .query((rs, i) -> "  " + rs.getTimestamp(1) + " UTC " + rs.getString(2) + ": " + rs.getString(3))
                .list();
        List<String> out = new ArrayList<>();
        if (!steps.isEmpty()) {
            out.add("History:");
            out.addAll(steps);
        }
        return out;
    }

    private static String signed(int change) {
        return change > 0 ? "+" + change : Integer.toString(change);
    }

    /** One merchant + zone group's decision in words. */
    private static List<String> describe(DecisionTrace.Group g) {
        List<String> d = new ArrayList<>();
        Rule rule = Rule.valueOf(g.rule());
        d.add("     " + g.merchantCode() + " " + g.zone() + ": rule " + rule + ", " + rule.description());
        d.add("       chosen: " + DecisionText.describeChosen(g.chosen()));
        List<String> candidates = DecisionText.describeCandidates(g.candidates());
        d.add(candidates.isEmpty() ? "       candidates: none"
                : rule == Rule.NEAREST_SINGLE ? "       candidates, nearest first, up to the one chosen:"
                : "       candidates, nearest first:");
        candidates.forEach(c -> d.add("         " + c));
        return d;
    }

    private static String nullToUnknown(String name) {
        return name == null ? "(unknown SKU)" : name;
    }
}
