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
    /** Lazy unless the command serves (config/StartupLaziness keeps the beans that act at start-up eager). */
    private static boolean lazy = true;
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

    /** Whether Spring builds only the beans the command uses; set by the command line before the first {@link #bean} call. */
    static void lazy(boolean lazyInitialization) {
        lazy = lazyInitialization;
    }

    static <T> T bean(Class<T> type) {
        if (context == null) {
            SpringApplicationBuilder builder = new SpringApplicationBuilder(FulfilApplication.class)
                    .logStartupInfo(false).lazyInitialization(lazy);
            if (!overrides.isEmpty()) {
                overrides.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
            }
            context = builder.run();
        }
        return context.getBean(type);
    }

    /** A setting of the running application (e.g. the HTTP port serve got), or the fallback. */
    static String property(String key, String fallback) {
        String value = property(key);
        return value == null ? fallback : value;
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
