package io.fulfil.load;

import io.fulfil.reference.BackorderPolicy;
import io.fulfil.support.csv.CsvRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** {@code merchants.csv} into {@code merchant}. */
final class MerchantsFile extends SqlTableFile<MerchantsFile.MerchantRow> {

    record MerchantRow(String merchantCode, String name, BackorderPolicy backorderPolicy) {
    }

    MerchantsFile() {
        super("merchants.csv", List.of("merchant_code", "name", "backorder_policy"));
    }

    @Override
    MerchantRow parse(CsvRow row) {
        var merchant = new MerchantRow(row.text("merchant_code", 32), row.text("name", 200),
                row.enumValue("backorder_policy", BackorderPolicy.class));
        return row.hasErrors() ? null : merchant;
    }

    @Override
    String key(MerchantRow value) {
        return value.merchantCode();
    }

    @Override
    String keyColumn() {
        return "merchant_code";
    }

    @Override
    String describe(MerchantRow value) {
        return "merchant '" + value.merchantCode() + "'";
    }

    @Override
    String selectExisting() {
        return "SELECT merchant_code, name, backorder_policy FROM merchant WHERE merchant_code IN (:keys)";
    }

    @Override
    Object lookupKey(MerchantRow value) {
        return value.merchantCode();
    }

    @Override
    MerchantRow mapExisting(ResultSet rs) throws SQLException {
        return new MerchantRow(rs.getString("merchant_code"), rs.getString("name"),
                BackorderPolicy.valueOf(rs.getString("backorder_policy")));
    }

    @Override
    String insertSql() {
        return "INSERT INTO merchant (merchant_code, name, backorder_policy) VALUES (:merchantCode, :name, :policy)";
    }

    @Override
    String updateSql() {
        return "UPDATE merchant SET name = :name, backorder_policy = :policy WHERE merchant_code = :merchantCode";
    }

    @Override
    SqlParameterSource parameters(MerchantRow value) {
        return new MapSqlParameterSource()
                .addValue("merchantCode", value.merchantCode())
                .addValue("name", value.name())
                .addValue("policy", value.backorderPolicy().name());
    }
}
