package io.fulfil.load;

import io.fulfil.support.csv.CsvRow;

/** A row with its typed value (null when the row has errors); the row stays for later checks to blame. */
record Parsed<R>(CsvRow row, R value) {
}
