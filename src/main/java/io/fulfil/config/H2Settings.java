package io.fulfil.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded H2 database ({@code fulfil.h2.*}); MySQL ignores them.
 *
 * @param storeBufferMb changes H2 keeps in memory before it writes them, in MB, at most a quarter of
 *                      the heap; 0 keeps H2's own 19 MB (see {@link H2StoreBuffer})
 */
@ConfigurationProperties("fulfil.h2")
public record H2Settings(@DefaultValue("128") int storeBufferMb) {

    public H2Settings {
        if (storeBufferMb < 0 || storeBufferMb > 1024) {
            throw new IllegalArgumentException(
                    "fulfil.h2.store-buffer-mb must be between 0 (H2's own) and 1024, is " + storeBufferMb);
        }
    }
}
