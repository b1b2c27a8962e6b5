package io.fulfil.purge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code purge-history} ({@code fulfil.purge.*}).
 *
 * @param keepDays job-repository history younger than this many days is kept (a run's
 *                 {@code keep-days} parameter overrides it)
 */
@ConfigurationProperties("fulfil.purge")
public record PurgeSettings(@DefaultValue("30") int keepDays) {

    public PurgeSettings {
        if (keepDays < 1) {
            throw new IllegalArgumentException("fulfil.purge.keep-days must be at least 1, is " + keepDays);
        }
    }
}
