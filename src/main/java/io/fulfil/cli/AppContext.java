package io.fulfil.cli;

import io.fulfil.FulfilApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Spring (and with it the database and its migrations) only when a command needs it, so
 * {@code --help} and usage errors answer at once.
 */
final class AppContext {

    private static ConfigurableApplicationContext context;
    private static final Map<String, Object> overrides = new LinkedHashMap<>();
    /** A context lent by a test: commands use it and {@link #close} leaves it running. */
    private static boolean borrowed;

    private AppContext() {
    }

    /** Properties that win over the environment, set before the first {@link #bean} call (the demo's database). */
    static void override(String key, Object value) {
        if (context != null) {
            throw new IllegalStateException("the application has already started");
        }
        overrides.put(key, value);
    }

    static <T> T bean(Class<T> type) {
        if (context == null) {
            SpringApplicationBuilder builder = new SpringApplicationBuilder(FulfilApplication.class)
                    .logStartupInfo(false);
            if (!overrides.isEmpty()) {
                overrides.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
            }
            context = builder.run();
        }
        return context.getBean(type);
    }

    /**
     * A setting as the running application sees it; before (or without) a start, as the system
     * properties and environment give it.
     */
    static String property(String key) {
        if (context != null) {
            return context.getEnvironment().getProperty(key);
        }
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""));
    }

    static boolean isRunning() {
        return context != null && context.isActive();
    }

    /** Tests: the next command runs in this already running context, which it does not close. */
    static void borrow(ConfigurableApplicationContext running) {
        context = running;
        borrowed = true;
    }

    static void close() {
        if (context != null && !borrowed) {
            context.close();
        }
        context = null;
        borrowed = false;
    }
}
