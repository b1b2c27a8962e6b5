package io.fulfil.support;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Carries the log context of the thread that starts work (the run's {@code [job #execution step]},
 * ops/RunLogContext) to the threads a step starts for it, so their log lines name the run too.
 */
public final class LogContext {

    private LogContext() {
    }

    /** The task, run with the caller's log context as it is now. */
    public static Runnable carried(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }
}
