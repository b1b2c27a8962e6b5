package io.fulfil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules the design relies on, checked on the sources: domain logic knows nothing of
 * Spring, Spring Batch stays in job configuration and operations, and only the stock ledger writes
 * {@code stock.allocated}.
 */
class PackageRulesTests {

    private static final Path MAIN = Path.of("src/main/java/io/fulfil");

    @Test
    void theSplitDomainAndTheStatusMachineArePlainJava() throws IOException {
        assertThat(sourcesWhere(p -> p.getParent().equals(MAIN.resolve("split"))
                || p.startsWith(MAIN.resolve("fulfilment")) && !REPOSITORIES.contains(p.getFileName().toString()),
                "import org.springframework")).isEmpty();
    }

    /**
     * The fulfilment package's repositories: status changes, the parents' roll-up, the orders' history
     * and the blocks of fulfilment numbers, in SQL.
     */
    private static final List<String> REPOSITORIES = List.of("FulfilmentOrders.java", "ParentOrders.java",
            "OrderHistory.java", "FulfilmentNumberBlocks.java");

    @Test
    void onlyTheStockPackageChangesOnHand() throws IOException {
        assertThat(sourcesWhere(p -> !p.startsWith(MAIN.resolve("stock")) && !p.toString().contains("/bench/"),
                "SET on_hand")).isEmpty();
        assertThat(sourcesWhere(p -> !p.startsWith(MAIN.resolve("stock")) && !p.toString().contains("/bench/"),
                "on_hand = ")).isEmpty();
    }

    @Test
    void onlyFulfilmentOrdersChangesAFulfilmentOrdersStatus() throws IOException {
        assertThat(sourcesWhere(p -> !p.endsWith("fulfilment/FulfilmentOrders.java"),
                "UPDATE fulfilment_order SET status")).isEmpty();
        assertThat(sourcesWhere(p -> !p.endsWith("fulfilment/FulfilmentOrders.java"), "status = 'WAVED'")).isEmpty();
    }

    @Test
    void springBatchStaysInJobConfigurationOperationsAndTheCommandLine() throws IOException {
        // imports/ is the one import path's job machinery; a job's configuration may sit beside its domain
        // (picking/wave/WaveJobConfiguration) and hold the job's small reader and writer adapters; schedule/
        // starts, restarts and stops the scheduled runs
        assertThat(sourcesWhere(p -> !p.toString().contains("/job/") && !p.startsWith(MAIN.resolve("ops"))
                && !p.startsWith(MAIN.resolve("cli")) && !p.startsWith(MAIN.resolve("config"))
                && !p.startsWith(MAIN.resolve("imports")) && !p.startsWith(MAIN.resolve("schedule"))
                && !p.getFileName().toString().endsWith("JobConfiguration.java"),
                "import org.springframework.batch")).isEmpty();
    }

    @Test
    void onlyTheStockPackageChangesAllocatedStock() throws IOException {
        assertThat(sourcesWhere(p -> !p.startsWith(MAIN.resolve("stock")) && !p.toString().contains("/bench/"),
                "SET allocated")).isEmpty();
    }

    @Test
    void onlyTheH2StoreBufferReachesIntoH2() throws IOException {
        assertThat(sourcesWhere(p -> !p.endsWith("config/H2StoreBuffer.java"), "import org.h2")).isEmpty();
    }

    private static List<Path> sourcesWhere(Predicate<Path> inScope, String forbidden) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(inScope).filter(p -> {
                try {
                    return Files.readString(p).contains(forbidden);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
