package io.fulfil.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.imports.ImportReport;
import io.fulfil.shipping.ShippingFlowTests;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The import-carrier-events job through the one import path (CONTRACT §4, §8.2, §8.3, §8.4), on
 * parcels shipped by the real jobs (split, wave, import-picks, import-manifests); the invariants are
 * checked after every step.
 */
public abstract class CarrierEventImportFunctionalTests extends ShippingFlowTests {

    @org.springframework.beans.factory.annotation.Autowired
    io.fulfil.ops.OrderExplanation explanation;
    @org.springframework.beans.factory.annotation.Autowired
    TrackingReports reports;

    /** 2026-11-22 at this hour in UTC+8, as stored (UTC). */
    static LocalDateTime utc(int hour) {
        return LocalDateTime.of(2026, 11, 22, 0, 0).plusHours(hour - 8);
    }

    @Test
    void eachCarriersCodesMoveItsParcelsAndTheParentsRollUp() throws Exception {
        orders("A:S1x1", "B:S3x1,S4x1", "C:S1x1", "D:S1x1", "E:S1x1,S5x1");
        splitAndWave();
        pick(List.of(fo("A"), fo("B", "SH"), fo("B", "BJ"), fo("C"), fo("D"), fo("E")));
        String p = prefix;
        ship(fo("A"), "SF", "SF" + p + "A", fo("B", "SH"), "ZTO", "ZT" + p + "B", fo("B", "BJ"), "YTO", "YT" + p + "B",
                fo("C"), "JD", "JD" + p + "C", fo("D"), "KD100", "KD" + p + "D", fo("E"), "SF", "SF" + p + "E");
        assertThat(orderStatus("E")).as("shipped, but a backorder waits").isEqualTo("PARTIALLY_SHIPPED");

        ImportReport report = importOk("carrier-events", events("events.csv", List.of(
                event("SF", "SF" + p + "A", "50", 8), event("SF", "SF" + p + "A", "30", 9),
                event("SF", "SF" + p + "A", "44", 10), event("SF", "SF" + p + "A", "80", 11),
                event("SF", "SF" + p + "A", "X9", 12),
                event("ZTO", "ZT" + p + "B", "收件", 8), event("ZTO", "ZT" + p + "B", "派件", 10),
                event("ZTO", "ZT" + p + "B", "签收", 12),
                event("YTO", "YT" + p + "B", "GOT", 8), event("YTO", "YT" + p + "B", "FAILED", 9),
                event("JD", "JD" + p + "C", "100", 8), event("JD", "JD" + p + "C", "400", 9),
                event("JD", "JD" + p + "C", "600", 10), event("JD", "JD" + p + "C", "200", 11),
                event("KD100", "KD" + p + "D", "0", 8), event("KD100", "KD" + p + "D", "2", 9),
                event("KD100", "KD" + p + "D", "8", 10), event("KD100", "KD" + p + "D", "4", 11),
                event("SF", "SF" + p + "E", "50", 8), event("SF", "SF" + p + "E", "80", 9))));

        assertThat(report.applied()).isEqualTo(20);
        assertThat(report.counts()).containsEntry("unknown codes", 1L).containsEntry("waiting for a manifest", 0L);
        assertThat(parcel(fo("A"))).isEqualTo("DELIVERED|null|" + utc(11) + "|" + utc(11));
        assertThat(parcel(fo("B", "SH"))).isEqualTo("DELIVERED|null|" + utc(12) + "|" + utc(12));
        assertThat(parcel(fo("B", "BJ"))).isEqualTo("EXCEPTION|IN_TRANSIT|null|" + utc(9));
        assertThat(parcel(fo("C"))).as("an in-transit scan does not leave an exception entered out for delivery")
                .isEqualTo("EXCEPTION|OUT_FOR_DELIVERY|null|" + utc(11));
        assertThat(parcel(fo("D"))).isEqualTo("RETURNED|null|null|" + utc(11));
        assertThat(parcel(fo("E"))).isEqualTo("DELIVERED|null|" + utc(9) + "|" + utc(9));
        assertThat(orderStatus("A")).isEqualTo("DELIVERED");
        assertThat(orderStatus("B")).isEqualTo("PARTIALLY_DELIVERED");
        assertThat(orderStatus("C")).isEqualTo("SHIPPED");
        assertThat(orderStatus("D")).isEqualTo("SHIPPED");
        assertThat(orderStatus("E")).as("delivered, but a backorder waits").isEqualTo("PARTIALLY_DELIVERED");
        // the unknown code is recorded, not mapped, and reported; it changed nothing
        assertThat(rows("SELECT event_code, mapped_status, fulfilment_no FROM carrier_event WHERE mapped_status IS NULL"))
                .containsExactly("X9|null|" + fo("A") + "|");
        assertThat(report.lines()).anySatisfy(l -> assertThat(l).contains("unknown codes 1"));
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE mapped_status = 'IN_TRANSIT'")).isEqualTo(9);
        // explain shows the parcel and its events, the unknown code called out
        List<String> explained = explanation.explain(order("A"));
        assertThat(explained).as(String.join("\n", explained))
                .anySatisfy(l -> assertThat(l).contains(fo("A")).contains("SF SF" + p + "A").contains("DELIVERED"))
                .anySatisfy(l -> assertThat(l).contains("44").contains("OUT_FOR_DELIVERY"))
                .anySatisfy(l -> assertThat(l).contains("X9").contains("unknown code"));

        // report stalled: parcels in EXCEPTION and the code nobody mapped (everything happened days ago:
        // the parcels still on their way have had no news for 48 hours)
        TrackingReports.Report stalled = reports.stalled(48);
        assertThat(stalled.rows()).extracting(r -> r[0] + " " + r[1] + " " + r[3] + " " + r[5])
                .contains("EXCEPTION " + fo("B", "BJ") + " YTO EXCEPTION", "EXCEPTION " + fo("C") + " JD EXCEPTION")
                .noneMatch(r -> r.contains(fo("A")) || r.contains(fo("D")));
        assertThat(stalled.rows()).anySatisfy(r -> assertThat(r[0] + " " + r[3] + " " + r[9])
                .startsWith("UNKNOWN_CODE SF 1 event(s) with code 'X9'"));
        assertThat(stalled.file()).exists();

        // the last parcel of B delivered too: the order is delivered
        importOk("carrier-events", events("events-2.csv", List.of(event("YTO", "YT" + p + "B", "SIGNED", 14))));
        assertThat(parcel(fo("B", "BJ"))).isEqualTo("DELIVERED|null|" + utc(14) + "|" + utc(14));
        assertThat(orderStatus("B")).isEqualTo("DELIVERED");
    }

    /** Parcel scripts on one carrier each; {@code %s} is the tracking number, hours of 2026-11-22. */
    static final List<List<String[]>> SCRIPTS = List.of(
            List.of(ev("SF", "50", 8), ev("SF", "30", 9), ev("SF", "X1", 9), ev("SF", "70", 10), ev("SF", "31", 11),
                    ev("SF", "44", 12), ev("SF", "80", 13)),
            List.of(ev("ZTO", "收件", 8), ev("ZTO", "派件", 9), ev("ZTO", "问题件", 10), ev("ZTO", "到件", 11)),
            List.of(ev("YTO", "GOT", 8), ev("YTO", "FAILED", 9), ev("YTO", "ARRIVAL", 10), ev("YTO", "SENT_SCAN", 11)),
            List.of(ev("JD", "100", 8), ev("JD", "600", 9), ev("JD", "700", 10), ev("JD", "200", 11)),
            List.of(ev("KD100", "0", 8), ev("KD100", "5", 9), ev("KD100", "14", 10), ev("KD100", "3", 11),
                    ev("KD100", "1", 12)),
            List.of(ev("SF", "50", 8), ev("SF", "44", 9), ev("SF", "30", 10)),
            // both final statuses: the earlier in event time wins, whichever arrives first
            List.of(ev("JD", "100", 8), ev("JD", "700", 9), ev("JD", "500", 10)),
            List.of(ev("YTO", "GOT", 8), ev("YTO", "SIGNED", 9), ev("YTO", "RETURNED", 10)));

    /** Where each script ends: status, exception_from, delivered_at, last_event_at. */
    static final List<String> SCRIPT_ENDS = List.of(
            "DELIVERED|null|" + utc(13) + "|" + utc(13),
            "EXCEPTION|OUT_FOR_DELIVERY|null|" + utc(11),
            "OUT_FOR_DELIVERY|null|null|" + utc(11),
            "RETURNED|null|null|" + utc(11),
            "DELIVERED|null|" + utc(11) + "|" + utc(12),
            "OUT_FOR_DELIVERY|null|null|" + utc(10),
            "RETURNED|null|null|" + utc(10),
            "DELIVERED|null|" + utc(9) + "|" + utc(10));

    static String[] ev(String carrier, String code, int hour) {
        return new String[] {carrier, code, Integer.toString(hour)};
    }

    @Test
    void theSameEventsArrivingInAnyOrderAndAnyFilesEndAlike() throws Exception {
        int groups = 5;
        List<String> specs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int s = 0; s < SCRIPTS.size(); s++) {
                specs.add("G" + g + "S" + s + ":S1x1");
            }
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> all = specs.stream().map(spec -> fo(spec.substring(0, spec.indexOf(':')))).toList();
        pick(all);
        List<String> manifest = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int s = 0; s < SCRIPTS.size(); s++) {
                manifest.add(shipRow(fo("G" + g + "S" + s), SCRIPTS.get(s).get(0)[0], tracking(g, s)));
            }
        }
        importOk("manifests", manifest("manifest.csv", manifest.toArray(String[]::new)));

        Random random = new Random(20261122);
        int distinct = 0;
        for (int g = 0; g < groups; g++) {
            List<String> rows = new ArrayList<>();
            for (int s = 0; s < SCRIPTS.size(); s++) {
                for (String[] e : SCRIPTS.get(s)) {
                    rows.add(event(e[0], tracking(g, s), e[1], Integer.parseInt(e[2])));
                }
            }
            distinct += rows.size();
            // carriers repeat themselves: some events twice, in the same file or another
            for (int d = 0; d < g; d++) {
                rows.add(rows.get(random.nextInt(rows.size())));
            }
            Collections.shuffle(rows, random);
            int files = g + 1;
            for (int f = 0; f < files; f++) {
                List<String> part = rows.subList(rows.size() * f / files, rows.size() * (f + 1) / files);
                importOk("carrier-events", events("events-g" + g + "-" + f + ".csv", part));
            }
        }

        assertThat(count("SELECT COUNT(*) FROM carrier_event")).as("each event recorded once").isEqualTo(distinct);
        for (int g = 0; g < groups; g++) {
            List<String> ends = new ArrayList<>();
            for (int s = 0; s < SCRIPTS.size(); s++) {
                ends.add(parcel(fo("G" + g + "S" + s)));
            }
            assertThat(ends).as("group " + g).isEqualTo(SCRIPT_ENDS);
        }
        assertThat(count("SELECT COUNT(*) FROM waiting_parcel")).isZero();
    }

    private String tracking(int group, int script) {
        return SCRIPTS.get(script).get(0)[0] + prefix + "G" + group + "S" + script;
    }

    @Test
    void aRepeatedEventIsRecordedOnceAndChangesNothingTheSecondTime() throws Exception {
        orders("A:S1x1");
        splitAndWave();
        pick(List.of(fo("A")));
        String t = "SF" + prefix + "A";
        ship(fo("A"), "SF", t);
        String inTransit = event("SF", t, "50", 8);
        // the same instant written in UTC is the same event
        String sameInUtc = "SF," + t + ",50,2026-11-22T00:00:00Z,上海,again";

        ImportReport first = importOk("carrier-events", events("e1.csv", List.of(inTransit, inTransit, sameInUtc,
                event("SF", t, "44", 9))));
        assertThat(first.applied()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE tracking_no = ?", t)).isEqualTo(2);
        List<String> before = rows("SELECT status, last_event_at FROM fulfilment_order",
                "SELECT event_code, event_time, job_execution_id FROM carrier_event ORDER BY event_id");

        ImportReport second = importOk("carrier-events", events("e2.csv", List.of(event("SF", t, "44", 9), inTransit)));
        assertThat(second.applied()).isZero();
        assertThat(rows("SELECT status, last_event_at FROM fulfilment_order",
                "SELECT event_code, event_time, job_execution_id FROM carrier_event ORDER BY event_id")).isEqualTo(before);
        assertThat(status(fo("A"))).isEqualTo("OUT_FOR_DELIVERY");
    }

    /**
     * Carriers send events twice, and two imports (the inbox and an operator, or two operators) may run
     * at once: the same event arriving in two files imported at the same moment is recorded once, and
     * both imports succeed. Here the first import holds its chunk uncommitted while the second runs.
     */
    @Test
    void theSameEventInTwoFilesImportedAtOnceIsRecordedOnce() throws Exception {
        String t = "SF" + prefix + "NOTYET";
        Path first = events("first.csv", List.of(event("SF", t, "50", 8)));
        Path second = events("second.csv", List.of(event("SF", t, "50", 8), event("SF", t, "44", 9)));
        List<ImportReport> reports = importWhileTheFirstHoldsAChunk("carrier-events", first, second);
        ImportReport one = reports.get(0);
        ImportReport two = reports.get(1);

        assertThat(one.ok()).as(one.lines().toString()).isTrue();
        assertThat(two.ok()).as(two.lines().toString()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE tracking_no = ?", t)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM waiting_parcel WHERE tracking_no = ?", t)).isEqualTo(1);
    }

    @Test
    void eventsOfAParcelNotShippedYetWaitForItsManifest() throws Exception {
        orders("A:S1x2", "B:S1x1");
        splitAndWave();
        pick(List.of(fo("A"), fo("B")));
        String a = "ZT" + prefix + "A";
        String b = "SF" + prefix + "B";

        ImportReport early = importOk("carrier-events", events("early.csv", List.of(event("ZTO", a, "收件", 8),
                event("ZTO", a, "派件", 10), event("SF", b, "50", 8), event("SF", b, "80", 9))));

        assertThat(early.counts()).containsEntry("waiting for a manifest", 4L);
        assertThat(rows("SELECT carrier_code, tracking_no FROM waiting_parcel ORDER BY tracking_no"))
                .containsExactlyInAnyOrder("ZTO|" + a + "|", "SF|" + b + "|");
        assertThat(jdbc.queryForList("SELECT first_event_at FROM waiting_parcel", LocalDateTime.class))
                .containsOnly(utc(8));
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE fulfilment_no IS NULL")).isEqualTo(4);
        assertThat(status(fo("A"))).isEqualTo("PICKED");

        ship(fo("A"), "ZTO", a);

        assertThat(parcel(fo("A"))).as("its waiting events applied with the manifest")
                .isEqualTo("OUT_FOR_DELIVERY|null|null|" + utc(10));
        assertThat(count("SELECT COUNT(*) FROM carrier_event WHERE tracking_no = ? AND fulfilment_no = ?", a, fo("A")))
                .isEqualTo(2);
        assertThat(rows("SELECT tracking_no FROM waiting_parcel")).containsExactly(b + "|");
        assertThat(reports.stalled(48).rows()).anySatisfy(r -> assertThat(r[0] + " " + r[3] + " " + r[4] + " " + r[9])
                .isEqualTo("WAITING SF " + b + " 2 event(s) for a tracking number no manifest has shipped"));
        assertThat(orderStatus("A")).isEqualTo("SHIPPED");

        ship(fo("B"), "SF", b);
        assertThat(parcel(fo("B"))).isEqualTo("DELIVERED|null|" + utc(9) + "|" + utc(9));
        assertThat(orderStatus("B")).isEqualTo("DELIVERED");
        assertThat(count("SELECT COUNT(*) FROM waiting_parcel")).isZero();
        // and later news moves it on as usual
        importOk("carrier-events", events("later.csv", List.of(event("ZTO", a, "签收", 15))));
        assertThat(parcel(fo("A"))).isEqualTo("DELIVERED|null|" + utc(15) + "|" + utc(15));
        assertThat(orderStatus("A")).isEqualTo("DELIVERED");
    }

    @Test
    void badEventRowsAreRejectedWithLineColumnAndReason() throws Exception {
        orders("A:S1x1");
        splitAndWave();
        pick(List.of(fo("A")));
        String t = "SF" + prefix + "A";
        ship(fo("A"), "SF", t);
        Path file = events("bad.csv", List.of(event("SF", t, "50", 8),
                event("DHL", t, "50", 8),
                event("SF", "", "50", 8),
                "SF," + t + ",44,yesterday,,",
                "SF," + t + ",44,2099-01-01T00:00:00+08:00,,",
                event("SF", t, "", 9)));
        ImportReport report = imports.importFile("carrier-events", file, false);
        assertThat(report.ok()).isFalse();
        assertThat(report.rejects()).extracting(e -> e.line() + " " + e.column())
                .containsExactly("3 carrier_code", "4 tracking_no", "5 event_time", "6 event_time", "7 event_code");
        assertThat(report.rejects().get(0).reason()).contains("unknown carrier");
        assertThat(report.rejects().get(3).reason()).contains("in the future");
        assertThat(count("SELECT COUNT(*) FROM carrier_event")).as("nothing applied").isZero();
        assertThat(status(fo("A"))).isEqualTo("SHIPPED");

        ImportReport partial = imports.importFile("carrier-events", file, true);
        assertThat(partial.completed()).isTrue();
        assertThat(partial.applied()).isEqualTo(1);
        assertThat(status(fo("A"))).isEqualTo("IN_TRANSIT");
        assertInvariants();

        // a code the mapping does not know: recorded, reported, and the parcel does not move
        String before = parcel(fo("A"));
        ImportReport unknown = importOk("carrier-events", events("unknown.csv", List.of(event("SF", t, "81", 10))));
        assertThat(unknown.applied()).isEqualTo(1);
        assertThat(unknown.counts()).containsEntry("unknown codes", 1L);
        assertThat(parcel(fo("A"))).isEqualTo(before);
        assertThat(rows("SELECT mapped_status, fulfilment_no FROM carrier_event WHERE event_code = '81'"))
                .containsExactly("null|" + fo("A") + "|");
    }

    @Test
    void aFileWithAColumnTheGroupedCopyReservesIsRejectedNamingIt() throws Exception {
        Path file = write(tmp.resolve("reserved.csv"), "carrier_code,tracking_no,event_code,event_time,__line",
                "SF,SF" + prefix + "X,50,2026-11-21T08:00:00+08:00,7");

        ImportReport report = imports.importFile("carrier-events", file, true);

        assertThat(report.ok()).isFalse();
        assertThat(report.rejects()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("__line");
            assertThat(e.reason()).contains("reserved");
        });
        assertThat(count("SELECT COUNT(*) FROM carrier_event")).isZero();
    }

    @Test
    void anImportThatFailedPartWayIsRestartedFromTheRepositoryAndAppliesNoEventTwice() throws Exception {
        List<String> specs = new ArrayList<>();
        for (int s = 0; s < SCRIPTS.size(); s++) {
            specs.add("R" + s + ":S1x1");
        }
        orders(specs.toArray(String[]::new));
        splitAndWave();
        List<String> fos = new ArrayList<>();
        List<String> manifest = new ArrayList<>();
        for (int s = 0; s < SCRIPTS.size(); s++) {
            fos.add(fo("R" + s));
            manifest.add(shipRow(fo("R" + s), SCRIPTS.get(s).get(0)[0], SCRIPTS.get(s).get(0)[0] + prefix + "R" + s));
        }
        pick(fos);
        importOk("manifests", manifest("manifest.csv", manifest.toArray(String[]::new)));
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < SCRIPTS.size(); s++) {
            for (String[] e : SCRIPTS.get(s)) {
                rows.add(event(e[0], SCRIPTS.get(s).get(0)[0] + prefix + "R" + s, e[1], Integer.parseInt(e[2])));
            }
        }
        Collections.shuffle(rows, new Random(5));
        rows.add(rows.get(3));
        Path file = events("events.csv", rows);
        failingImport.seen.set(0);
        failingImport.failAt.set(3);

        ImportReport failed = imports.importFile("carrier-events", file, false);

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("injected fault");
        // rows are applied grouped by parcel, so the repeated event lies beside its first copy: when that
        // parcel is among the first ten rows, they hold nine events
        assertThat(count("SELECT COUNT(*) FROM carrier_event")).as("two chunks of five committed").isBetween(9L, 10L);
        Path groupedCopy = roots.workFile("import-carrier-events-" + restartedInstance(failed) + ".csv");
        assertThat(groupedCopy).as("the grouped copy of the failed run is kept").exists();
        assertInvariants();

        JobExecution restarted = jobs.restart(failed.executionId(), false);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getId()).isEqualTo(restartedInstance(failed));
        assertThat(count("SELECT COUNT(*) FROM carrier_event")).as("each event once").isEqualTo(rows.size() - 1);
        assertThat(groupedCopy).as("read to the end, the grouped copy is deleted").doesNotExist();
        List<String> ends = new ArrayList<>();
        for (int s = 0; s < SCRIPTS.size(); s++) {
            ends.add(parcel(fo("R" + s)));
        }
        assertThat(ends).isEqualTo(SCRIPT_ENDS);
        assertInvariants();
        ImportReport again = imports.importFile("carrier-events", file, false);
        assertThat(again.alreadyBy()).isEqualTo(restarted.getId());
        assertThat(again.applied()).as("counted over both executions").isEqualTo(rows.size() - 1);
    }

    private long restartedInstance(ImportReport failed) {
        return count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", failed.executionId());
    }

    /** status|exception_from|delivered_at|last_event_at of a fulfilment order. */
    protected String parcel(String fulfilmentNo) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT status, exception_from, delivered_at, last_event_at FROM fulfilment_order WHERE fulfilment_no = ?""",
                fulfilmentNo);
        return row.get("STATUS") + "|" + row.get("EXCEPTION_FROM") + "|" + time(fulfilmentNo, "delivered_at") + "|"
                + time(fulfilmentNo, "last_event_at");
    }

    private LocalDateTime time(String fulfilmentNo, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM fulfilment_order WHERE fulfilment_no = ?",
                LocalDateTime.class, fulfilmentNo);
    }
}
