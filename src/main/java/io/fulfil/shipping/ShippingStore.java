package io.fulfil.shipping;

import io.fulfil.fulfilment.FulfilmentOrders;
import io.fulfil.fulfilment.FulfilmentStatus;
import io.fulfil.support.KeyLists;
import io.fulfil.tracking.ParcelKey;
import io.fulfil.tracking.ShippedParcels;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a manifest is checked against and ships: fulfilment orders, their parcels and their lines. */
@Repository
class ShippingStore {

    /** A fulfilment order as a manifest row sees it: status, parcel (when shipped), parent, zone and wave. */
    record Shippable(String fulfilmentNo, String orderNo, String warehouseCode, FulfilmentStatus status,
                     ParcelKey parcel, LocalDateTime shippedAt, Integer weightGrams, String temperatureZone,
                     String waveNo) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KeyLists keyLists;
    private final ShippedParcels shippedParcels;

    ShippingStore(NamedParameterJdbcTemplate jdbc, KeyLists keyLists, ShippedParcels shippedParcels) {
        this.jdbc = jdbc;
        this.keyLists = keyLists;
        this.shippedParcels = shippedParcels;
    }

    /** These fulfilment orders as last committed. */
    Map<String, Shippable> fulfilmentOrders(Collection<String> fulfilmentNos) {
        return shippables("fulfilment_order f", "f.fulfilment_no", fulfilmentNos);
    }

    /** The parent order of each of these fulfilment orders that exists, as last committed. */
    Map<String, String> parentsOf(Collection<String> fulfilmentNos) {
        Map<String, String> parents = new HashMap<>();
        for (List<String> slice : keyLists.slices(fulfilmentNos)) {
            jdbc.query("SELECT fulfilment_no, order_no FROM fulfilment_order WHERE %s"
                            .formatted(keyLists.matches("fulfilment_no", "nos")),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        parents.put(rs.getString(1), rs.getString(2));
                    });
        }
        return parents;
    }

    /**
     * Every fulfilment order of these parent orders, as last committed: read under the parents' locks,
     * as they stay to the commit but for what the caller changes. Through the index by parent order.
     */
    Map<String, Shippable> fulfilmentOrdersOf(Collection<String> orderNos) {
        return shippables(FulfilmentOrders.ofOrders(keyLists), "o.order_no", orderNos);
    }

    /** The fulfilment orders {@code f} of {@code from} whose {@code keyColumn} is one of {@code keys}. */
    private Map<String, Shippable> shippables(String from, String keyColumn, Collection<String> keys) {
        Map<String, Shippable> found = new HashMap<>();
        for (List<String> slice : keyLists.slices(keys)) {
            jdbc.query("""
                            SELECT f.fulfilment_no, f.order_no, f.warehouse_code, f.status, f.carrier_code, f.tracking_no,
                                   f.shipped_at, f.weight_grams, f.temperature_zone, f.wave_no
                              FROM %s WHERE %s""".formatted(from, keyLists.matches(keyColumn, "nos")),
                    Map.of("nos", keyLists.bind(slice)), rs -> {
                        Shippable fo = shippable(rs);
                        found.put(fo.fulfilmentNo(), fo);
                    });
        }
        return found;
    }

    private static Shippable shippable(java.sql.ResultSet rs) throws java.sql.SQLException {
        String carrier = rs.getString(5);
        Integer weight = (Integer) rs.getObject(8, Integer.class);
        return new Shippable(rs.getString(1), rs.getString(2), rs.getString(3),
                FulfilmentStatus.valueOf(rs.getString(4)), carrier == null ? null : new ParcelKey(carrier, rs.getString(6)),
                rs.getObject(7, LocalDateTime.class), weight, rs.getString(9), rs.getString(10));
    }

    /** The fulfilment order that has each of these parcels' carrier and tracking number, where one has. */
    Map<ParcelKey, String> parcelOwners(Collection<ParcelKey> parcels) {
        Map<ParcelKey, String> owners = new HashMap<>();
        shippedParcels.find(parcels).forEach((key, owner) -> owners.put(key, owner.fulfilmentNo()));
        return owners;
    }

    /** Shipments recorded by these executions: fulfilment orders shipped by them. */
    long shippedBy(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return 0;
        }
        Long n = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT reference) FROM stock_movement
                 WHERE kind = 'SHIP' AND job_execution_id IN (:ids)""", Map.of("ids", jobExecutionIds), Long.class);
        return n == null ? 0 : n;
    }

    static List<String> sorted(Collection<String> keys) {
        return new ArrayList<>(new TreeSet<>(keys));
    }
}
