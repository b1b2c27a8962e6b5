package io.fulfil.reference;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads merchants and warehouses from their tables. */
@Repository
public class JdbcReferenceData {

    private final JdbcClient jdbc;

    public JdbcReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReferenceData load() {
        var merchants = jdbc.sql("SELECT merchant_code, name, backorder_policy FROM merchant")
                .query((rs, i) -> new Merchant(rs.getString(1), rs.getString(2),
                        BackorderPolicy.valueOf(rs.getString(3))))
                .list();
        var warehouses = jdbc.sql("""
                        SELECT warehouse_code, name, province, city, latitude, longitude, priority,
                               temperature_zones, active
                          FROM warehouse""")
                .query((rs, i) -> new Warehouse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getInt(7), parseZones(rs.getString(8)),
                        rs.getBoolean(9)))
                .list();
        return new ReferenceData(merchants, warehouses);
    }

    /** Parses {@code AMBIENT|CHILLED}; an unknown zone name is an error naming the value. */
    public static Set<TemperatureZone> parseZones(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.noneOf(TemperatureZone.class);
        }
        return Arrays.stream(text.split("\\|")).map(String::trim).map(TemperatureZone::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TemperatureZone.class)));
    }
}
