package io.fulfil.cli;

import io.fulfil.bench.BenchDataGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a seeded benchmark data set into an empty database (used by scripts/bench):",
                "50 merchants, 8 warehouses, 20,000 SKUs with stock, and N paid orders."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--orders", required = true, description = "number of orders")
    int orders;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be positive");
        }
        long start = System.nanoTime();
        AppContext.bean(BenchDataGenerator.class).generate(orders, seed);
        System.out.printf("generated %,d orders (seed %d) in %.1fs%n", orders, seed, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
