package io.fulfil.load;

import io.fulfil.support.csv.CsvRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One input file and the table it fills: how to read a row, what to check beyond the row itself, and
 * the SQL that stores it. One instance serves one load (it remembers the keys it has seen).
 *
 * @param <R> a row's value; its {@code equals} decides whether a stored row is unchanged
 */
abstract class TableFile<R> {

    private final String fileName;
    private final List<String> columns;
    private final Map<String, Long> firstLines = new HashMap<>();

    protected TableFile(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    final String fileName() {
        return fileName;
    }

    /** The columns the header must have. */
    final List<String> columns() {
        return columns;
    }

    /** Reads one row; null when the row has errors, which are then recorded on it. */
    abstract R parse(CsvRow row);

    /** The row's identity in its table, e.g. {@code warehouse_code + sku_code}. */
    abstract String key(R value);

    /** The column an error about the key names, e.g. a duplicate. */
    abstract String keyColumn();

    /** The row for people, e.g. {@code SKU 'SKU-1' in warehouse 'WH-SH'}. */
    abstract String describe(R value);

    /** Remembers a key; returns the line it was first seen on if it was seen before. */
    Long rememberKey(R value, long line) {
        return firstLines.putIfAbsent(key(value), line);
    }

    boolean seen(String key) {
        return firstLines.containsKey(key);
    }

    /**
     * Checks a batch of rows that are fine on their own against the database and the files loaded
     * before (references, stock already allocated); records errors on the rows.
     */
    void check(List<Parsed<R>> batch) {
    }

    /** Selects the stored rows for a batch; one named parameter {@code :keys} takes the lookup keys. */
    abstract String selectExisting();

    /** The value this row contributes to {@code :keys}. */
    abstract Object lookupKey(R value);

    abstract R mapExisting(ResultSet rs) throws SQLException;

    /**
     * Whether a row read from the file is the one already stored, so that loading it again is
     * quietly "unchanged". By default the values must be equal.
     */
    boolean sameAsStored(R value, R stored) {
        return value.equals(stored);
    }

    /** Writes a batch's new and changed rows, in the load's transaction. */
    abstract void write(NamedParameterJdbcTemplate jdbc, List<R> inserts, List<R> updates);

    /**
     * Why a row of this batch must not be written (an order already being fulfilled), or null.
     * Asked once per batch, before anything of the batch is written.
     */
    Function<R, String> skipRule(List<R> batch) {
        return value -> null;
    }

    /** Runs after all rows were written, in the same transaction; returns the rows it deleted. */
    int afterWrite() {
        return 0;
    }
}
