package io.fulfil.config;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the web server, Actuator and Micrometer out of every command but {@code serve}
 * ({@code fulfil.serve.enabled=true}, set by the serve command): a {@code run split} or a test context
 * starts no HTTP port and no scheduler, and does not pay for configuring them.
 */
public class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    /** Packages of the auto-configurations that came with the serve command's dependencies. */
    private static final List<String> SERVE_ONLY = List.of("org.springframework.boot.actuate.", "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.", "org.springframework.boot.tomcat.",
            "org.springframework.boot.webmvc.", "org.springframework.boot.servlet.",
            "org.springframework.boot.http.converter.");

    /** Other modules' parts for Actuator (the database's health, pool metrics, Flyway's endpoint, Batch's observations). */
    private static final List<String> SERVE_ONLY_PARTS = List.of(".health.", ".metrics.", ".observation.", "EndpointAutoConfiguration");

    public static final String SERVE_ENABLED = "fulfil.serve.enabled";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** Boot's Quartz set-up: never; serve makes its own scheduler (schedule/ServeConfiguration). */
    private static final String QUARTZ = "org.springframework.boot.quartz.";

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean serving = environment != null && environment.getProperty(SERVE_ENABLED, Boolean.class, false);
        boolean[] match = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            String candidate = candidates[i];
            match[i] = candidate == null || !candidate.startsWith(QUARTZ)
                    && (serving || SERVE_ONLY.stream().noneMatch(candidate::startsWith)
                            && SERVE_ONLY_PARTS.stream().noneMatch(candidate::contains));
        }
        return match;
    }
}
