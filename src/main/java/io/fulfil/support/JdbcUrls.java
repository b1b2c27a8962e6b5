package io.fulfil.support;

/** What a JDBC URL says about the database, for the few settings H2 and MySQL need differently. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** MySQL or MariaDB, whichever driver the URL names. */
    public static boolean isMySql(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:"));
    }
}
