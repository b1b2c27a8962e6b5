package io.fulfil.reconcile;

import io.fulfil.ops.InvariantChecks;
import io.fulfil.support.csv.CsvOutput;
import io.fulfil.support.files.FileRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The CSV a reconciliation leaves under {@code <outbox>/reports/}: one row per difference, stock rows
 * first, then the money and quantity checks; an empty file (header only) when all agree.
 */
@Component
public class ReconcileReport {

    public static final String[] HEADER = {"check", "warehouse_code", "sku_code", "on_hand", "allocated",
            "held_by_open_lines", "ledger_on_hand", "repaired", "detail"};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FileRoots roots;
    private final Clock clock;

    ReconcileReport(FileRoots roots, Clock clock) {
        this.roots = roots;
        this.clock = clock;
    }

    /** Writes the report of one run (its execution id in the name, so two runs never share a file). */
    public Path write(long executionId, List<StockDifference> stock, List<StockDifference> repaired,
                      List<InvariantChecks.Violation> money) throws IOException {
        String time = FILE_TIME.format(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        Path file = roots.outboxFile("reports", "reconcile-" + time + "-" + executionId + ".csv");
        try (CsvOutput out = CsvOutput.create(file, HEADER)) {
            for (StockDifference d : stock) {
                out.row("stock", d.key().warehouseCode(), d.key().skuCode(), String.valueOf(d.onHand()),
                        String.valueOf(d.allocated()), String.valueOf(d.held()), String.valueOf(d.journalled()),
                        repaired.contains(d) ? "yes" : "no", d.describe());
            }
            for (InvariantChecks.Violation v : money) {
                out.row(v.invariant(), "", "", "", "", "", "", "no", v.detail());
            }
            out.commit();
        }
        return file;
    }
}
