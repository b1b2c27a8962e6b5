package io.fulfil.support;

/** The two databases the processor runs on, for the few places where they need different SQL. */
public enum Database {
    H2,
    /** MySQL or MariaDB. */
    MYSQL;

    /**
     * The fetch size that makes a query's rows come as the database finds them: MySQL's driver
     * otherwise buffers the whole result, and {@link Integer#MIN_VALUE} makes it stream; H2's embedded
     * results are read in batches of this size.
     */
    public int streamingFetchSize() {
        return this == MYSQL ? Integer.MIN_VALUE : 1000;
    }

    /** The database a JDBC URL names (anything not MySQL or MariaDB is taken for H2). */
    public static Database of(String jdbcUrl) {
        return JdbcUrls.isMySql(jdbcUrl) ? MYSQL : H2;
    }
}
