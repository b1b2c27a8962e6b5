package io.fulfil.split.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the split job ({@code fulfil.split.*}).
 *
 * @param chunkSize    orders per chunk transaction; each chunk locks its orders and their stock rows
 * @param skuCacheSize   SKUs whose merchant and zone a run keeps in memory (least recently used go)
 * @param stockCacheSize SKUs whose stock rows a run remembers between chunks (least recently used go)
 */
@ConfigurationProperties("fulfil.split")
public record SplitSettings(@DefaultValue("1000") int chunkSize, @DefaultValue("200000") int skuCacheSize,
                            @DefaultValue("100000") int stockCacheSize) {

    public SplitSettings {
        if (chunkSize < 1 || chunkSize > 10_000) {
            throw new IllegalArgumentException("fulfil.split.chunk-size must be between 1 and 10000, is " + chunkSize);
        }
        if (skuCacheSize < 1000) {
            throw new IllegalArgumentException("fulfil.split.sku-cache-size must be at least 1000, is " + skuCacheSize);
        }
        if (stockCacheSize < 1000) {
            throw new IllegalArgumentException("fulfil.split.stock-cache-size must be at least 1000, is "
                    + stockCacheSize);
        }
    }
}
