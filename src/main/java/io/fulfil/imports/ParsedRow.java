package io.fulfil.imports;

import io.fulfil.support.csv.CsvRow;

/** A row with its typed value; the row stays so that database checks can record errors on it. */
public record ParsedRow<R>(CsvRow row, R value) {
}
