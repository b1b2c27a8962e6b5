package io.fulfil.picking.confirm;

import io.fulfil.fulfilment.FulfilmentOrders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waves for tests, while the {@code wave} job is built elsewhere: after a split, puts some ALLOCATED
 * fulfilment orders of one warehouse into a wave (status WAVED through {@code FulfilmentOrders}), with
 * a pick line per fulfilment line (pick_seq in reverse fulfilment order, bin from {@code stock}); and
 * writes confirmation files from the stored pick lines.
 */
final class WaveFixture {

    static final String HEADER = "wave_no,warehouse_code,pick_seq,location_code,sku_code,sku_name,quantity,"
            + "fulfilment_no,slot,picked_qty,picker,picked_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FulfilmentOrders fulfilmentOrders;

    WaveFixture(JdbcTemplate jdbc, TransactionTemplate transactions, FulfilmentOrders fulfilmentOrders) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.fulfilmentOrders = fulfilmentOrders;
    }

    /** A wave of up to {@code orders} ALLOCATED fulfilment orders of the warehouse that has most, multi-line first. */
    String wave(String waveNo, int orders) {
        String warehouse = jdbc.queryForObject("""
                SELECT warehouse_code FROM fulfilment_order WHERE status = 'ALLOCATED'
                 GROUP BY warehouse_code ORDER BY COUNT(*) DESC, warehouse_code LIMIT 1""", String.class);
        List<String> nos = jdbc.queryForList("""
                SELECT fo.fulfilment_no FROM fulfilment_order fo
                 WHERE fo.status = 'ALLOCATED' AND fo.warehouse_code = ?
                 ORDER BY (SELECT COUNT(*) FROM fulfilment_line l WHERE l.fulfilment_no = fo.fulfilment_no) DESC,
                          fo.fulfilment_no LIMIT ?""", String.class, warehouse, orders);
        transactions.executeWithoutResult(status -> {
            fulfilmentOrders.lock(nos);
            fulfilmentOrders.waveTogether(waveNo, nos);
            jdbc.update("INSERT INTO wave (wave_no, warehouse_code, status, created_at, temperature_zone, kind)"
                    + " VALUES (?, ?, 'RELEASED', CURRENT_TIMESTAMP, 'AMBIENT', 'MULTI')", waveNo, warehouse);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String no : nos) {
                lines.addAll(jdbc.queryForList("""
                        SELECT l.fulfilment_no, l.line_no, l.sku_code, s.name, st.location_code, l.quantity, fo.wave_slot
                          FROM fulfilment_line l JOIN fulfilment_order fo ON fo.fulfilment_no = l.fulfilment_no
                          JOIN sku s ON s.sku_code = l.sku_code
                          JOIN stock st ON st.warehouse_code = fo.warehouse_code AND st.sku_code = l.sku_code
                         WHERE l.fulfilment_no = ? ORDER BY l.line_no""", no));
            }
            int seq = lines.size();
            for (Map<String, Object> l : lines) {
                jdbc.update("""
                        INSERT INTO pick_line (wave_no, pick_seq, fulfilment_no, fulfilment_line_no, sku_code, sku_name,
                               location_code, quantity, slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        waveNo, seq--, l.get("FULFILMENT_NO"), l.get("LINE_NO"), l.get("SKU_CODE"), l.get("NAME"),
                        l.get("LOCATION_CODE"), l.get("QUANTITY"), l.get("WAVE_SLOT"));
            }
        });
        return waveNo;
    }

    /** The wave's pick lines in pick_seq order, as the pick list shows them. */
    List<Map<String, Object>> pickLines(String waveNo) {
        return jdbc.queryForList("""
                SELECT p.wave_no, w.warehouse_code, p.pick_seq, p.location_code, p.sku_code, p.sku_name, p.quantity,
                       p.fulfilment_no, p.slot, p.fulfilment_line_no
                  FROM pick_line p JOIN wave w ON w.wave_no = p.wave_no
                 WHERE p.wave_no = ? ORDER BY p.pick_seq""", waveNo);
    }

    /**
     * Writes a confirmation of the wave: each pick line with the quantity {@code picked} gives it (null:
     * the row is left out), picked by {@code picker} at a fixed time.
     */
    Path confirmation(Path file, String waveNo, Function<Map<String, Object>, Integer> picked) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Map<String, Object> l : pickLines(waveNo)) {
            Integer qty = picked.apply(l);
            if (qty != null) {
                csv.append(row(l, Integer.toString(qty), "picker-7", "2026-11-21T10:15:00.123+08:00")).append("\r\n");
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    static String row(Map<String, Object> l, String pickedQty, String picker, String pickedAt) {
        return String.join(",", String.valueOf(l.get("WAVE_NO")), String.valueOf(l.get("WAREHOUSE_CODE")),
                String.valueOf(l.get("PICK_SEQ")), String.valueOf(l.get("LOCATION_CODE")),
                String.valueOf(l.get("SKU_CODE")), "\"" + l.get("SKU_NAME") + "\"", String.valueOf(l.get("QUANTITY")),
                String.valueOf(l.get("FULFILMENT_NO")), String.valueOf(l.get("SLOT")), pickedQty, picker, pickedAt);
    }

    /**
     * Fills a template under {@code src/test/resources/picks/}: {@code {wave}} is the wave number and
     * {@code {fo:N}}, {@code {sku:N}}, {@code {qty:N}}, {@code {row:N}} the fulfilment order, SKU,
     * quantity and leading cells (wave_no to slot) of pick line N.
     */
    Path fromTemplate(String template, Path file, String waveNo) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/picks", template), StandardCharsets.UTF_8);
        List<Map<String, Object>> lines = pickLines(waveNo);
        text = text.replace("{wave}", waveNo).replace("{row:last}", "{row:" + lines.size() + "}");
        for (Map<String, Object> l : lines) {
            Object seq = l.get("PICK_SEQ");
            String lead = row(l, "", "", "");
            text = text.replace("{row:" + seq + "}", lead.substring(0, lead.length() - 3))
                    .replace("{fo:" + seq + "}", String.valueOf(l.get("FULFILMENT_NO")))
                    .replace("{sku:" + seq + "}", String.valueOf(l.get("SKU_CODE")))
                    .replace("{qty:" + seq + "}", String.valueOf(l.get("QUANTITY")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
