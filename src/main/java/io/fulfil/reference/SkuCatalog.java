package io.fulfil.reference;

import io.fulfil.support.KeyLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The merchant and zone of SKUs, read once per run and kept in a bounded cache: a chunk asks for the
 * SKUs of its lines, and only those not seen before cost a query (one per chunk). The bound keeps
 * memory flat however large the catalogue is. One per step execution, shared by its planning thread
 * and its writer, hence synchronized.
 */
public final class SkuCatalog {

    public record SkuInfo(String merchantCode, TemperatureZone zone) {
    }

    private static final Optional<SkuInfo> UNKNOWN = Optional.empty();
    private static final int IN_LIST_LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final Map<String, Optional<SkuInfo>> cache;

    public SkuCatalog(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, int capacity) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<SkuInfo>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Makes sure every given SKU is cached (unknown ones as unknown), with one query for the misses. */
    public synchronized void prefetch(Collection<String> skuCodes) {
        List<String> missing = new ArrayList<>();
        for (String code : skuCodes) {
            if (!cache.containsKey(code)) {
                missing.add(code);
            }
        }
        for (int from = 0; from < missing.size(); from += IN_LIST_LIMIT) {
            List<String> slice = missing.subList(from, Math.min(missing.size(), from + IN_LIST_LIMIT));
            slice.forEach(code -> cache.put(code, UNKNOWN));
            jdbc.query("SELECT sku_code, merchant_code, temperature_zone FROM sku WHERE "
                            + keyLists.matches("sku_code", "codes"),
                    Map.of("codes", keyLists.bind(slice)),
                    rs -> {
                        cache.put(rs.getString(1), Optional.of(new SkuInfo(rs.getString(2),
                                TemperatureZone.valueOf(rs.getString(3)))));
                    });
        }
    }

    /** A SKU prefetched in this chunk; empty if the SKU table does not know it. */
    public synchronized Optional<SkuInfo> get(String skuCode) {
        Optional<SkuInfo> info = cache.get(skuCode);
        if (info == null) {
            prefetch(List.of(skuCode));
            info = cache.get(skuCode);
        }
        return info;
    }
}
