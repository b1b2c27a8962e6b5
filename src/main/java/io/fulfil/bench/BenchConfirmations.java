package io.fulfil.bench;

import io.fulfil.picking.confirm.PickConfirmations;
import io.fulfil.support.Database;
import io.fulfil.support.csv.CsvOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Writes what the warehouse sends back for every open pick line of every wave, as one pick
 * confirmation file (for the benchmark): the pick lists' columns with {@code picked_qty},
 * {@code picker} and {@code picked_at} filled in, every {@code shortEvery}-th row picked one short.
 */
@Service
public class BenchConfirmations {

    private static final String[] HEADER = {"wave_no", "warehouse_code", "pick_seq", "location_code", "sku_code",
            "sku_name", "quantity", "fulfilment_no", "slot", "picked_qty", "picker", "picked_at"};

    private final JdbcTemplate jdbc;

    public BenchConfirmations(DataSource dataSource, Database database) {
        this.jdbc = new JdbcTemplate(dataSource);
        // MySQL otherwise buffers the whole result
        this.jdbc.setFetchSize(database.streamingFetchSize());
    }

    /** Writes the file; returns its rows. */
    public long write(Path file, int shortEvery) {
        long[] rows = {0};
        try (CsvOutput out = CsvOutput.create(file, HEADER)) {
            jdbc.query("""
                    SELECT p.wave_no, w.warehouse_code, p.pick_seq, p.location_code, p.sku_code, p.sku_name,
                           p.quantity, p.fulfilment_no, p.slot
                      FROM pick_line p JOIN wave w ON w.wave_no = p.wave_no
                     WHERE NOT EXISTS (SELECT 1 FROM pick_confirmation c WHERE %s)
                     ORDER BY p.wave_no, p.pick_seq""".formatted(PickConfirmations.CONFIRMATION_OF_LINE),
                    (RowCallbackHandler) rs -> {
                rows[0]++;
                int quantity = rs.getInt(7);
                int picked = shortEvery > 0 && rows[0] % shortEvery == 0 ? quantity - 1 : quantity;
                out.row(rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), Integer.toString(quantity), rs.getString(8),
                        Integer.toString(rs.getInt(9)), Integer.toString(picked), picker(rs),
                        "2026-12-01T10:15:00.000+08:00");
            });
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return rows[0];
    }

    private static String picker(ResultSet rs) throws SQLException {
        return "picker-" + (rs.getInt(9) % 20);
    }
}
