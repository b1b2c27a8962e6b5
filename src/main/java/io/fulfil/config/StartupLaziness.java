package io.fulfil.config;

import io.fulfil.tracking.CarrierMapping;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Which beans stay eager when a command starts Spring lazily (every command but those that serve,
 * see {@code cli/AppContext}): a short command such as {@code runs} then builds only what it uses,
 * about half of its start-up time (README, Start-up).
 *
 * <p>Eager: beans that act when the application starts ({@link SmartInitializingSingleton}: H2's
 * store buffer, and Spring Batch's job registry, which collects the jobs a restart looks up by
 * name); the carrier mapping and the application's settings ({@code @ConfigurationProperties}), so a
 * broken mapping file or a bad setting still stops every command at once, naming the key.
 */
@Configuration(proxyBeanMethods = false)
class StartupLaziness {

    @Bean
    static LazyInitializationExcludeFilter beansThatActAtStartUp() {
        return (name, definition, type) -> SmartInitializingSingleton.class.isAssignableFrom(type)
                || CarrierMapping.class.isAssignableFrom(type)
                || (type.getName().startsWith("io.fulfil.")
                        && MergedAnnotations.from(type).isPresent(ConfigurationProperties.class));
    }
}
