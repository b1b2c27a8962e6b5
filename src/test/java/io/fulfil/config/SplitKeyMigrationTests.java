package io.fulfil.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration 15 on a database split before it: orders with fulfilment orders or decisions get split key
 * 0, as do those rows, so the lookup by (split_key, order_no) still finds them; an order never split
 * keeps no key, and the counter the split draws keys from starts.
 */
class SplitKeyMigrationTests {

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void open() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:splitkeys" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void ordersSplitBeforeGetKeyZeroWithTheirPartsAndOthersNone() {
        FlywayForTests.configuration(dataSource, false).target("14").load().migrate();
        order("SPLIT", "ALLOCATED");
        order("DECIDED_ONLY", "BACKORDERED");
        order("NEW", "PAID");
        jdbc.update("""
                INSERT INTO fulfilment_order (fulfilment_no, order_no, merchant_code, warehouse_code, temperature_zone,
                       status, goods_amount, discount_amount, shipping_fee, paid_amount, created_at)
                VALUES ('F0000000001', 'SPLIT', 'M1', 'W1', 'AMBIENT', 'ALLOCATED', 10, 0, 0, 10, CURRENT_TIMESTAMP)""");
        jdbc.update("""
                INSERT INTO split_decision (order_no, decision_no, trace, decided_at)
                VALUES ('SPLIT', 1, 't', CURRENT_TIMESTAMP), ('DECIDED_ONLY', 1, 't', CURRENT_TIMESTAMP)""");

        Flyway latest = FlywayForTests.configuration(dataSource, false).load();
        latest.migrate();

        assertThat(jdbc.queryForList("SELECT order_no FROM customer_order WHERE split_key = 0 ORDER BY order_no",
                String.class)).containsExactly("DECIDED_ONLY", "SPLIT");
        assertThat(jdbc.queryForObject("SELECT split_key FROM customer_order WHERE order_no = 'NEW'", Long.class))
                .isNull();
        assertThat(jdbc.queryForList("""
                SELECT f.fulfilment_no FROM customer_order o JOIN fulfilment_order f
                    ON f.split_key = o.split_key AND f.order_no = o.order_no
                 WHERE o.order_no = 'SPLIT'""", String.class)).containsExactly("F0000000001");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer_order o JOIN split_decision d
                    ON d.split_key = o.split_key AND d.order_no = o.order_no""", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT last_value FROM sequence_counter WHERE name = 'split_key'",
                Long.class)).isZero();
        // both order-keyed indexes lead with the key
        assertThat(indexColumns("FULFILMENT_ORDER_BY_ORDER")).containsExactly("SPLIT_KEY", "ORDER_NO");
        assertThat(indexColumns("SPLIT_DECISION_BY_ORDER")).containsExactly("SPLIT_KEY", "ORDER_NO", "DECISION_NO");
    }

    private java.util.List<String> indexColumns(String index) {
        return jdbc.queryForList("""
                SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                 WHERE INDEX_NAME = ? ORDER BY ORDINAL_POSITION""", String.class, index);
    }

    private void order(String orderNo, String status) {
        jdbc.update("""
                INSERT INTO customer_order (order_no, customer_id, status, priority, paid_at, ship_name, ship_phone,
                       ship_province, ship_city, ship_address, goods_amount, discount_amount, shipping_fee, paid_amount)
                VALUES (?, 'C1', ?, 'NORMAL', CURRENT_TIMESTAMP, 'n', 'p', 'prov', 'city', 'addr', 10, 0, 0, 10)""",
                orderNo, status);
    }
}
