package io.fulfil.support;

/** The two databases the processor runs on, for the few places where they need different SQL. */
public enum Database {
    H2,
    /** MySQL or MariaDB. */
    MYSQL;

    /** The database a JDBC URL names (anything not MySQL or MariaDB is taken for H2). */
    public static Database of(String jdbcUrl) {
        return JdbcUrls.isMySql(jdbcUrl) ? MYSQL : H2;
    }
}
