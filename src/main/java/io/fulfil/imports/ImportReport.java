package io.fulfil.imports;

import io.fulfil.support.csv.RejectFile;
import io.fulfil.support.csv.RowError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one import of one file did, for the command line and the inbox.
 *
 * @param executionId   the job execution that ran (or that had already imported the same content)
 * @param status        the execution's status: COMPLETED, FAILED, ...
 * @param alreadyBy     when nothing ran because the same content was imported before: by which execution
 * @param counts        the kind's counts from the database, e.g. applied, short picks
 * @param rejects       the first {@value RejectFile#KEPT} rejected rows (the rejects file has all)
 * @param failure       why the execution failed, other than rejected rows; else null
 */
public record ImportReport(String kind, Path file, long executionId, String status, Long alreadyBy, long rows,
                           long rejected, Map<String, Long> counts, List<RowError> rejects, Path rejectsFile,
                           String failure) {

    /** The same report, its rejects file now at {@code moved} (the inbox moves it to {@code rejected/}). */
    public ImportReport withRejectsFile(Path moved) {
        return new ImportReport(kind, file, executionId, status, alreadyBy, rows, rejected, counts, rejects, moved,
                failure);
    }

    public long applied() {
        return counts.getOrDefault("applied", 0L);
    }

    /** Rows that were already in the database as the file has them. */
    public long unchanged() {
        return alreadyBy != null ? rows : completed() ? Math.max(0, rows - rejected - applied()) : 0;
    }

    /** Good rows left unapplied because the file was refused whole (or the run failed). */
    public long notApplied() {
        return alreadyBy != null || completed() ? 0 : Math.max(0, rows - rejected - applied());
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    /** Everything applied and nothing rejected. */
    public boolean ok() {
        return completed() && rejected == 0;
    }

    /** Rejected rows, and nothing failed otherwise (such a file goes to the inbox's rejected/). */
    public boolean rejectedRows() {
        return rejected > 0 && failure == null;
    }

    public int exitCode() {
        return ok() ? 0 : 1;
    }

    /** The report as printed: a summary line, the counts, then the first rejected rows. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String name = file.getFileName().toString();
        if (alreadyBy != null) {
            lines.add(String.format(Locale.ROOT, "%s: already imported by execution %d, nothing changed (%,d rows)",
                    name, alreadyBy, rows));
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "%s: import-%s execution %d %s", name, kind, executionId, status));
        StringBuilder counted = new StringBuilder(String.format(Locale.ROOT, "  rows %,d: applied %,d, unchanged %,d",
                rows, applied(), unchanged()));
        counts.forEach((what, n) -> {
            if (!"applied".equals(what)) {
                counted.append(String.format(Locale.ROOT, ", %s %,d", what, n));
            }
        });
        counted.append(String.format(Locale.ROOT, ", rejected %,d", rejected));
        if (notApplied() > 0) {
            counted.append(String.format(Locale.ROOT, ", not applied %,d", notApplied()));
        }
        lines.add(counted.toString());
        if (failure != null) {
            lines.add("  failed: " + failure);
        }
        for (RowError e : rejects) {
            lines.add("  rejected line " + e.line() + (e.column() == null ? "" : ", column " + e.column()) + ": "
                    + e.reason());
        }
        if (rejected > rejects.size()) {
            lines.add(String.format(Locale.ROOT, "  ... %,d more in %s", rejected - rejects.size(), rejectsFile));
        } else if (rejectsFile != null && rejected > 0) {
            lines.add("  rejects file: " + rejectsFile);
        }
        return lines;
    }
}
