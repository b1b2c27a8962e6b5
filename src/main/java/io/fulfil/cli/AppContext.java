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
        return context == null ? fallback : context.getEnvironment().getProperty(key, fallback);
    }

    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
