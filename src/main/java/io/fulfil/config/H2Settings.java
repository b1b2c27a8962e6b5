package io.fulfil.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded H2 database ({@code fulfil.h2.*}); MySQL ignores them.
 *
 * @param storeBufferMb changes H2 keeps in memory before it writes them, in MB, at most a quarter of
 *                      the heap; 0, or anything below H2's own (19 MB, less with heaps under 300 MB),
 *                      keeps H2's own (see {@link H2StoreBuffer}). At most 255: H2 multiplies the
 *                      buffer in {@code int} arithmetic, which overflows from 256 MB on
 */
@ConfigurationProperties("fulfil.h2")
public record H2Settings(@DefaultValue("128") int storeBufferMb) {

    public H2Settings {
        if (storeBufferMb < 0 || storeBufferMb > 255) {
            throw new IllegalArgumentException(
                    "fulfil.h2.store-buffer-mb must be between 0 (H2's own) and 255, is " + storeBufferMb);
        }
    }
}
