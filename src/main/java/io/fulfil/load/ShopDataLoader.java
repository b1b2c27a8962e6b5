package io.fulfil.load;

import io.fulfil.stock.StockLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code load <dir>}: loads the shop's files (CONTRACT §4) into the database, in dependency order:
 * merchants, warehouses, skus, stock, then orders with their lines. Any file may be absent.
 *
 * <p>A file loads whole or not at all: every row is checked first, and only a file without errors is
 * written, in one transaction. {@code orders.csv} and {@code order_lines.csv} are one unit (an order
 * and its lines): both are written in one transaction, or neither. A rejected file does not stop the
 * load: later files are still checked, against what the database holds. Each file's errors are also
 * written to {@code <name>.rejects.csv} beside it; a stale rejects file of a clean file is removed.
 *
 * <p>Loading is an upsert: a new key is inserted, a changed row updated, an identical row left alone,
 * so loading the same files again changes nothing.
 */
@Service
public class ShopDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ShopDataLoader.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private final StockLedger stockLedger;

    public ShopDataLoader(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                          StockLedger stockLedger) {
        this.stockLedger = stockLedger;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Loads the files found in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public LoadReport load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        var report = new LoadReport(dir);
        var known = new KnownKeys(jdbc);
        loadAlone(dir, new MerchantsFile(), report);
        loadAlone(dir, new WarehousesFile(), report);
        loadAlone(dir, new SkusFile(known), report);
        loadAlone(dir, new StockFile(known, jdbc, stockLedger), report);
        loadOrders(dir, known, report);
        return report;
    }

    private void loadAlone(Path dir, TableFile<?> table, LoadReport report) {
        TableLoad<?> load = open(dir, table);
        if (load == null) {
            report.add(FileReport.absent(table.fileName()));
            return;
        }
        load.validate();
        if (!load.hasErrors()) {
            writeTogether(List.of(load));
        }
        finish(load, report);
    }

    /** Orders and their lines: checked against each other, written together or not at all. */
    private void loadOrders(Path dir, KnownKeys known, LoadReport report) {
        var inFulfilment = new OrdersInFulfilment(jdbc);
        var ordersFile = new OrdersFile(known, inFulfilment);
        TableLoad<OrdersFile.OrderRow> orders = open(dir, ordersFile);
        var linesFile = new OrderLinesFile(known, inFulfilment, jdbc, orders == null ? null : ordersFile);
        TableLoad<OrderLinesFile.OrderLineRow> lines = open(dir, linesFile);
        if (orders != null) {
            orders.validate();
        }
        if (lines != null) {
            lines.validate();
        }
        if (orders != null) {
            ordersFile.requireLines(lines == null ? null : linesFile, orders);
        }
        // Lines before orders: both passes must judge "already being fulfilled" by the stored status,
        // and writing orders first would make an order cancelled by this very file look untouchable.
        List<TableLoad<?>> unit = new ArrayList<>();
        if (lines != null) {
            unit.add(lines);
        }
        if (orders != null) {
            unit.add(orders);
        }
        TableLoad<?> bad = unit.stream().filter(TableLoad::hasErrors).findFirst().orElse(null);
        if (bad == null) {
            writeTogether(unit);
        } else {
            unit.stream().filter(load -> !load.hasErrors()).forEach(load -> load.notLoaded(
                    "it loads together with " + bad.fileName() + ", which has errors"));
        }
        finish(orders, ordersFile.fileName(), report);
        finish(lines, linesFile.fileName(), report);
    }

    /** One transaction for the files of a unit; if one fails, none is written. */
    private void writeTogether(List<TableLoad<?>> unit) {
        if (unit.isEmpty()) {
            return;
        }
        TableLoad<?>[] current = {unit.get(0)};
        try {
            transactions.executeWithoutResult(status -> unit.forEach(load -> {
                current[0] = load;
                load.write();
            }));
        } catch (RuntimeException e) {
            // The reason is in the report; the stack trace only for whoever turns on debug logging.
            log.debug("{} not written", current[0].fileName(), e);
            current[0].failed(e);
            unit.stream().filter(load -> load != current[0]).forEach(load -> load.notLoaded(
                    "it loads together with " + current[0].fileName() + ", which could not be written"));
        }
    }

    private <R> TableLoad<R> open(Path dir, TableFile<R> table) {
        Path file = dir.resolve(table.fileName());
        return Files.isRegularFile(file) ? new TableLoad<>(file, table, jdbc) : null;
    }

    private void finish(TableLoad<?> load, LoadReport report) {
        FileReport file = load.finish();
        log.debug("{}: {}", file.fileName(), file.outcome());
        report.add(file);
    }

    private void finish(TableLoad<?> load, String fileName, LoadReport report) {
        if (load == null) {
            report.add(FileReport.absent(fileName));
        } else {
            finish(load, report);
        }
    }
}
