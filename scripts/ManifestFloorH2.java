import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbc.JdbcConnection;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;

/**
 * The manifest import's floor on embedded H2, for scripts/bench-manifest-floor (run as a single-file
 * program against the H2 jar): the manifest's rows loaded into a scratch table (not timed), then only
 * the writes shipping requires, committed 3,000 rows at a time as the job commits them: the fulfilment
 * orders to SHIPPED with their parcel, the SHIP movements, the stock rows and the parents' roll-up, one
 * set-based statement each per chunk. H2's store buffer is raised as the application raises it
 * (config/H2StoreBuffer), so both keep a chunk's changes in memory until its commit.
 *
 * <p>Arguments: the database's JDBC URL, the manifest's rows without header, rows per chunk, the store
 * buffer in MB. Prints the chunks' seconds and the process's CPU seconds over them.
 */
public class ManifestFloorH2 {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String rows = args[1];
        int chunk = Integer.parseInt(args[2]);
        int bufferMb = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            Field buffer = MVStore.class.getDeclaredField("autoCommitMemory");
            buffer.setAccessible(true);
            buffer.setInt(store, (int) Math.min(bufferMb * 1024L * 1024L, Runtime.getRuntime().maxMemory() / 4));
            int n;
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS floor_file");
                s.execute("""
                        CREATE TABLE floor_file (seq INT PRIMARY KEY, fulfilment_no VARCHAR(80), carrier_code VARCHAR(32),
                          tracking_no VARCHAR(64), shipped_at TIMESTAMP(3), weight_grams INT) AS
                        SELECT ROWNUM(), F, C, T, PARSEDATETIME(LEFT(S, 19), 'yyyy-MM-dd''T''HH:mm:ss'), CAST(W AS INT)
                          FROM CSVREAD('%s', 'F,C,T,S,W', 'charset=UTF-8')""".formatted(rows.replace("'", "''")));
                try (ResultSet r = s.executeQuery("SELECT MAX(seq) FROM floor_file")) {
                    r.next();
                    n = r.getInt(1);
                }
            }
            c.setAutoCommit(false);
            String chunkRows = "SELECT * FROM floor_file WHERE seq BETWEEN ?1 AND ?2";
            String shipped = """
                    SELECT f.warehouse_code, l.sku_code, c.picked_qty AS q, f.fulfilment_no, f.order_no, f.shipped_at
                      FROM floor_file m JOIN fulfilment_order f ON f.fulfilment_no = m.fulfilment_no
                      JOIN pick_line l ON l.fulfilment_no = m.fulfilment_no
                      JOIN pick_confirmation c ON c.wave_no = l.wave_no AND c.pick_seq = l.pick_seq
                     WHERE m.seq BETWEEN ?1 AND ?2 AND c.picked_qty > 0""";
            String[] statements = {
                    """
                    MERGE INTO fulfilment_order f USING (%s) m ON f.fulfilment_no = m.fulfilment_no
                     WHEN MATCHED AND f.status = 'PICKED' THEN UPDATE SET status = 'SHIPPED', carrier_code = m.carrier_code,
                          tracking_no = m.tracking_no, shipped_at = m.shipped_at, weight_grams = m.weight_grams""".formatted(chunkRows),
                    """
                    INSERT INTO stock_movement (warehouse_code, sku_code, kind, on_hand_change, allocated_change, reference,
                                                order_no, reason, actor, occurred_at, recorded_at, job_execution_id)
                    SELECT warehouse_code, sku_code, 'SHIP', -q, -q, fulfilment_no, order_no, NULL, 'floor', shipped_at,
                           LOCALTIMESTAMP, 0 FROM (%s) x""".formatted(shipped),
                    """
                    MERGE INTO stock t USING (SELECT warehouse_code, sku_code, SUM(q) AS q FROM (%s) x
                                               GROUP BY warehouse_code, sku_code) d
                       ON t.warehouse_code = d.warehouse_code AND t.sku_code = d.sku_code
                     WHEN MATCHED THEN UPDATE SET on_hand = t.on_hand - d.q, allocated = t.allocated - d.q""".formatted(shipped),
                    """
                    MERGE INTO customer_order o USING (
                        SELECT f.order_no, MIN(CASE WHEN f.status IN ('SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED',
                               'EXCEPTION', 'RETURNED', 'CANCELLED') THEN 1 ELSE 0 END) AS all_out
                          FROM (SELECT DISTINCT f2.order_no FROM floor_file m JOIN fulfilment_order f2
                                    ON f2.fulfilment_no = m.fulfilment_no WHERE m.seq BETWEEN ?1 AND ?2) x
                          JOIN customer_order o2 ON o2.order_no = x.order_no
                          JOIN fulfilment_order f ON f.split_key = o2.split_key AND f.order_no = o2.order_no
                         GROUP BY f.order_no) d
                       ON o.order_no = d.order_no
                     WHEN MATCHED THEN UPDATE SET status = CASE WHEN d.all_out = 1 THEN 'SHIPPED' ELSE 'PARTIALLY_SHIPPED' END"""};
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int a = 1; a <= n; a += chunk) {
                for (String sql : statements) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setInt(1, a);
                        ps.setInt(2, a + chunk - 1);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long shippedRows;
            long movements;
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'SHIPPED'")) {
                    r.next();
                    shippedRows = r.getLong(1);
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM stock_movement WHERE actor = 'floor'")) {
                    r.next();
                    movements = r.getLong(1);
                }
            }
            System.out.printf("%.1f s, process CPU %.1f s (shipped %d, SHIP movements %d)%n", seconds, cpu, shippedRows,
                    movements);
        }
    }
}
