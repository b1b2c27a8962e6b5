/**
 * The one way this project reads and writes CSV files (CONTRACT §4): UTF-8 with a BOM accepted on
 * input and written on output, columns found by header name, errors collected per row as
 * {@link io.fulfil.support.csv.RowError}s and written to a reject file beside the input, and every cell
 * written neutralised against spreadsheet formula injection.
 */
package io.fulfil.support.csv;
