package io.fulfil.tracking;

import static io.fulfil.support.FulfilProcesses.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.FulfilApplication;
import io.fulfil.shipping.ShippingFlowTests;
import io.fulfil.support.FulfilProcesses;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A carrier events import killed with SIGKILL part-way: the import runs as the command line in a JVM
 * of its own, on an embedded H2 file database that this test's application also has open (H2's
 * {@code AUTO_SERVER}, as an operator's second command would). Orders are split, waved, picked and
 * shipped here by the real jobs; then a file of some two thousand events (shuffled, some repeated,
 * some for parcels no manifest has shipped) is imported two rows per chunk by the other process (fifty here, to keep the test short), which
 * is killed once the job repository shows a chunk of it committed. The invariants hold after the kill, a
 * forced restart from the job repository finishes the run, and every event is recorded once with
 * each parcel where its events say. (Starting every step as a process of its own, as
 * KilledFloorProcessTests does, costs a JVM start per step; one is enough to kill.)
 */
@SpringBootTest(classes = FulfilApplication.class, properties = {"fulfil.import.chunk-size=50",
        "fulfil.inbox-dir=target/test-inbox-killed-events", "fulfil.outbox-dir=target/test-outbox-killed-events"})
class KilledEventImportProcessTests extends ShippingFlowTests {

    private static final Path DATA_DIR = FulfilProcesses.newDataDir("killed-events-");

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + DATA_DIR.resolve("fulfil") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=60000");
        registry.add("fulfil.data-dir", DATA_DIR::toString);
    }

    private static final String[] CARRIERS = {"SF", "ZTO", "YTO", "JD", "KD100"};
    /** Per carrier, a parcel's script: code and hour of 2026-11-22 (UTC+8). */
    private static final String[][][] SCRIPTS = {
            {{"50", "8"}, {"30", "9"}, {"X1", "9"}, {"70", "10"}, {"31", "11"}, {"44", "12"}, {"80", "13"}},
            {{"收件", "8"}, {"派件", "9"}, {"问题件", "10"}, {"到件", "11"}},
            {{"GOT", "8"}, {"FAILED", "9"}, {"ARRIVAL", "10"}, {"SENT_SCAN", "11"}, {"SIGNED", "12"}},
            {{"100", "8"}, {"600", "9"}, {"700", "10"}, {"200", "11"}},
            {{"0", "8"}, {"5", "9"}, {"14", "10"}, {"3", "11"}, {"1", "12"}},
    };
    /** Where each carrier's script ends: carrier, status, exception_from, delivered_at, last_event_at. */
    private static final List<String> ENDS = List.of(
            "SF|DELIVERED|null|" + utc(13) + "|" + utc(13),
            "ZTO|EXCEPTION|OUT_FOR_DELIVERY|null|" + utc(11),
            "YTO|DELIVERED|null|" + utc(12) + "|" + utc(12),
            "JD|RETURNED|null|null|" + utc(11),
            "KD100|DELIVERED|null|" + utc(11) + "|" + utc(12));
    private static final int ORDERS = 400;
    private static final int UNSHIPPED = 20;
    /** Rows the running import's apply step has committed, as its step execution records them. */
    private static final String APPLIED = FulfilProcesses.committedRows("import-carrier-events", "apply");

    static LocalDateTime utc(int hour) {
        return LocalDateTime.of(2026, 11, 22, 0, 0).plusHours(hour - 8);
    }

    @Test
    void aKilledEventImportIsRestartedAndRecordsEachEventOnce() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            specs.add(String.format("K%04d:S%dx1", i, 1 + i % 3));
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> fos = jdbc.queryForList("SELECT fulfilment_no FROM fulfilment_order ORDER BY fulfilment_no",
                String.class);
        pick(fos);
        List<String> manifest = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < fos.size(); i++) {
            String carrier = CARRIERS[i % CARRIERS.length];
            String tracking = carrier + prefix + String.format("%05d", i);
            manifest.add(shipRow(fos.get(i), carrier, tracking));
            addEvents(events, i % CARRIERS.length, tracking);
        }
        importOk("manifests", manifest("manifest.csv", manifest.toArray(String[]::new)));
        for (int i = 0; i < UNSHIPPED; i++) {
            addEvents(events, i % CARRIERS.length, "NOMANIFEST" + prefix + i);
        }
        int distinct = events.size();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            events.add(events.get(random.nextInt(distinct)));
        }
        Collections.shuffle(events, random);
        Path file = events("events.csv", events);

        Path log = tmp.resolve("killed.log");
        Process process = start(DATA_DIR, List.of("-Dfulfil.import.chunk-size=2"), "import", "carrier-events",
                file.toString()).redirectOutput(log.toFile()).start();
        FulfilProcesses.killOnceCommitted(process, log, () -> count(APPLIED));

        assertInvariants();
        long afterKill = count("SELECT COUNT(*) FROM carrier_event");
        assertThat(afterKill).as("the kill left events unrecorded").isPositive().isLessThan(distinct);
        long execution = count("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'");

        JobExecution restarted = jobs.restart(execution, true);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertInvariants();
        assertThat(count("SELECT COUNT(*) FROM carrier_event")).as("each event once").isEqualTo(distinct);
        List<String> ends = new ArrayList<>();
        jdbc.query("SELECT carrier_code, status, exception_from, delivered_at, last_event_at FROM fulfilment_order",
                rs -> {
                    ends.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + rs.getObject(4, LocalDateTime.class) + "|" + rs.getObject(5, LocalDateTime.class));
                });
        assertThat(ends).hasSize(fos.size());
        assertThat(new TreeSet<>(ends)).containsExactlyInAnyOrderElementsOf(ENDS);
        assertThat(count("SELECT COUNT(*) FROM waiting_parcel")).isEqualTo(UNSHIPPED);
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE fulfilment_no IS NULL"))
                .isEqualTo(count("SELECT COUNT(*) FROM carrier_event WHERE tracking_no LIKE 'NOMANIFEST%'"));
        assertThat(imports.importFile("carrier-events", file, false).alreadyBy()).isEqualTo(restarted.getId());
    }

    private static void addEvents(List<String> events, int carrier, String tracking) {
        for (String[] e : SCRIPTS[carrier]) {
            events.add(event(CARRIERS[carrier], tracking, e[0], Integer.parseInt(e[1])));
        }
    }
}
