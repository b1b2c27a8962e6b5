package io.fulfil.cli;

import io.fulfil.ops.RunLogContext;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure because the database could not be reached, told as the operator needs it: which
 * database, which run it interrupted, and the command that resumes that run once the database is
 * back. The trace, with Hikari's and the driver's own lines, is in the log file.
 */
final class LostDatabase {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:(?:mysql|mariadb)(?::[a-z]+)?://([^/?;,]+)");
    private static final Pattern H2_SERVER = Pattern.compile("^jdbc:h2:(?:tcp|ssl)://([^/;]+)");
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:(?:file:)?([^;]+)");

    private LostDatabase() {
    }

    /** The line for this failure, or null if the database was not lost. */
    static String describe(Throwable failure, String jdbcUrl, RunLogContext.Run run) {
        if (!isLostConnection(failure)) {
            return null;
        }
        String database = "the database " + where(jdbcUrl);
        if (run == null) {
            return database + " cannot be reached: " + FulfilCommandLine.oneLine(rootCause(failure));
        }
        String which = "execution " + run.executionId() + " (" + run.jobName() + ")";
        if (!run.status().isRunning() && run.status().name().equals("COMPLETED")) {
            return database + " went away after " + which + " completed";
        }
        return database + " went away while " + which + " was running; when it is back: scripts/fulfil restart --force "
                + run.executionId();
    }

    static boolean isLostConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t.getClass().getName().endsWith(".CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /** "at 127.0.0.1:3306" for a server; the embedded H2 database by its path. */
    static String where(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "(no URL configured)";
        }
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (m.find()) {
            String hostPort = m.group(1).replaceFirst("^[^@]*@", "");
            return "at " + (hostPort.contains(":") ? hostPort : hostPort + ":3306");
        }
        m = H2_SERVER.matcher(jdbcUrl);
        if (m.find()) {
            return "at " + m.group(1);
        }
        m = H2_FILE.matcher(jdbcUrl);
        if (m.find()) {
            return "(embedded H2) at " + m.group(1);
        }
        return "at " + jdbcUrl.replaceFirst("[?;].*$", "");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
