package io.fulfil.load;

/**
 * What loading one file did to its rows. {@code skipped} rows differ from the database but belong to
 * an order that is already being fulfilled; {@code deleted} are order lines the file no longer has;
 * {@code rejected} rows have at least one error.
 */
public record RowCounts(int read, int inserted, int updated, int unchanged, int skipped, int deleted,
                        int rejected) {

    public static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0, 0);

    /** Rows whose content now differs from before the load. */
    public int changed() {
        return inserted + updated + deleted;
    }
}
