package io.fulfil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations 16 to 18 on a database with a confirmed and an unconfirmed pick line and a WAVED
 * fulfilment order: the confirmation moves to {@code pick_confirmation} with its values, the unconfirmed
 * line has none, {@code pick_line} keeps the list's columns and gets its wave's run back; on MySQL/MariaDB the status column
 * becomes {@code CHAR(24)} and still reads back unpadded, on H2 it stays {@code VARCHAR}; the status index
 * gives way to the index of parcels on their way, whose column follows the status.
 */
class PickConfirmationMigrationTests {

    @Test
    void onH2() {
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:h2:mem:pickconfirmations" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            dataSource.setUsername("sa");
            migrateAndCheck(dataSource, false, "CHARACTER VARYING");
        }
    }

    @Test
    void onMySql() {
        String url = System.getenv("FULFIL_TEST_MYSQL_URL");
        assumeTrue(url != null && url.startsWith("jdbc:mysql:"), "FULFIL_TEST_MYSQL_URL is not set");
        // a scratch database beside the tests' shared one, made and dropped here
        String scratch = "fulfil_migration_" + ProcessHandle.current().pid();
        try (HikariDataSource server = mySql(url)) {
            JdbcTemplate admin = new JdbcTemplate(server);
            admin.execute("DROP DATABASE IF EXISTS " + scratch);
            admin.execute("CREATE DATABASE " + scratch + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            try (HikariDataSource dataSource = mySql(url.replaceFirst("/[^/?]*(\\?|$)", "/" + scratch + "$1"))) {
                migrateAndCheck(dataSource, true, "char");
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + scratch);
            }
        }
    }

    private static HikariDataSource mySql(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(System.getenv().getOrDefault("FULFIL_TEST_MYSQL_USERNAME", "root"));
        ds.setPassword(System.getenv().getOrDefault("FULFIL_TEST_MYSQL_PASSWORD", ""));
        return ds;
    }

    private static void migrateAndCheck(HikariDataSource dataSource, boolean mySql, String statusType) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        FlywayForTests.configuration(dataSource, mySql).target("15").load().migrate();
        jdbc.update("""
                INSERT INTO fulfilment_order (fulfilment_no, order_no, merchant_code, warehouse_code, temperature_zone,
                       status, goods_amount, discount_amount, shipping_fee, paid_amount, created_at, wave_no)
                VALUES ('F0000000001', 'O1', 'M1', 'W1', 'AMBIENT', 'WAVED', 10, 0, 0, 10, CURRENT_TIMESTAMP, 'W000001')""");
        jdbc.update("""
                INSERT INTO wave (wave_no, warehouse_code, status, created_at, temperature_zone, job_execution_id)
                VALUES ('W000001', 'W1', 'RELEASED', CURRENT_TIMESTAMP, 'AMBIENT', 3)""");
        jdbc.update("""
                INSERT INTO pick_line (wave_no, pick_seq, fulfilment_no, fulfilment_line_no, sku_code, sku_name,
                       location_code, quantity, slot, picked_qty, picker, picked_at, confirmed_at, job_execution_id)
                VALUES ('W000001', 1, 'F0000000001', 1, 'S1', '商品', 'A-01', 3, 1, 2, 'ann',
                        TIMESTAMP '2026-12-01 10:15:00', TIMESTAMP '2026-12-01 11:00:00', 7),
                       ('W000001', 2, 'F0000000001', 2, 'S2', 'n', 'A-02', 1, 1, NULL, NULL, NULL, NULL, 3)""");

        FlywayForTests.configuration(dataSource, mySql).load().migrate();

        List<Map<String, Object>> confirmations = jdbc.queryForList("""
                SELECT wave_no, pick_seq, picked_qty, picker, job_execution_id FROM pick_confirmation""");
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).values()).map(String::valueOf)
                .containsExactly("W000001", "1", "2", "ann", "7");
        assertThat(jdbc.queryForObject("SELECT picked_at FROM pick_confirmation", java.time.LocalDateTime.class))
                .isEqualTo("2026-12-01T10:15:00");
        assertThat(jdbc.queryForObject("SELECT confirmed_at FROM pick_confirmation", java.time.LocalDateTime.class))
                .isEqualTo("2026-12-01T11:00:00");
        // the confirmed line's run is its wave's again (the import had overwritten it), the other's unchanged
        assertThat(jdbc.queryForList("SELECT job_execution_id FROM pick_line ORDER BY pick_seq", Long.class))
                .containsExactly(3L, 3L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pick_line", Integer.class)).isEqualTo(2);
        assertThat(columns(jdbc, "pick_line")).doesNotContain("picked_qty", "picker", "picked_at", "confirmed_at")
                .contains("quantity", "slot", "job_execution_id");
        assertThat(jdbc.queryForObject("""
                SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS
                 WHERE LOWER(TABLE_NAME) = 'fulfilment_order' AND LOWER(COLUMN_NAME) = 'status'
                   AND TABLE_SCHEMA = SCHEMA()""", String.class)).isEqualToIgnoringCase(statusType);
        // a status reads back as written, whatever the column's width; and a move to a longer name is found
        jdbc.update("UPDATE fulfilment_order SET status = 'PICKED' WHERE status = 'WAVED'");
        assertThat(jdbc.queryForObject("SELECT status FROM fulfilment_order", String.class)).isEqualTo("PICKED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fulfilment_order WHERE status IN ('PICKED')",
                Integer.class)).isEqualTo(1);
        // migration 18: the status index is gone; the parcel is in the index of parcels on their way exactly
        // while it is with a carrier
        assertThat(indexColumns(jdbc, mySql, "fulfilment_order")).doesNotContain("status").contains("parcel_on_the_way");
        assertThat(onTheWay(jdbc)).isNull();
        for (String status : List.of("SHIPPED", "IN_TRANSIT", "EXCEPTION", "OUT_FOR_DELIVERY")) {
            jdbc.update("UPDATE fulfilment_order SET status = ?", status);
            assertThat(onTheWay(jdbc)).as(status).isEqualTo("F0000000001");
        }
        jdbc.update("UPDATE fulfilment_order SET status = 'DELIVERED'");
        assertThat(onTheWay(jdbc)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fulfilment_order WHERE parcel_on_the_way > ''",
                Integer.class)).isZero();
    }

    private static String onTheWay(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT parcel_on_the_way FROM fulfilment_order", String.class);
    }

    /** The columns of the table's indexes, lower case. */
    private static List<String> indexColumns(JdbcTemplate jdbc, boolean mySql, String table) {
        return jdbc.queryForList("""
                SELECT LOWER(COLUMN_NAME) FROM INFORMATION_SCHEMA.%s
                 WHERE LOWER(TABLE_NAME) = ? AND TABLE_SCHEMA = SCHEMA()""".formatted(mySql ? "STATISTICS" : "INDEX_COLUMNS"),
                String.class, table);
    }

    private static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("""
                SELECT LOWER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS
                 WHERE LOWER(TABLE_NAME) = ? AND TABLE_SCHEMA = SCHEMA()""", String.class, table);
    }
}
