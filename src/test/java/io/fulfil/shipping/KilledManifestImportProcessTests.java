package io.fulfil.shipping;

import static io.fulfil.support.FulfilProcesses.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.FulfilApplication;
import io.fulfil.support.FulfilProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manifest import killed with SIGKILL while its two partitions apply: the import runs as the command
 * line in a JVM of its own, on an embedded H2 file database that this test's application also has open
 * (H2's {@code AUTO_SERVER}, as an operator's second command would), two rows per chunk, in two
 * partitions (MySQL's default; H2's is one). It is killed
 * once the job repository shows a chunk of a partition committed. The invariants hold after the kill;
 * a forced restart from the job repository runs the partitions again from their last committed
 * chunks and finishes; every fulfilment order is shipped once, its units out of stock once.
 */
@SpringBootTest(classes = FulfilApplication.class, properties = {"fulfil.import.chunk-size=50", "fulfil.import.partitions=2",
        "fulfil.inbox-dir=target/test-inbox-killed-manifests", "fulfil.outbox-dir=target/test-outbox-killed-manifests"})
class KilledManifestImportProcessTests extends ShippingFlowTests {

    private static final Path DATA_DIR = FulfilProcesses.newDataDir("killed-manifests-");

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + DATA_DIR.resolve("fulfil") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000");
        registry.add("fulfil.data-dir", DATA_DIR::toString);
    }

    private static final int ORDERS = 400;
    /** Rows the running import's partitions have committed, as their step executions record them. */
    private static final String APPLIED = FulfilProcesses.committedRows("import-manifests", "apply-partition:%");

    @Test
    void aKilledPartitionedManifestImportIsRestartedAndShipsEachParcelOnce() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            specs.add(String.format("M%04d:S%dx2", i, 1 + i % 3));
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> fos = jdbc.queryForList("SELECT fulfilment_no FROM fulfilment_order ORDER BY fulfilment_no",
                String.class);
        pick(fos);
        long units = count("SELECT SUM(l.quantity) FROM fulfilment_line l");
        long onHand = count("SELECT SUM(on_hand) FROM stock");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < fos.size(); i++) {
            rows.add(shipRow(fos.get(i), "SF", "SF" + prefix + String.format("%05d", i)));
        }
        Path file = manifest("manifest.csv", rows.toArray(String[]::new));

        Path log = tmp.resolve("killed.log");
        Process process = start(DATA_DIR, List.of("-Dfulfil.import.chunk-size=2", "-Dfulfil.import.partitions=2"), "import", "manifests",
                file.toString()).redirectOutput(log.toFile()).start();
        FulfilProcesses.killOnceCommitted(process, log, () -> count(APPLIED));

        assertInvariants();
        long afterKill = count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'SHIPPED'");
        assertThat(afterKill).as("the kill left parcels unshipped").isPositive().isLessThan(fos.size());
        assertThat(count("SELECT SUM(on_hand) FROM stock")).as("the units of the shipped ones out of stock")
                .isEqualTo(onHand - count("SELECT SUM(l.quantity) FROM fulfilment_line l JOIN fulfilment_order f"
                        + " ON f.fulfilment_no = l.fulfilment_no WHERE f.status = 'SHIPPED'"));
        long execution = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        JobExecution restarted = jobs.restart(execution, true);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
                .filteredOn(name -> name.startsWith("apply-partition:")).as("the partitions left unfinished")
                .isNotEmpty().allSatisfy(name -> assertThat(name).matches("apply-partition:partition[01]"));
        assertInvariants();
        assertThat(count("SELECT COUNT(*) FROM fulfilment_order WHERE status = 'SHIPPED'")).isEqualTo(fos.size());
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHIP'")).as("each unit shipped once")
                .isEqualTo(count("SELECT COUNT(*) FROM fulfilment_line"));
        assertThat(count("SELECT -SUM(on_hand_change) FROM stock_movement WHERE kind = 'SHIP'")).isEqualTo(units);
        assertThat(count("SELECT SUM(on_hand) FROM stock")).isEqualTo(onHand - units);
        assertThat(count("SELECT COUNT(*) FROM customer_order WHERE status <> 'SHIPPED'")).isZero();
        assertThat(imports.importFile("manifests", file, false).alreadyBy()).isEqualTo(restarted.getId());
    }
}
