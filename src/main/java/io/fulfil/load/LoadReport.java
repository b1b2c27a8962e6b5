package io.fulfil.load;

import io.fulfil.support.csv.RowError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code load <dir>} did, file by file, in loading order. */
public final class LoadReport {

    private final Path directory;
    private final List<FileReport> files = new ArrayList<>();

    LoadReport(Path directory) {
        this.directory = directory;
    }

    void add(FileReport file) {
        files.add(file);
    }

    public Path directory() {
        return directory;
    }

    public List<FileReport> files() {
        return List.copyOf(files);
    }

    public Optional<FileReport> file(String fileName) {
        return files.stream().filter(file -> file.fileName().equals(fileName)).findFirst();
    }

    /** True when some file was not loaded; the command should then exit non-zero. */
    public boolean hasErrors() {
        return files.stream().anyMatch(FileReport::hasErrors);
    }

    public int errorCount() {
        return files.stream().mapToInt(FileReport::errorCount).sum();
    }

    /** True when none of the six files was in the directory. */
    public boolean foundNoFiles() {
        return files.stream().allMatch(file -> file.outcome() == FileReport.Outcome.ABSENT);
    }

    /** One line per file, then the errors (at most 200 per file) and warnings. */
    public void printSummary(PrintWriter out) {
        out.println("load " + directory);
        files.forEach(file -> out.println("  " + summaryLine(file)));
        for (FileReport file : files) {
            file.errors().forEach(error -> out.println("  error: " + error));
            int more = file.errorCount() - file.errors().size();
            if (more > 0) {
                out.println("  ... and " + plural(more, "more error") + " in " + file.rejectsFile());
            }
        }
        for (FileReport file : files) {
            file.warnings().forEach(warning -> out.println("  warning: " + warning));
            int more = file.warningCount() - file.warnings().size();
            if (more > 0) {
                out.println("  ... and " + more + " more warnings for " + file.fileName());
            }
        }
        out.flush();
    }

    public String summary() {
        var text = new StringWriter();
        printSummary(new PrintWriter(text));
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String summaryLine(FileReport file) {
        RowCounts c = file.counts();
        String name = String.format("%-16s ", file.fileName());
        return name + switch (file.outcome()) {
            case ABSENT -> "absent, skipped";
            case LOADED -> "loaded: " + c.read() + " rows, " + c.inserted() + " inserted, " + c.updated() + " updated, "
                    + c.unchanged() + " unchanged" + (c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "")
                    + (c.deleted() > 0 ? ", " + c.deleted() + " lines deleted" : "");
            case REJECTED -> "REJECTED, nothing written: " + (c.rejected() > 0
                    ? c.rejected() + " of " + c.read() + " rows have errors" : "the file itself is at fault")
                    + " (" + plural(file.errorCount(), "error") + ", " + (file.rejectsFile() != null
                    ? "see " + file.rejectsFile() : "no rejects file: the directory is not writable") + ")";
            case NOT_LOADED -> "NOT LOADED, nothing written: " + file.note();
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** All listed errors, in loading order. */
    public List<RowError> errors() {
        return files.stream().flatMap(file -> file.errors().stream()).toList();
    }
}
