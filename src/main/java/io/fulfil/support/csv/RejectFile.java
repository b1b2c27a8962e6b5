package io.fulfil.support.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The errors of one input file, written to {@code <name>.rejects.csv} beside it (for
 * {@code orders.csv}: {@code orders.rejects.csv}) with the columns {@code line,column,value,reason}
 * (CONTRACT §7.6): one row per bad input row; several errors of one row are joined with {@code "; "},
 * columns, values and reasons in the same order.
 *
 * <p>Errors stream to the file as they are found, so a file with a million bad rows needs no memory
 * for them; only the first {@value #KEPT} are kept for the command's output. {@link #finish()} puts the
 * rejects file in place of an older one, or, when the input had no errors, deletes a stale one so that
 * a rejects file beside an input always describes that input's last import.
 */
public final class RejectFile implements Closeable {

    /** How many errors a report lists; the rejects file has them all. */
    public static final int KEPT = 200;

    /** The rejects file's columns. */
    public static final String[] HEADER = {"line", "column", "value", "reason"};

    private final Path path;
    private final List<RowError> kept = new ArrayList<>();
    private CsvOutput output;
    private IOException unwritable;
    private int count;

    private RejectFile(Path path) {
        this.path = path;
    }

    /** Collects errors for {@code input}; nothing is written until the first error. */
    public static RejectFile beside(Path input) {
        return new RejectFile(pathFor(input));
    }

    /** Where the rejects of {@code input} are written: beside it, {@code .csv} replaced by {@code .rejects.csv}. */
    public static Path pathFor(Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return input.resolveSibling(stem + ".rejects.csv");
    }

    /**
     * Records an error. When the rejects file cannot be created (a read-only directory), the errors are
     * still counted and kept for the report: the load's verdict must not depend on where its input lies.
     */
    public void add(RowError error) {
        addRow(List.of(error));
    }

    /** Records the errors of one input row (all on the same line) as one row of the rejects file. */
    public void addRow(List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        if (output == null && unwritable == null) {
            try {
                output = CsvOutput.create(path, HEADER);
            } catch (IOException e) {
                unwritable = e;
            }
        }
        if (output != null) {
            output.row(Long.toString(errors.get(0).line()), join(errors, RowError::column),
                    join(errors, RowError::value), join(errors, RowError::reason));
        }
        for (RowError error : errors) {
            count++;
            if (kept.size() < KEPT) {
                kept.add(error);
            }
        }
    }

    /** Each error on its own row (file-level problems, which belong to no one row). */
    public void addAll(List<RowError> errors) {
        errors.forEach(this::add);
    }

    private static String join(List<RowError> errors, java.util.function.Function<RowError, String> part) {
        if (errors.size() == 1) {
            return part.apply(errors.get(0));
        }
        return errors.stream().map(e -> part.apply(e) == null ? "" : part.apply(e))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public int count() {
        return count;
    }

    /** The first {@value #KEPT} errors, in the order found. */
    public List<RowError> kept() {
        return List.copyOf(kept);
    }

    /**
     * Puts the rejects file in place, or deletes a stale one when there were no errors; returns where it
     * is. Throws when the rejects file could not be written or the stale one not deleted.
     */
    public Optional<Path> finish() throws IOException {
        if (unwritable != null) {
            throw unwritable;
        }
        if (output == null) {
            Files.deleteIfExists(path);
            return Optional.empty();
        }
        output.commit();
        return Optional.of(path);
    }

    /** Abandons an unfinished rejects file. */
    @Override
    public void close() throws IOException {
        if (output != null) {
            output.close();
        }
    }
}
