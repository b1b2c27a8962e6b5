package io.fulfil.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What reaches the operator's terminal (logback-spring.xml): our own lines only, without stack
 * traces; Hikari's, the JDBC driver's and Spring's go to the log file alone, where a failure's
 * trace is kept too. With {@code FULFIL_DEBUG=1} the terminal gets everything, traces included.
 * {@code debug} says which of the two console appenders this filter guards.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    private static final boolean DEBUG = isDebug(System.getenv("FULFIL_DEBUG"));

    private boolean debug;

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (debug) {
            return DEBUG ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
        return !DEBUG && event.getLoggerName().startsWith("io.fulfil.") ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    static boolean isDebug(String value) {
        return value != null; // as the command line reads it (FulfilCommandLine): set means on
    }
}
