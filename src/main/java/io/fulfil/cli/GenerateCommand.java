package io.fulfil.cli;

import io.fulfil.bench.BenchDataGenerator;
import io.fulfil.bench.BenchShape;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a seeded benchmark data set into an empty database (used by scripts/bench):",
                "50 merchants, 8 warehouses, 20,000 SKUs with stock, and N paid orders.",
                "With --pick-confirmations, instead writes a confirmation of every open pick line of every wave."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--orders", description = "number of orders")
    Integer orders;

    @Option(names = "--pick-confirmations", paramLabel = "<file>",
            description = "write a pick confirmation file for every open pick line")
    java.nio.file.Path confirmations;

    @Option(names = "--short-every", defaultValue = "50",
            description = "with --pick-confirmations: every N-th row is picked one short (default ${DEFAULT-VALUE}; 0: none)")
    int shortEvery;

    @Option(names = "--manifest", paramLabel = "<file>",
            description = "instead: write a manifest that ships every PICKED fulfilment order")
    Path manifest;

    @Option(names = "--carrier-events", paramLabel = "<file>",
            description = "instead: write four carrier events per shipped parcel, some late, some twice")
    Path carrierEvents;

    @Option(names = "--shape", defaultValue = "ordered", converter = ShapeConverter.class,
            description = "ordered (paid in order-number order), shuffled (paid_at independent of order_no) or "
                    + "sharded (order numbers from 8 interleaved sequences); default ${DEFAULT-VALUE}")
    BenchShape shape;

    static final class ShapeConverter implements CommandLine.ITypeConverter<BenchShape> {
        @Override
        public BenchShape convert(String value) {
            try {
                return BenchShape.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (confirmations != null) {
            long start = System.nanoTime();
            long rows = AppContext.bean(io.fulfil.bench.BenchConfirmations.class).write(confirmations.toAbsolutePath(),
                    shortEvery);
            System.out.printf("wrote %,d confirmation rows to %s in %.1fs%n", rows, confirmations,
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
        if (manifest != null || carrierEvents != null) {
            long start = System.nanoTime();
            var shipping = AppContext.bean(io.fulfil.bench.BenchShipping.class);
            Path file = manifest != null ? manifest : carrierEvents;
            long rows = manifest != null ? shipping.writeManifest(manifest.toAbsolutePath())
                    : shipping.writeEvents(carrierEvents.toAbsolutePath());
            System.out.printf("wrote %,d rows to %s in %.1fs%n", rows, file, (System.nanoTime() - start) / 1e9);
            return 0;
        }
        if (orders == null || orders < 1) {
            throw new IllegalArgumentException("--orders must be positive (or give --pick-confirmations)");
        }
        long start = System.nanoTime();
        AppContext.bean(BenchDataGenerator.class).generate(orders, seed, shape);
        System.out.printf("generated %,d %s orders (seed %d) in %.1fs%n", orders, shape.label(), seed,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
