package io.fulfil.stock;

import io.fulfil.support.KeyLists;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stock fulfilment orders hold: the units of each SKU in each, in its warehouse. What a shipment
 * takes out of stock and a cancellation gives back, read for a chunk of fulfilment orders at once.
 */
@Repository
public class HeldUnits {

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;

    public HeldUnits(NamedParameterJdbcTemplate jdbc, KeyLists keyLists) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
    }

    /**
     * Units per stock row (by SKU order) of each of these fulfilment orders; {@code warehouses} gives
     * each one's warehouse.
     */
    public Map<String, Map<StockKey, Integer>> of(Map<String, String> warehouses) {
        Map<String, Map<StockKey, Integer>> units = new HashMap<>();
        Collection<String> fulfilmentNos = warehouses.keySet();
        for (List<String> slice : keyLists.slices(fulfilmentNos)) {
            jdbc.query("SELECT fulfilment_no, sku_code, quantity FROM fulfilment_line WHERE "
                            + keyLists.matches("fulfilment_no", "nos"),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        String no = rs.getString(1);
                        units.computeIfAbsent(no, k -> new TreeMap<>(java.util.Comparator.comparing(StockKey::skuCode)))
                                .merge(new StockKey(warehouses.get(no), rs.getString(2)), rs.getInt(3), Integer::sum);
                    });
        }
        return units;
    }
}
