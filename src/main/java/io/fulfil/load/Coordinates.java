package io.fulfil.load;

import io.fulfil.support.csv.CsvCells;
import io.fulfil.support.csv.CsvRow;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Latitude and longitude cells, stored as {@code DECIMAL(9,6)}. More decimals are rounded to six
 * (about 0.1 m), which is what the database would do anyway; rounding here keeps the stored value and
 * the compared value the same, so reloading a file finds the row unchanged.
 */
final class Coordinates {

    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    private Coordinates() {
    }

    static BigDecimal latitude(CsvRow row, String column, boolean required) {
        return inRange(row, column, required ? row.decimal(column) : row.optionalDecimal(column), MAX_LATITUDE);
    }

    static BigDecimal longitude(CsvRow row, String column, boolean required) {
        return inRange(row, column, required ? row.decimal(column) : row.optionalDecimal(column), MAX_LONGITUDE);
    }

    /** The database's scale, so that values read back compare equal to values parsed. */
    static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal inRange(CsvRow row, String column, BigDecimal value, BigDecimal limit) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(limit) > 0) {
            row.reject(column, "must be between -" + limit + " and " + limit + ": " + CsvCells.quote(row.cell(column)));
            return null;
        }
        return scaled(value);
    }
}
