package io.fulfil.picking.wave;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.support.BulkInsert;
import io.fulfil.support.Database;
import io.fulfil.support.KeyLists;
import io.fulfil.support.SqlTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Creates waves in the database: the {@code wave} rows (PLANNED), their {@code pick_line} rows in
 * walking order, and the move of their fulfilment orders to WAVED through {@link FulfilmentOrders}.
 * Runs inside the caller's transaction; a chunk of waves is written whole or not at all.
 */
@Repository
public class WaveStore {

    /**
     * The candidates in wave order, each with its lines (one row per line, rows of a candidate
     * together): EXPRESS before NORMAL (also their alphabetical order), then paid_at, then
     * fulfilment_no, every group (warehouse, zone, kind) interleaved ({@link WavePacker} keeps one open
     * wave per group), so waves close in about the order the split created their fulfilment orders,
     * which is key order. The split writes the order's priority and paid_at and the line count and
     * units onto the fulfilment order (migration V5), so there are no subqueries and no join to
     * customer_order; the lines, their SKU names and bins are read in this one pass rather than looked
     * up again, at random, for every chunk.
     *
     * <p>An ALLOCATED fulfilment order has no wave (nothing moves back to ALLOCATED), so the candidates
     * are the wave index's entries without a wave, and since migration V20 that index holds them in
     * exactly this order: the ORDER BY is the index's own, so the query is answered from the index
     * without a sort and, read through a {@link io.fulfil.ops.StreamingCursor}, streamed (H2 says
     * {@code index sorted} in its plan), the lines joined as each candidate is read, on the packing
     * thread. A line's place among its candidate's rows does not matter: {@link WalkingOrder} orders
     * them. On MySQL the hint only allows the index; the optimiser still scans the table and sorts when
     * it judges that cheaper.
     */
    public static final String CANDIDATES_SQL = """
            SELECT fo.fulfilment_no, fo.warehouse_code, fo.temperature_zone, fo.priority, fo.created_at,
                   fo.line_count, fo.units, l.line_no, l.sku_code, l.quantity, s.name, st.location_code
              FROM fulfilment_order fo USE INDEX (fulfilment_order_by_wave)
              LEFT JOIN fulfilment_line l ON l.fulfilment_no = fo.fulfilment_no
              LEFT JOIN sku s ON s.sku_code = l.sku_code
              LEFT JOIN stock st ON st.warehouse_code = fo.warehouse_code AND st.sku_code = l.sku_code
             WHERE fo.wave_no IS NULL AND fo.status = 'ALLOCATED'
             ORDER BY fo.wave_no, fo.priority, fo.paid_at, fo.fulfilment_no""";

    /** A row of {@link #CANDIDATES_SQL}: a candidate and one of its lines (null when it has none). */
    public record CandidateRow(WaveCandidate candidate, Line line) {
    }

    /** Maps a row of {@link #CANDIDATES_SQL}. */
    public static CandidateRow candidateRow(ResultSet rs, int rowNum) throws SQLException {
        WaveCandidate c = new WaveCandidate(rs.getString(1), rs.getString(2), rs.getString(3),
                "EXPRESS".equals(rs.getString(4)), rs.getObject(5, LocalDateTime.class), rs.getInt(6), rs.getInt(7));
        String sku = rs.getString(9);
        Line line = sku == null ? null
                : new Line(c.fulfilmentNo(), rs.getInt(8), sku, rs.getInt(10), rs.getString(11), rs.getString(12));
        return new CandidateRow(c, line);
    }

    /** A fulfilment line of a wave with what its pick line shows (SKU name and bin null when missing). */
    public record Line(String fulfilmentNo, int lineNo, String skuCode, int quantity, String skuName,
                       String locationCode) {
    }

    /** A pick line before it has its sequence number. */
    record Stop(Line line, int slot) implements WalkingOrder.Stop {
        @Override
        public String locationCode() {
            return line.locationCode();
        }

        @Override
        public String skuCode() {
            return line.skuCode();
        }

        @Override
        public int lineNo() {
            return line.lineNo();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final FulfilmentOrders fulfilmentOrders;
    private final KeyLists keyLists;
    private final BulkInsert<PickRow> pickLineInsert;

    public WaveStore(NamedParameterJdbcTemplate jdbc, FulfilmentOrders fulfilmentOrders, KeyLists keyLists,
                     Database database) {
        this.jdbc = jdbc;
        this.fulfilmentOrders = fulfilmentOrders;
        this.keyLists = keyLists;
        this.pickLineInsert = BulkInsert.into("pick_line")
                .text("wave_no").integer("pick_seq").text("fulfilment_no").integer("fulfilment_line_no")
                .text("sku_code").text("sku_name").text("location_code").integer("quantity").integer("slot")
                .constant("job_execution_id", Types.BIGINT)
                .build(database, (PickRow r, BulkInsert.Values v) -> v.string(r.waveNo()).integer(r.pickSeq())
                        .string(r.line().fulfilmentNo()).integer(r.line().lineNo()).string(r.line().skuCode())
                        .string(r.line().skuName()).string(r.line().locationCode()).integer(r.line().quantity())
                        .integer(r.slot()));
    }

    /** A pick line as it is written: its wave, place in the walk, fulfilment line and slot on the cart. */
    private record PickRow(String waveNo, int pickSeq, Line line, int slot) {
    }

    /**
     * Creates these waves in the caller's transaction and returns their numbers. The fulfilment
     * orders are locked first (in key order); those no longer ALLOCATED (another run waved them, the
     * shop cancelled them) are left out, and a wave left empty is not created. Wave numbers are
     * taken from {@code sequence_counter} last, so its row is locked only briefly and in one order
     * by every run.
     */
    public List<String> create(List<? extends PlannedWave> planned, LocalDateTime now, Long jobExecutionId) {
        List<String> all = planned.stream().flatMap(w -> w.fulfilmentNos().stream()).toList();
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, FulfilmentOrders.Current> locked = new HashMap<>();
        // slice after slice in key order: on H2 a short key list is much cheaper per row found
        for (List<String> slice : keyLists.slices(all)) {
            locked.putAll(fulfilmentOrders.lock(slice));
        }
        List<List<String>> kept = new ArrayList<>();
        for (PlannedWave wave : planned) {
            kept.add(wave.fulfilmentNos().stream().filter(no -> {
                FulfilmentOrders.Current c = locked.get(no);
                return c != null && c.status() == FulfilmentStatus.ALLOCATED && c.waveNo() == null;
            }).toList());
        }
        int waves = (int) kept.stream().filter(k -> !k.isEmpty()).count();
        if (waves == 0) {
            return List.of();
        }
        Map<String, List<Line>> lines = new HashMap<>();
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Map<String, List<Line>> read = planned.get(i).lines();
            for (String no : kept.get(i)) {
                List<Line> own = read.get(no);
                if (own == null) {
                    unread.add(no);
                } else {
                    lines.put(no, own);
                }
            }
        }
        if (!unread.isEmpty()) {
            lines.putAll(lines(unread));
        }
        long first = nextWaveNumbers(waves);

        List<Object[]> waveRows = new ArrayList<>();
        List<PickRow> pickRows = new ArrayList<>();
        List<String> waveNos = new ArrayList<>();
        String created = SqlTimestamps.text(now);
        for (int i = 0; i < planned.size(); i++) {
            List<String> members = kept.get(i);
            if (members.isEmpty()) {
                continue;
            }
            PlannedWave wave = planned.get(i);
            String waveNo = waveNo(first + waveNos.size());
            waveNos.add(waveNo);
            List<Stop> stops = new ArrayList<>();
            for (int s = 0; s < members.size(); s++) {
                String no = members.get(s);
                List<Line> own = lines.get(no);
                if (own == null) {
                    throw new IllegalStateException("fulfilment order " + no + " has no lines");
                }
                for (Line line : own) {
                    requirePickable(line, wave.warehouseCode());
                    stops.add(new Stop(line, s + 1));
                }
            }
            int seq = 0;
            for (Stop stop : WalkingOrder.sort(stops)) {
                Line l = stop.line();
                pickRows.add(new PickRow(waveNo, ++seq, l, stop.slot()));
            }
            waveRows.add(new Object[] {waveNo, wave.warehouseCode(), wave.temperatureZone(), wave.kind().name(),
                    members.size(), stops.size(), created, jobExecutionId});
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO wave (wave_no, warehouse_code, status, temperature_zone, kind, order_count, line_count,
                                  created_at, job_execution_id)
                VALUES (?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?)""", waveRows);
        pickLineInsert.insert(jdbc.getJdbcTemplate(), pickRows, jobExecutionId);
        // one guarded statement per wave; the rows are locked already, in key order, above
        int w = 0;
        for (List<String> members : kept) {
            if (!members.isEmpty()) {
                fulfilmentOrders.waveTogether(waveNos.get(w++), members);
            }
        }
        return waveNos;
    }

    /** What one run of the wave job created. */
    public record RunCounts(long waves, long fulfilmentOrders, long lines) {
    }

    /** The waves, fulfilment orders and lines created by this job execution. */
    public RunCounts createdBy(long jobExecutionId) {
        return jdbc.queryForObject("""
                        SELECT COUNT(*), COALESCE(SUM(order_count), 0), COALESCE(SUM(line_count), 0)
                          FROM wave WHERE job_execution_id = :id""", Map.of("id", jobExecutionId),
                (rs, i) -> new RunCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** {@code W000001}, {@code W000002}, …; wider past a million. */
    static String waveNo(long number) {
        return "W%06d".formatted(number);
    }

    /** Takes {@code count} numbers from the 'wave' counter (locking its row until commit); returns the first. */
    private long nextWaveNumbers(int count) {
        int updated = jdbc.getJdbcTemplate().update(
                "UPDATE sequence_counter SET last_value = last_value + ? WHERE name = 'wave'", count);
        if (updated != 1) {
            throw new IllegalStateException("sequence_counter has no row 'wave' (migration V4 creates it)");
        }
        Long last = jdbc.getJdbcTemplate().queryForObject(
                "SELECT last_value FROM sequence_counter WHERE name = 'wave'", Long.class);
        return last - count + 1;
    }

    private static void requirePickable(Line line, String warehouseCode) {
        if (line.locationCode() == null || line.skuName() == null) {
            throw new IllegalStateException("SKU " + line.skuCode() + " has no " + (line.skuName() == null
                    ? "sku row" : "stock row (bin) in warehouse " + warehouseCode)
                    + "; fulfilment order " + line.fulfilmentNo() + " cannot be waved");
        }
    }

    /** The lines of these fulfilment orders with SKU name and bin, in one query. */
    private Map<String, List<Line>> lines(List<String> fulfilmentNos) {
        Map<String, List<Line>> byOrder = new HashMap<>();
        jdbc.query("""
                        SELECT l.fulfilment_no, l.line_no, l.sku_code, l.quantity, s.name, st.location_code,
                               fo.warehouse_code
                          FROM fulfilment_line l
                          JOIN fulfilment_order fo ON fo.fulfilment_no = l.fulfilment_no
                          LEFT JOIN sku s ON s.sku_code = l.sku_code
                          LEFT JOIN stock st ON st.warehouse_code = fo.warehouse_code AND st.sku_code = l.sku_code
                         WHERE %s
                         ORDER BY l.fulfilment_no, l.line_no""".formatted(keyLists.matches("l.fulfilment_no", "nos")),
                Map.of("nos", keyLists.bind(fulfilmentNos)), rs -> {
                    String sku = rs.getString(3);
                    if (rs.getString(6) == null || rs.getString(5) == null) {
                        throw new IllegalStateException("SKU " + sku + " has no " + (rs.getString(5) == null
                                ? "sku row" : "stock row (bin) in warehouse " + rs.getString(7))
                                + "; fulfilment order " + rs.getString(1) + " cannot be waved");
                    }
                    byOrder.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Line(rs.getString(1),
                            rs.getInt(2), sku, rs.getInt(4), rs.getString(5), rs.getString(6)));
                });
        return byOrder;
    }
}
