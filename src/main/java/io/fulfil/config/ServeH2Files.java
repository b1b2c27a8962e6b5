package io.fulfil.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For {@code serve} on the embedded H2 file database: H2's {@code async:} file access instead of its
 * default. Quartz interrupts its own threads when it shuts down, and an interrupt that lands in the
 * middle of a write closes H2's file channel and with it the whole database (seen on SIGTERM: "The
 * database has been closed"); the async channel is not closed by an interrupt. Same file, same
 * database; other commands connect to it as before (AUTO_SERVER).
 */
public class ServeH2Files implements EnvironmentPostProcessor, Ordered {

    private static final String URL = "spring.datasource.url";
    private static final String FILE = "jdbc:h2:file:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (environment.getProperty(ServeOnlyAutoConfigurations.SERVE_ENABLED, Boolean.class, false)
                && url != null && url.startsWith(FILE)) {
            environment.getPropertySources().addFirst(new MapPropertySource("serveH2Files",
                    Map.of(URL, "jdbc:h2:async:" + url.substring(FILE.length()))));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;   // after application.properties and the environment are read
    }
}
