package io.fulfil.load;

import io.fulfil.reference.TemperatureZone;
import io.fulfil.support.csv.CsvRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** {@code skus.csv} into {@code sku}; every SKU's merchant must be in the database. */
final class SkusFile extends SqlTableFile<SkusFile.SkuRow> {

    record SkuRow(String skuCode, String merchantCode, String name, TemperatureZone temperatureZone,
                  int weightGrams) {
    }

    private final KnownKeys known;

    SkusFile(KnownKeys known) {
        super("skus.csv", List.of("sku_code", "merchant_code", "name", "temperature_zone", "weight_grams"));
        this.known = known;
    }

    @Override
    SkuRow parse(CsvRow row) {
        String skuCode = row.text("sku_code", 64);
        String merchantCode = row.text("merchant_code", 32);
        String name = row.text("name", 300);
        TemperatureZone zone = row.enumValue("temperature_zone", TemperatureZone.class);
        Integer weightGrams = row.positiveInt("weight_grams");
        return row.hasErrors() ? null : new SkuRow(skuCode, merchantCode, name, zone, weightGrams);
    }

    /** Merchants loaded earlier in this load are in the database by now. */
    @Override
    void check(List<Parsed<SkuRow>> batch) {
        Set<String> merchants = known.existing("merchant", "merchant_code",
                batch.stream().map(parsed -> parsed.value().merchantCode()).distinct().toList());
        for (Parsed<SkuRow> parsed : batch) {
            String merchant = parsed.value().merchantCode();
            if (!merchants.contains(merchant)) {
                parsed.row().reject("merchant_code", "unknown merchant '" + merchant + "'");
            }
        }
    }

    @Override
    String key(SkuRow value) {
        return value.skuCode();
    }

    @Override
    String keyColumn() {
        return "sku_code";
    }

    @Override
    String describe(SkuRow value) {
        return "SKU '" + value.skuCode() + "'";
    }

    @Override
    String selectExisting() {
        return "SELECT sku_code, merchant_code, name, temperature_zone, weight_grams FROM sku WHERE sku_code IN (:keys)";
    }

    @Override
    Object lookupKey(SkuRow value) {
        return value.skuCode();
    }

    @Override
    SkuRow mapExisting(ResultSet rs) throws SQLException {
        return new SkuRow(rs.getString("sku_code"), rs.getString("merchant_code"), rs.getString("name"),
                TemperatureZone.valueOf(rs.getString("temperature_zone")), rs.getInt("weight_grams"));
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO sku (sku_code, merchant_code, name, temperature_zone, weight_grams)
                VALUES (:skuCode, :merchantCode, :name, :zone, :weightGrams)""";
    }

    @Override
    String updateSql() {
        return """
                UPDATE sku SET merchant_code = :merchantCode, name = :name, temperature_zone = :zone,
                               weight_grams = :weightGrams
                 WHERE sku_code = :skuCode""";
    }

    @Override
    SqlParameterSource parameters(SkuRow value) {
        return new MapSqlParameterSource()
                .addValue("skuCode", value.skuCode())
                .addValue("merchantCode", value.merchantCode())
                .addValue("name", value.name())
                .addValue("zone", value.temperatureZone().name())
                .addValue("weightGrams", value.weightGrams());
    }
}
