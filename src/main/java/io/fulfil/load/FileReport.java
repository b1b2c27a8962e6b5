package io.fulfil.load;

import io.fulfil.support.csv.RowError;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code load} did with one file.
 *
 * @param errors      the first {@value io.fulfil.support.csv.RejectFile#KEPT} errors; all
 *                    {@code errorCount} of them are in {@code rejectsFile}
 * @param warnings    the first rows left alone because their order is already being fulfilled
 * @param rejectsFile where the errors were written, null when there were none
 * @param note        why a file without errors of its own was not loaded, else null
 */
public record FileReport(String fileName, Outcome outcome, RowCounts counts, int errorCount, List<RowError> errors,
                         int warningCount, List<String> warnings, Path rejectsFile, String note) {

    public enum Outcome {
        /** Every row is in the database (inserted, updated, unchanged or skipped). */
        LOADED,
        /** The file has errors; nothing of it was written. */
        REJECTED,
        /** The file is fine, but the file it loads together with was rejected; nothing was written. */
        NOT_LOADED,
        /** There is no such file in the directory. */
        ABSENT
    }

    static FileReport absent(String fileName) {
        return new FileReport(fileName, Outcome.ABSENT, RowCounts.NONE, 0, List.of(), 0, List.of(), null, null);
    }

    public boolean hasErrors() {
        return outcome == Outcome.REJECTED || outcome == Outcome.NOT_LOADED;
    }
}
