package io.fulfil.imports;

/** A row of an imported file, parsed: it knows the line it came from, so a late rejection can name it. */
public interface ImportRow {

    /** The physical line the row starts on; the header is line 1. */
    long line();
}
