package io.fulfil.imports;

import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RowError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of file that the one import path brings in (pick confirmations now; shipment manifests and
 * carrier events later). The import job ({@link ImportJobs}) streams the file twice: {@code validate}
 * parses every row ({@link #parse}), finds rows repeated in the file by {@link #key}, and checks
 * chunks of rows against the database ({@link #check}); {@code apply} hands chunks of good rows to
 * {@link #apply} in chunk transactions. Implementations are plain Java and JDBC, without Spring Batch.
 *
 * @param <R> a parsed row
 */
public interface ImportKind<R extends ImportRow> {

    /** The kind's name on the command line and in the inbox, e.g. {@code picks}. */
    String kind();

    /** The job's name, e.g. {@code import-picks}. */
    default String jobName() {
        return "import-" + kind();
    }

    /** Columns the header must have; others are ignored. */
    List<String> requiredColumns();

    /** The row's natural key from its cells, or null when the key cells cannot be read. */
    String key(CsvRow row);

    /** The column a "repeated in the file" error names. */
    String keyColumn();

    /** The key for people, e.g. {@code wave W000001 pick_seq 3}. */
    String describeKey(CsvRow row);

    /**
     * Whether a row whose key an earlier row of the file has is rejected as repeated (the default), or
     * is a duplicate that changes nothing, quietly (carrier events, which carriers send more than once).
     */
    default boolean rejectsRepeatedRows() {
        return true;
    }

    /** Other cells that must be unique within the file, such as a manifest's carrier and tracking number. */
    default List<UniqueCells> alsoUnique() {
        return List.of();
    }

    /**
     * Cells that no two rows of a file may share: their value from a row (null when they cannot be
     * read), the column an error names and the cells for people.
     */
    record UniqueCells(String column, java.util.function.Function<CsvRow, String> key,
                       java.util.function.Function<CsvRow, String> describe) {
    }

    /**
     * The group of a good row, for a kind whose rows are applied grouped rather than in file order;
     * empty (the default) for file order. A kind whose files spread the rows of one thing far apart (a
     * carrier's scans of one parcel, hours apart) groups them: the rows of a group are then applied
     * together, in one chunk where they fit ({@link GroupedRows}), so the thing is looked up, locked and
     * written once rather than once per row. Its {@link #apply} must give the same outcome whatever the
     * order of the rows.
     */
    default Optional<Function<CsvRow, String>> groupKey() {
        return Optional.empty();
    }

    /**
     * Whether {@code apply} may run in partitions, several workers at once, each on the rows of its own
     * partition in file order (see {@link ImportJobs}); the default is one worker over the whole file.
     * Such a kind's {@link #check} gives each row it passes a {@linkplain ParsedRow#partitionKey() partition
     * key}. Rows whose apply locks the same rows beyond their own (a fulfilment order's parent) must share
     * a key, so that two partitions never wait for each other's locks on them; rows of different keys may
     * still meet on a shared row (stock), which the lock order makes safe. A row's key must not change
     * between a run and its restart. A kind is applied grouped ({@link #groupKey}) or in partitions, not both.
     */
    default boolean partitioned() {
        return false;
    }

    /** Reads a row; null when the row has errors, which are then recorded on it. */
    R parse(CsvRow row);

    /**
     * Checks a chunk of rows that are fine on their own against the database, with one query per
     * kind of lookup for the whole chunk, and records errors on the rows (and, for a kind applied in
     * partitions, the partition key of each row it passes). Writes nothing.
     */
    void check(List<ParsedRow<R>> rows);

    /**
     * Applies a chunk of rows in the caller's transaction: locks what it changes, checks each row
     * again under lock and applies the good ones idempotently (a row applied before with the same
     * values changes nothing). Returns the rows rejected now, one list of errors per row.
     */
    List<List<RowError>> apply(List<R> rows, String fileName, long jobExecutionId);

    /**
     * Whether the job ends with a step {@code settle} that calls {@link #settle} until it returns 0:
     * for work a chunk of this file may leave to a file of another kind imported at the same moment.
     */
    default boolean settles() {
        return false;
    }

    /** Does at most {@code limit} items of such work in the caller's transaction; returns how many. */
    default int settle(int limit) {
        return 0;
    }

    /**
     * What these executions (one job instance) did, from the database: {@code applied} rows and any
     * counts of the kind's own (e.g. {@code short picks}), in the order to print them.
     */
    Map<String, Long> outcome(List<Long> jobExecutionIds);
}
