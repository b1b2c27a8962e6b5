package io.fulfil.load;

import io.fulfil.support.csv.CsvInput;
import io.fulfil.support.csv.CsvRow;
import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Loads one file into its table in two streaming passes, so that the file loads whole or not at all
 * without holding it in memory:
 *
 * <ol>
 * <li>{@link #validate()} reads every row, checks it and writes each error to the reject file;</li>
 * <li>{@link #write()}, run only when the first pass found nothing and inside the caller's
 * transaction, reads the file again and upserts it in batches: rows whose key is new are inserted,
 * rows that differ are updated, identical rows are left alone.</li>
 * </ol>
 */
final class TableLoad<R> {

    private static final Logger log = LoggerFactory.getLogger(TableLoad.class);

    static final int BATCH_SIZE = 500;
    private static final int MESSAGE_LIMIT = 300;

    private final Path path;
    private final TableFile<R> table;
    private final NamedParameterJdbcTemplate jdbc;
    private final RejectFile rejects;
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private int read;
    private int rejected;
    private int inserted;
    private int updated;
    private int unchanged;
    private int skipped;
    private int deleted;
    private String notLoaded;

    TableLoad(Path path, TableFile<R> table, NamedParameterJdbcTemplate jdbc) {
        this.path = path;
        this.table = table;
        this.jdbc = jdbc;
        this.rejects = RejectFile.beside(path);
    }

    String fileName() {
        return table.fileName();
    }

    boolean hasErrors() {
        return rejects.count() > 0;
    }

    /** First pass: every row is read and checked; nothing is written to the database. */
    void validate() {
        try (CsvInput input = CsvInput.open(path, table.columns())) {
            // Every row of a batch, bad ones too, so that errors reach the reject file in line order.
            List<Parsed<R>> batch = new ArrayList<>(BATCH_SIZE);
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                read++;
                R value = table.parse(row);
                if (value != null) {
                    Long firstLine = table.rememberKey(value, row.line());
                    if (firstLine != null) {
                        row.reject(table.keyColumn(), "duplicate " + table.describe(value) + " (first on line "
                                + firstLine + ")");
                    }
                }
                batch.add(new Parsed<>(row, value));
                if (batch.size() == BATCH_SIZE) {
                    checkBatch(batch);
                }
            }
            checkBatch(batch);
            input.problems().forEach(rejects::add);
        } catch (IOException e) {
            rejects.add(new RowError(fileName(), 0, null, "cannot be read: " + e.getMessage()));
        }
    }

    /** Records an error found after this file's own pass, e.g. an order without lines. */
    void reject(RowError error) {
        rejects.add(error);
        rejected++;
    }

    /** Second pass, inside the caller's transaction. Throws when the file changed since it was validated. */
    void write() {
        try (CsvInput input = CsvInput.open(path, table.columns())) {
            List<Parsed<R>> batch = new ArrayList<>(BATCH_SIZE);
            int rows = 0;
            for (CsvRow row = input.next(); row != null; row = input.next()) {
                R value = table.parse(row);
                if (value == null || ++rows > read) {
                    throw changedSinceValidated();
                }
                batch.add(new Parsed<>(row, value));
                if (batch.size() == BATCH_SIZE) {
                    upsert(batch);
                }
            }
            upsert(batch);
            if (rows != read || !input.problems().isEmpty()) {
                throw changedSinceValidated();
            }
            deleted += table.afterWrite();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The write failed and its transaction rolled back: nothing of this file is in the database. */
    void failed(RuntimeException e) {
        forgetWrites();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = String.valueOf(cause.getMessage());
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        rejects.add(new RowError(fileName(), 0, null, "nothing written: " + message));
    }

    /** This file was fine but is not loaded because a file it loads together with has errors. */
    void notLoaded(String reason) {
        forgetWrites();
        notLoaded = reason;
    }

    /** Ends the load of this file: puts the reject file in place (or removes a stale one) and reports. */
    FileReport finish() {
        Path rejectsPath = null;
        try {
            rejectsPath = rejects.finish().orElse(null);
        } catch (IOException e) {
            log.warn("could not write or remove {}: {}", RejectFile.pathFor(path), e.toString());
        }
        var counts = new RowCounts(read, inserted, updated, unchanged, skipped, deleted, rejected);
        FileReport.Outcome outcome = hasErrors() ? FileReport.Outcome.REJECTED
                : notLoaded != null ? FileReport.Outcome.NOT_LOADED : FileReport.Outcome.LOADED;
        return new FileReport(fileName(), outcome, counts, rejects.count(), rejects.kept(), warningCount,
                List.copyOf(warnings), rejectsPath, notLoaded);
    }

    private void checkBatch(List<Parsed<R>> batch) {
        List<Parsed<R>> readable = batch.stream().filter(parsed -> parsed.value() != null).toList();
        if (!readable.isEmpty()) {
            table.check(readable);
        }
        batch.forEach(parsed -> {
            if (parsed.row().hasErrors()) {
                rejectRow(parsed.row());
            }
        });
        batch.clear();
    }

    private void rejectRow(CsvRow row) {
        rejects.addRow(row.errors());
        rejected++;
    }

    private void upsert(List<Parsed<R>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, R> stored = stored(batch);
        Function<R, String> skipRule = table.skipRule(batch.stream().map(Parsed::value).toList());
        List<R> inserts = new ArrayList<>();
        List<R> updates = new ArrayList<>();
        for (Parsed<R> parsed : batch) {
            R value = parsed.value();
            R old = stored.get(table.key(value));
            String skip;
            if (old != null && table.sameAsStored(value, old)) {
                unchanged++;
            } else if ((skip = skipRule.apply(value)) != null) {
                skip(parsed, skip);
            } else if (old == null) {
                inserts.add(value);
            } else {
                updates.add(value);
            }
        }
        table.write(jdbc, inserts, updates);
        inserted += inserts.size();
        updated += updates.size();
        batch.clear();
    }

    private Map<String, R> stored(List<Parsed<R>> batch) {
        List<Object> keys = batch.stream().map(parsed -> table.lookupKey(parsed.value())).distinct().toList();
        Map<String, R> stored = new HashMap<>();
        RowCallbackHandler collect = (ResultSet rs) -> {
            R value = table.mapExisting(rs);
            stored.put(table.key(value), value);
        };
        jdbc.query(table.selectExisting(), Map.of("keys", keys), collect);
        return stored;
    }

    private void skip(Parsed<R> parsed, String reason) {
        skipped++;
        warningCount++;
        if (warnings.size() < RejectFile.KEPT) {
            warnings.add(fileName() + ":" + parsed.row().line() + ": " + table.describe(parsed.value())
                    + " not changed: " + reason);
        }
    }

    private void forgetWrites() {
        inserted = 0;
        updated = 0;
        unchanged = 0;
        skipped = 0;
        deleted = 0;
        warnings.clear();
        warningCount = 0;
    }

    private IllegalStateException changedSinceValidated() {
        return new IllegalStateException(fileName() + " changed while it was being loaded; load it again");
    }
}
