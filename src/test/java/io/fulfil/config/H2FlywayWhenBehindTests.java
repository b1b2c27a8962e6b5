package io.fulfil.config;

import com.zaxxer.hikari.HikariDataSource;

class H2FlywayWhenBehindTests extends FlywayWhenBehindTests {

    @Override
    HikariDataSource newDataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl("jdbc:h2:mem:flywaywhenbehind" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUsername("sa");
        return ds;
    }

    @Override
    boolean mySql() {
        return false;
    }
}
