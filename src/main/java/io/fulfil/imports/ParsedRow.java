package io.fulfil.imports;

import io.fulfil.support.csv.CsvRow;

/**
 * A row with its typed value; the row stays so that database checks can record errors on it. For a
 * kind applied in partitions, its check also records each good row's partition key here
 * ({@link ImportKind#partitioned()}), from what it read anyway.
 */
public final class ParsedRow<R> {

    private final CsvRow row;
    private final R value;
    private String partitionKey;

    public ParsedRow(CsvRow row, R value) {
        this.row = row;
        this.value = value;
    }

    public CsvRow row() {
        return row;
    }

    public R value() {
        return value;
    }

    /** The key that decides the row's partition; null until a partitioned kind's check sets it. */
    public String partitionKey() {
        return partitionKey;
    }

    public void partitionKey(String key) {
        this.partitionKey = key;
    }
}
