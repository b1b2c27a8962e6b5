package io.fulfil.load;

import io.fulfil.reference.JdbcReferenceData;
import io.fulfil.reference.TemperatureZone;
import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvRow;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** {@code warehouses.csv} into {@code warehouse}. */
final class WarehousesFile extends SqlTableFile<WarehousesFile.WarehouseRow> {

    /** {@code temperatureZones} in canonical form: the zones in enum order, {@code |}-separated. */
    record WarehouseRow(String warehouseCode, String name, String province, String city, BigDecimal latitude,
                        BigDecimal longitude, int priority, String temperatureZones, boolean active) {
    }

    WarehousesFile() {
        super("warehouses.csv", List.of("warehouse_code", "name", "province", "city", "latitude", "longitude",
                "priority", "temperature_zones", "active"));
    }

    @Override
    WarehouseRow parse(CsvRow row) {
        String code = row.text("warehouse_code", 32);
        String name = row.text("name", 200);
        String province = row.text("province", 64);
        String city = row.text("city", 64);
        BigDecimal latitude = Coordinates.latitude(row, "latitude", true);
        BigDecimal longitude = Coordinates.longitude(row, "longitude", true);
        Integer priority = row.integer("priority");
        String zones = zones(row);
        Boolean active = row.bool("active");
        return row.hasErrors() ? null
                : new WarehouseRow(code, name, province, city, latitude, longitude, priority, zones, active);
    }

    /** At least one zone; the same set written in another order is the same value. */
    private static String zones(CsvRow row) {
        String text = row.text("temperature_zones");
        if (text == null) {
            return null;
        }
        Set<TemperatureZone> zones = EnumSet.noneOf(TemperatureZone.class);
        for (String name : text.split("\\|", -1)) {
            try {
                zones.add(TemperatureZone.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                row.reject("temperature_zones", "not AMBIENT, CHILLED or FROZEN separated by |: "
                        + CsvCells.quote(text));
                return null;
            }
        }
        return canonical(zones);
    }

    private static String canonical(Set<TemperatureZone> zones) {
        return zones.stream().map(Enum::name).collect(Collectors.joining("|"));
    }

    @Override
    String key(WarehouseRow value) {
        return value.warehouseCode();
    }

    @Override
    String keyColumn() {
        return "warehouse_code";
    }

    @Override
    String describe(WarehouseRow value) {
        return "warehouse '" + value.warehouseCode() + "'";
    }

    @Override
    String selectExisting() {
        return """
                SELECT warehouse_code, name, province, city, latitude, longitude, priority, temperature_zones, active
                  FROM warehouse WHERE warehouse_code IN (:keys)""";
    }

    @Override
    Object lookupKey(WarehouseRow value) {
        return value.warehouseCode();
    }

    @Override
    WarehouseRow mapExisting(ResultSet rs) throws SQLException {
        String zones;
        try {
            zones = canonical(JdbcReferenceData.parseZones(rs.getString("temperature_zones")));
        } catch (IllegalArgumentException stored) {
            zones = rs.getString("temperature_zones"); // differs from any valid value: the file repairs it
        }
        return new WarehouseRow(rs.getString("warehouse_code"), rs.getString("name"), rs.getString("province"),
                rs.getString("city"), Coordinates.scaled(rs.getBigDecimal("latitude")),
                Coordinates.scaled(rs.getBigDecimal("longitude")), rs.getInt("priority"), zones,
                rs.getBoolean("active"));
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO warehouse (warehouse_code, name, province, city, latitude, longitude, priority,
                                       temperature_zones, active)
                VALUES (:warehouseCode, :name, :province, :city, :latitude, :longitude, :priority, :zones, :active)""";
    }

    @Override
    String updateSql() {
        return """
                UPDATE warehouse
                   SET name = :name, province = :province, city = :city, latitude = :latitude,
                       longitude = :longitude, priority = :priority, temperature_zones = :zones, active = :active
                 WHERE warehouse_code = :warehouseCode""";
    }

    @Override
    SqlParameterSource parameters(WarehouseRow value) {
        return new MapSqlParameterSource()
                .addValue("warehouseCode", value.warehouseCode())
                .addValue("name", value.name())
                .addValue("province", value.province())
                .addValue("city", value.city())
                .addValue("latitude", value.latitude())
                .addValue("longitude", value.longitude())
                .addValue("priority", value.priority())
                .addValue("zones", value.temperatureZones())
                .addValue("active", value.active());
    }
}
