package io.fulfil.cli;

import io.fulfil.load.LoadReport;
import io.fulfil.load.ShopDataLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads merchants.csv, warehouses.csv, skus.csv, stock.csv, orders.csv and order_lines.csv",
                "from a directory (any may be absent). Each file loads whole or not at all; bad rows are listed",
                "with file, line, column and reason, and written to <file>.rejects.csv beside it.",
                "Loading the same files again changes nothing. stock.csv sets on_hand and keeps allocated."})
final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<dir>", description = "directory with the CSV files")
    Path dir;

    @Override
    public Integer call() {
        return load(dir);
    }

    static int load(Path dir) {
        LoadReport report = AppContext.bean(ShopDataLoader.class).load(dir);
        PrintWriter out = new PrintWriter(System.out, true);
        report.printSummary(out);
        out.flush();
        if (report.foundNoFiles()) {
            System.err.println("fulfil: " + dir + " holds none of merchants.csv, warehouses.csv, skus.csv, stock.csv,"
                    + " orders.csv, order_lines.csv");
            return 1;
        }
        if (report.hasErrors()) {
            System.err.println("fulfil: " + report.errorCount() + " bad row(s) in " + dir
                    + "; the files with errors were not loaded (see the rejects files beside them)");
            return 1;
        }
        return 0;
    }
}
