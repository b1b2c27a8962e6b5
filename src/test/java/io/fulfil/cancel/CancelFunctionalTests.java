package io.fulfil.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.shipping.ShippingFlowTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;

/**
 * The cancel job (CONTRACT §9) on orders the shop cancelled at each stage of their way, brought there
 * by the real jobs (split, wave, import-picks, import-manifests, import-carrier-events); the
 * invariants are checked after every step.
 */
abstract class CancelFunctionalTests extends ShippingFlowTests {

    @org.springframework.beans.factory.annotation.Autowired
    io.fulfil.ops.OrderExplanation explanation;
    @org.springframework.beans.factory.annotation.Autowired
    io.fulfil.tracking.TrackingReports reports;

    static final String[] CANCELLED = {"AL", "WV", "PK", "SP", "IT", "DL", "BO", "MX"};

    @Test
    void eachStageIsCompensatedAsTheContractSaysAndASecondRunChangesNothing() throws Exception {
        // AL: ALLOCATED; WV: WAVED; PK: PICKED; SP: SHIPPED; IT: IN_TRANSIT; DL: DELIVERED;
        // BO: ALLOCATED with a backorder; MX: one parcel shipped, one PICKED; KEEP: not cancelled, waved with WV
        orders("WV:S2x2", "PK:S1x3", "SP:S2x1", "IT:S3x1", "DL:S1x1", "KEEP:S1x1,S2x1", "MX:S3x1,S4x1");
        splitAndWave();
        String wave = jdbc.queryForObject("SELECT wave_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                fo("WV"));
        assertThat(jdbc.queryForObject("SELECT wave_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                fo("KEEP"))).as("KEEP is waved with WV").isEqualTo(wave);
        pick(List.of(fo("PK"), fo("SP"), fo("IT"), fo("DL"), fo("MX", "SH"), fo("MX", "BJ")));
        String p = prefix;
        ship(fo("SP"), "SF", "SF" + p + "SP", fo("IT"), "ZTO", "ZT" + p + "IT", fo("DL"), "JD", "JD" + p + "DL",
                fo("MX", "SH"), "YTO", "YT" + p + "MX");
        importOk("carrier-events", events("events.csv", List.of(event("ZTO", "ZT" + p + "IT", "收件", 8),
                event("JD", "JD" + p + "DL", "500", 9))));
        orders("AL:S1x1", "BO:S1x1,S5x2");
        run("split");
        assertThat(List.of(status(fo("AL")), status(fo("WV")), status(fo("PK")), status(fo("SP")), status(fo("IT")),
                status(fo("DL")), status(fo("BO")), status(fo("MX", "SH")), status(fo("MX", "BJ"))))
                .containsExactly("ALLOCATED", "WAVED", "PICKED", "SHIPPED", "IN_TRANSIT", "DELIVERED", "ALLOCATED",
                        "SHIPPED", "PICKED");
        assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = ?", order("BO"))).isEqualTo(1);
        Path pickList = roots.outbox().resolve("pick-lists").resolve("SH").resolve(wave + ".csv");
        assertThat(Files.readString(pickList, StandardCharsets.UTF_8)).contains(fo("WV")).contains(fo("KEEP"));
        int[] s1 = stock("SH", "S1");
        int[] s2 = stock("SH", "S2");
        int[] s3 = stock("SH", "S3");
        int[] s4 = stock("BJ", "S4");
        List<String> untouched = rows("SELECT fulfilment_no, status, wave_no FROM fulfilment_order WHERE order_no = '"
                + order("KEEP") + "'");

        for (String s : CANCELLED) {
            jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE order_no = ?", order(s));
        }
        // the column the cancel job finds cancelled orders by (migration 14): their number, NULL for the rest
        List<String> cancelledKeys = new ArrayList<>();
        for (String s : CANCELLED) {
            cancelledKeys.add(order(s) + "|" + order(s) + "|");
        }
        assertThat(rows("SELECT order_no, cancelled_order_no FROM customer_order WHERE order_no LIKE '" + prefix
                + "-%' AND status = 'CANCELLED' ORDER BY order_no")).containsExactlyInAnyOrderElementsOf(cancelledKeys);
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status <> 'CANCELLED'"
                + " AND cancelled_order_no IS NOT NULL")).isZero();
        JobExecution cancel = run("cancel");

        // in the warehouse: cancelled, stock released (allocated down, on_hand stays), out of the wave
        for (String no : List.of(fo("AL"), fo("WV"), fo("PK"), fo("BO"), fo("MX", "BJ"))) {
            assertThat(rows("SELECT status, wave_no FROM fulfilment_order WHERE fulfilment_no = '" + no + "'"))
                    .as(no).containsExactly("CANCELLED|null|");
        }
        assertThat(stock("SH", "S1")).as("AL 1, PK 3, BO 1 released").containsExactly(s1[0], s1[1] - 5);
        assertThat(stock("SH", "S2")).as("WV 2 released").containsExactly(s2[0], s2[1] - 2);
        assertThat(stock("SH", "S3")).as("shipped units are gone already").containsExactly(s3[0], s3[1]);
        assertThat(stock("BJ", "S4")).as("MX's picked parcel released").containsExactly(s4[0], s4[1] - 1);
        assertThat(rows("SELECT reference, warehouse_code, sku_code, on_hand_change, allocated_change FROM stock_movement"
                + " WHERE kind = 'RELEASE' ORDER BY reference"))
                .containsExactlyInAnyOrder(fo("AL") + "|SH|S1|0|-1|", fo("BO") + "|SH|S1|0|-1|",
                        fo("MX", "BJ") + "|BJ|S4|0|-1|", fo("PK") + "|SH|S1|0|-3|", fo("WV") + "|SH|S2|0|-2|");
        // the wave's pick list, written again, no longer lists the cancelled fulfilment order
        String rewritten = Files.readString(pickList, StandardCharsets.UTF_8);
        assertThat(rewritten).doesNotContain(fo("WV")).doesNotContain(fo("PK")).contains(fo("KEEP"));
        assertThat(rewritten.lines().count() - 1).isEqualTo(count("""
                SELECT COUNT(*) FROM pick_line p JOIN fulfilment_order f ON f.fulfilment_no = p.fulfilment_no
                 WHERE p.wave_no = ? AND f.status <> 'CANCELLED'""", wave));
        assertThat(count("SELECT COUNT(*) FROM wave WHERE pick_list_stale = TRUE")).isZero();
        assertThat(rows("SELECT fulfilment_no, status, wave_no FROM fulfilment_order WHERE order_no = '" + order("KEEP") + "'"))
                .isEqualTo(untouched);
        // with a carrier: an intercept request, and still tracked
        assertThat(rows("SELECT fulfilment_no, carrier_code, tracking_no, status FROM intercept_request ORDER BY fulfilment_no"))
                .containsExactlyInAnyOrder(fo("SP") + "|SF|SF" + p + "SP|OPEN|", fo("IT") + "|ZTO|ZT" + p + "IT|OPEN|",
                        fo("MX", "SH") + "|YTO|YT" + p + "MX|OPEN|");
        assertThat(status(fo("SP"))).isEqualTo("SHIPPED");
        assertThat(status(fo("IT"))).isEqualTo("IN_TRANSIT");
        assertThat(reports.intercepts().rows()).extracting(r -> r[0] + " " + r[2] + " " + r[5] + " " + r[6])
                .containsExactlyInAnyOrder("fulfilment_no carrier_code status parcel_status",
                        fo("SP") + " SF OPEN SHIPPED", fo("IT") + " ZTO OPEN IN_TRANSIT", fo("MX", "SH") + " YTO OPEN SHIPPED");
        // delivered: nothing to do
        assertThat(status(fo("DL"))).isEqualTo("DELIVERED");
        assertThat(count("SELECT COUNT(*) FROM intercept_request WHERE fulfilment_no = ?", fo("DL"))).isZero();
        // the backorder is gone
        assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = ?", order("BO"))).isZero();
        for (String s : CANCELLED) {
            assertThat(orderStatus(s)).as(s).isEqualTo("CANCELLED");
        }
        // every step in the order's history
        assertThat(rows("SELECT order_no, fulfilment_no, action FROM order_history ORDER BY order_no, action, fulfilment_no"))
                .containsExactlyInAnyOrder(
                        order("AL") + "|" + fo("AL") + "|CANCELLED|",
                        order("BO") + "|null|BACKORDER_DELETED|",
                        order("BO") + "|" + fo("BO") + "|CANCELLED|",
                        order("IT") + "|" + fo("IT") + "|INTERCEPT|",
                        order("MX") + "|" + fo("MX", "BJ") + "|CANCELLED|",
                        order("MX") + "|" + fo("MX", "SH") + "|INTERCEPT|",
                        order("PK") + "|" + fo("PK") + "|CANCELLED|",
                        order("SP") + "|" + fo("SP") + "|INTERCEPT|",
                        order("WV") + "|" + fo("WV") + "|CANCELLED|");
        assertThat(jdbc.queryForList("SELECT DISTINCT job_execution_id FROM order_history", Long.class))
                .containsExactly(cancel.getId());

        // run again: nothing left to do, nothing changes
        List<String> before = snapshot();
        run("cancel");
        assertThat(snapshot()).isEqualTo(before);

        // the parcels are still tracked: one comes back (DONE), one is delivered anyway (FAILED)
        importOk("carrier-events", events("after.csv", List.of(event("SF", "SF" + p + "SP", "99", 12),
                event("ZTO", "ZT" + p + "IT", "签收", 13))));
        assertThat(status(fo("SP"))).isEqualTo("RETURNED");
        assertThat(status(fo("IT"))).isEqualTo("DELIVERED");
        assertThat(rows("SELECT fulfilment_no, status FROM intercept_request WHERE closed_at IS NOT NULL ORDER BY fulfilment_no"))
                .containsExactlyInAnyOrder(fo("SP") + "|DONE|", fo("IT") + "|FAILED|");
        assertThat(orderStatus("SP")).isEqualTo("CANCELLED");
        assertThat(orderStatus("IT")).isEqualTo("CANCELLED");
        // a late event shows a third parcel delivered before it came back: delivered it is, and its
        // intercept FAILED, not DONE
        importOk("carrier-events", events("mx-returned.csv", List.of(event("YTO", "YT" + p + "MX", "RETURNED", 12))));
        assertThat(interceptStatus(fo("MX", "SH"))).isEqualTo("DONE");
        importOk("carrier-events", events("mx-delivered.csv", List.of(event("YTO", "YT" + p + "MX", "SIGNED", 11))));
        assertThat(status(fo("MX", "SH"))).isEqualTo("DELIVERED");
        assertThat(interceptStatus(fo("MX", "SH"))).isEqualTo("FAILED");
        // explain shows the parcels, their events, the intercept requests and every step of the cancellation
        List<String> sp = explanation.explain(order("SP"));
        assertThat(sp).as(String.join("\n", sp))
                .anySatisfy(l -> assertThat(l).contains(fo("SP")).contains("SF SF" + p + "SP").contains("RETURNED"))
                .anySatisfy(l -> assertThat(l).contains("99").contains("RETURNED"))
                .anySatisfy(l -> assertThat(l).contains("intercept").contains("DONE"))
                .anySatisfy(l -> assertThat(l).contains("INTERCEPT").contains("intercept requested"));
        List<String> it = explanation.explain(order("IT"));
        assertThat(it).as(String.join("\n", it))
                .anySatisfy(l -> assertThat(l).contains("收件").contains("IN_TRANSIT"))
                .anySatisfy(l -> assertThat(l).contains("签收").contains("DELIVERED"))
                .anySatisfy(l -> assertThat(l).contains("intercept").contains("FAILED"));
        List<String> wv = explanation.explain(order("WV"));
        assertThat(wv).as(String.join("\n", wv))
                .anySatisfy(l -> assertThat(l).contains("CANCELLED").contains("left wave " + wave));
        List<String> bo = explanation.explain(order("BO"));
        assertThat(bo).as(String.join("\n", bo)).anySatisfy(l -> assertThat(l).contains("BACKORDER_DELETED"));
        // and a cancelled fulfilment order cannot be shipped any more
        var late = imports.importFile("manifests", manifest("late.csv", shipRow(fo("PK"), "SF", "SF" + p + "PK")), false);
        assertThat(late.ok()).isFalse();
        assertThat(late.rejects().get(0).reason()).contains("is CANCELLED, not PICKED");
        assertInvariants();
    }

    private List<String> snapshot() {
        return rows("SELECT fulfilment_no, status, wave_no, exception_from FROM fulfilment_order ORDER BY fulfilment_no",
                "SELECT warehouse_code, sku_code, on_hand, allocated FROM stock ORDER BY warehouse_code, sku_code",
                "SELECT COUNT(*) FROM stock_movement",
                "SELECT fulfilment_no, status FROM intercept_request ORDER BY fulfilment_no",
                "SELECT COUNT(*) FROM order_history",
                "SELECT order_no, order_line_no FROM backorder ORDER BY order_no, order_line_no",
                "SELECT order_no, status FROM customer_order ORDER BY order_no",
                "SELECT wave_no, status FROM wave ORDER BY wave_no");
    }

    @Test
    void aWaveLeftByAllItsUnpickedOrdersIsCompleted() throws Exception {
        orders("A:S1x2", "B:S1x3");
        splitAndWave();
        String wave = jdbc.queryForObject("SELECT wave_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                fo("A"));
        assertThat(jdbc.queryForObject("SELECT wave_no FROM fulfilment_order WHERE fulfilment_no = ?", String.class,
                fo("B"))).isEqualTo(wave);
        pick(List.of(fo("B")));
        assertThat(jdbc.queryForObject("SELECT status FROM wave WHERE wave_no = ?", String.class, wave)).isEqualTo("RELEASED");
        jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE order_no = ?", order("A"));
        run("cancel");
        assertThat(jdbc.queryForObject("SELECT status FROM wave WHERE wave_no = ?", String.class, wave))
                .as("every fulfilment order in it is picked or cancelled").isEqualTo("COMPLETED");
        assertThat(status(fo("B"))).isEqualTo("PICKED");
    }

    @Test
    void anOrderCancelledWhileASplitRunsIsNeverSplit() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            specs.add(String.format("C%02d:S1x1,S5x1", i));
        }
        orders(specs.toArray(String[]::new));
        List<String> cancelled = new CopyOnWriteArrayList<>();
        // chunks of 5: as the second chunk begins, the shop cancels its first order and the last order of the run
        splitHook.action = orderNos -> {
            for (String no : List.of(orderNos.get(0), order("C11"))) {
                jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE order_no = ?", no);
                cancelled.add(no);
            }
        };
        splitHook.actAt.set(2);

        run("split");

        assertThat(cancelled).hasSize(2);
        for (String no : cancelled) {
            assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_no = ?", String.class, no))
                    .isEqualTo("CANCELLED");
            assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE order_no = ?", no)).as(no).isZero();
            assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = ?", no)).as(no).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order")).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status = 'PARTIALLY_ALLOCATED'")).isEqualTo(10);
        List<String> before = snapshot();
        run("cancel");
        assertThat(snapshot()).as("nothing to compensate").isEqualTo(before);
    }

    private String interceptStatus(String fulfilmentNo) {
        return jdbc.queryForObject("SELECT status FROM intercept_request WHERE fulfilment_no = ?", String.class,
                fulfilmentNo);
    }
}
