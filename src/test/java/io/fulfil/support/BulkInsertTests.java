package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Rows written by {@link BulkInsert} read back exactly as given, on H2 (a JDBC batch) and on
 * MySQL/MariaDB (one JSON document per statement, read by JSON_TABLE) when FULFIL_TEST_MYSQL_URL is
 * set: text that JSON must escape, four-byte characters, nulls, exact decimals, times with
 * milliseconds, constants, more rows than one statement carries; and a value too long for its column
 * fails the statement instead of being cut.
 */
class BulkInsertTests {

    record Row(String code, long quantity, String note, BigDecimal amount, String at) {
    }

    private static final BulkInsert.Builder COLUMNS = BulkInsert.into("bulk_insert_probe")
            .text("code").integer("quantity").text("note").decimal("amount").text("at")
            .constant("run_id", Types.BIGINT).constant("actor", Types.VARCHAR).constant("room", Types.VARBINARY);

    private static final List<Row> AWKWARD = List.of(
            new Row("A-1", 3, "plain", new BigDecimal("12.34"), "2026-11-30 09:00:00.123"),
            new Row("B\"2", -7, "quote \" backslash \\ slash / tab\t newline\n return\r bell\u0007 end",
                    new BigDecimal("0.01"), "2026-11-30 23:59:59.999"),
            new Row("冷冻-3", 0, "中文 😀 emoji", new BigDecimal("999999999999.99"), "2026-01-01 00:00:00.000"),
            new Row("D-4", Integer.MAX_VALUE, null, null, "2026-11-30 09:00:00.001"),
            new Row("C-\u0000\u001f", Long.MIN_VALUE, "nul \u0000 and unit separator \u001f", BigDecimal.ZERO,
                    "2026-11-30 09:00:00.002"),
            new Row("E-5", 1, "'; DROP TABLE bulk_insert_probe; --", new BigDecimal("-5.50"), "2026-11-30 09:00:00.500"));

    @Test
    void onH2RowsReadBackAsGiven() {
        readBackAsGiven(h2(), Database.H2);
    }

    @Test
    void onMySqlRowsReadBackAsGiven() {
        readBackAsGiven(mySql(), Database.MYSQL);
    }

    @Test
    void onMariaDbTheDocumentGoesToAStatementPreparedOnTheServer() {
        JdbcTemplate jdbc = mySql();
        boolean mariaDb = jdbc.queryForObject("SELECT VERSION()", String.class).contains("MariaDB");
        long before = preparedOnTheServer(jdbc);

        insert(Database.MYSQL).insert(jdbc, AWKWARD, 42L, "import-manifests run 42", null);

        // MariaDB: the statement was prepared on the server (JsonTable.serverPrepared); MySQL 8 keeps
        // the driver's own preparation, which the server never sees
        assertThat(preparedOnTheServer(jdbc) - before).isEqualTo(mariaDb ? 1 : 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe", Integer.class)).isEqualTo(AWKWARD.size());
    }

    private static long preparedOnTheServer(JdbcTemplate jdbc) {
        return jdbc.query("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }

    @Test
    void onH2ManyRowsAndAValueTooLong() {
        manyRowsAndAValueTooLong(h2(), Database.H2);
    }

    @Test
    void onMySqlManyRowsAndAValueTooLong() {
        manyRowsAndAValueTooLong(mySql(), Database.MYSQL);
    }

    @Test
    void aValueOfTheWrongKindOrAMissingValueIsAProgrammingErrorNamedAtOnce() {
        JdbcTemplate jdbc = h2();
        BulkInsert<Row> wrongKind = COLUMNS.build(Database.MYSQL, (Row r, BulkInsert.Values v) -> v.string(r.code())
                .string(r.note()));
        assertThatThrownBy(() -> wrongKind.insert(jdbc, AWKWARD, 1L, "t", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("value 2").hasMessageContaining("INTEGER");
        BulkInsert<Row> missing = COLUMNS.build(Database.H2, (Row r, BulkInsert.Values v) -> v.string(r.code()));
        assertThatThrownBy(() -> missing.insert(jdbc, AWKWARD, 1L, "t", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of its 5 values");
        assertThatThrownBy(() -> insert(Database.H2).insert(jdbc, AWKWARD, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3 constants");
    }

    private void readBackAsGiven(JdbcTemplate jdbc, Database database) {
        byte[] room = new byte[] {0, 0, 7, 0};
        insert(database).insert(jdbc, AWKWARD, 42L, "import-manifests run 42", room);
        insert(database).insert(jdbc, List.of(new Row("F-6", 2, "no run", BigDecimal.ONE, "2026-11-30 09:00:00.000")),
                null, "someone", null);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT code, quantity, note, amount, at, run_id, actor, room FROM bulk_insert_probe ORDER BY id");
        assertThat(rows).hasSize(AWKWARD.size() + 1);
        for (int i = 0; i < AWKWARD.size(); i++) {
            Row expected = AWKWARD.get(i);
            Map<String, Object> row = rows.get(i);
            assertThat(row.get("CODE")).isEqualTo(expected.code());
            assertThat(((Number) row.get("QUANTITY")).longValue()).isEqualTo(expected.quantity());
            assertThat(row.get("NOTE")).isEqualTo(expected.note());
            assertThat((BigDecimal) row.get("AMOUNT")).isEqualTo(expected.amount() == null ? null
                    : expected.amount().setScale(2));
            assertThat(jdbc.queryForObject("SELECT " + millis(database) + " FROM bulk_insert_probe WHERE code = ?",
                    String.class, expected.code())).isEqualTo(expected.at());
            assertThat(((Number) row.get("RUN_ID")).longValue()).isEqualTo(42L);
            assertThat(row.get("ACTOR")).isEqualTo("import-manifests run 42");
            assertThat((byte[]) row.get("ROOM")).containsExactly(room);
        }
        Map<String, Object> last = rows.get(AWKWARD.size());
        assertThat(last.get("RUN_ID")).isNull();
        assertThat(last.get("ROOM")).isNull();
        assertThat(last.get("ACTOR")).isEqualTo("someone");
    }

    private void manyRowsAndAValueTooLong(JdbcTemplate jdbc, Database database) {
        List<Row> many = new ArrayList<>();
        for (int i = 0; i < BulkInsert.ROWS_PER_STATEMENT * 2 + 17; i++) {
            many.add(new Row("M-" + i, i, "note " + i, BigDecimal.valueOf(i, 2), "2026-11-30 09:00:00.000"));
        }
        insert(database).insert(jdbc, many, 7L, "bulk", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe", Long.class)).isEqualTo(many.size());
        assertThat(jdbc.queryForObject("SELECT SUM(quantity) FROM bulk_insert_probe", Long.class))
                .isEqualTo((long) many.size() * (many.size() - 1) / 2);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM bulk_insert_probe", BigDecimal.class))
                .isEqualByComparingTo(BigDecimal.valueOf((long) many.size() * (many.size() - 1) / 2, 2));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe WHERE run_id = 7 AND actor = 'bulk'"
                + " AND note = CONCAT('note ', quantity) AND code = CONCAT('M-', quantity)", Long.class))
                .isEqualTo(many.size());

        Row tooLong = new Row("X".repeat(41), 1, null, null, "2026-11-30 09:00:00.000");
        assertThatThrownBy(() -> insert(database).insert(jdbc, List.of(tooLong), 7L, "bulk", null))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe WHERE code LIKE 'XXX%'", Long.class))
                .isZero();
    }

    private static BulkInsert<Row> insert(Database database) {
        return COLUMNS.build(database, (Row r, BulkInsert.Values v) -> v.string(r.code()).integer(r.quantity())
                .string(r.note()).decimal(r.amount()).string(r.at()));
    }

    private static String millis(Database database) {
        return database == Database.H2 ? "FORMATDATETIME(at, 'yyyy-MM-dd HH:mm:ss.SSS')"
                : "LEFT(DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f'), 23)";
    }

    private SingleConnectionDataSource dataSource;

    @AfterEach
    void closeTheConnection() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }

    private JdbcTemplate h2() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:bulkinsert;DB_CLOSE_DELAY=-1", "sa", "", true);
        return probeTable(new JdbcTemplate(dataSource), "TABLE", "BIGINT GENERATED BY DEFAULT AS IDENTITY",
                "TIMESTAMP(3)");
    }

    private JdbcTemplate mySql() {
        String url = System.getenv("FULFIL_TEST_MYSQL_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:"), "FULFIL_TEST_MYSQL_URL is not set");
        String user = System.getenv().getOrDefault("FULFIL_TEST_MYSQL_USERNAME", "root");
        String password = System.getenv().getOrDefault("FULFIL_TEST_MYSQL_PASSWORD", "");
        dataSource = new SingleConnectionDataSource(url, user, password, true);
        Properties utf8 = new Properties();
        utf8.setProperty("characterEncoding", "UTF-8");
        dataSource.setConnectionProperties(utf8);
        // a temporary table, the connection's own: the test database's schema stays as the other suites
        // (and Flyway, which refuses a non-empty schema it did not make) expect it
        return probeTable(new JdbcTemplate(dataSource), "TEMPORARY TABLE", "BIGINT AUTO_INCREMENT", "DATETIME(3)");
    }

    private static JdbcTemplate probeTable(JdbcTemplate jdbc, String table, String id, String time) {
        jdbc.execute("DROP " + table + " IF EXISTS bulk_insert_probe");
        jdbc.execute("CREATE " + table + " bulk_insert_probe (id " + id + " PRIMARY KEY, code VARCHAR(40) NOT NULL,"
                + " quantity BIGINT NOT NULL, note VARCHAR(300), amount DECIMAL(14,2), at " + time + " NOT NULL,"
                + " run_id BIGINT, actor VARCHAR(100) NOT NULL, room VARBINARY(64))");
        return jdbc;
    }
}
