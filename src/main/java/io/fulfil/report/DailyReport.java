package io.fulfil.report;

import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The daily report's CSV, {@code <outbox>/reports/daily-<yyyy-MM-dd>.csv}: one file per business day,
 * written aside and renamed, so running the report again for a day replaces its file whole.
 */
@Component
public class DailyReport {

    public static final String[] HEADER = {"date", "time_zone", "figure", "count", "units", "meaning"};

    private final FileRoots roots;

    DailyReport(FileRoots roots) {
        this.roots = roots;
    }

    public Path write(LocalDate day, ZoneId zone, List<DailyFigures.Figure> figures) throws IOException {
        Path file = roots.outboxFile("reports", "daily-" + day + ".csv");
        try (CsvOutput out = CsvOutput.create(file, HEADER)) {
            for (DailyFigures.Figure f : figures) {
                out.row(day.toString(), zone.getId(), f.name(), String.valueOf(f.count()), String.valueOf(f.units()),
                        f.meaning());
            }
            out.commit();
        }
        return file;
    }
}
