package io.fulfil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.shipping.ShippingFlowTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

/**
 * The daily-report job over a small shop brought through split, wave, picks (2026-11-21 09:00 in
 * Shanghai), shipments (12:00 that day) and a delivery (2026-11-22 09:00): each figure counted on the
 * Shanghai day it happened.
 */
abstract class DailyReportFunctionalTests extends ShippingFlowTests {

    @Test
    void countsEachBusinessDaysFiguresAndWritesThemAsCsv() throws Exception {
        orders("A:S1x2", "B:S2x1,S4x1", "C:S1x1,S5x2");
        splitAndWave();
        pick(List.of(fo("A"), fo("B", "SH")));
        String p = prefix;
        ship(fo("A"), "SF", "SF" + p + "A", fo("B", "SH"), "SF", "SF" + p + "B");
        importOk("carrier-events", events("events.csv", List.of(event("SF", "SF" + p + "A", "80", 9))));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        assertThat(figures(today)).contains(
                "orders_split 3 7", "fulfilment_orders_created 4 5", "fulfilment_orders_waved 4 5",
                "backorder_lines 1 2", "pick_lines_picked 0 0", "fulfilment_orders_shipped 0 0");
        assertThat(figures("2026-11-21")).contains("orders_split 0 0", "pick_lines_picked 2 3", "pick_lines_short 0 0",
                "fulfilment_orders_shipped 2 3", "fulfilment_orders_delivered 0 0", "orders_on_hold_now 0 0",
                "parcels_stalled_now 1 0");
        assertThat(figures("2026-11-22")).contains("fulfilment_orders_shipped 0 0", "fulfilment_orders_delivered 1 2");

        JobExecution run = report("2026-11-21");
        Path file = Path.of(run.getExecutionContext().getString(DailyReportJobConfiguration.REPORT_KEY));
        assertThat(file.getFileName().toString()).isEqualTo("daily-2026-11-21.csv");
        assertThat(file.getParent().getFileName().toString()).isEqualTo("reports");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFFdate,time_zone,figure,count,units,meaning\r\n")
                .contains("2026-11-21,Asia/Shanghai,fulfilment_orders_shipped,2,3,");
    }

    @Test
    void anUnknownParameterOrABadDateIsRefusedNamingIt() {
        assertThatThrownBy(() -> jobs.start("daily-report", Map.of("day", "2026-11-21")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("day");
        assertThatThrownBy(() -> jobs.start("daily-report", Map.of("date", "2026-13-01")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("2026-13-01");
    }

    /** The day's figures as "name count units", read from the report the job wrote. */
    private List<String> figures(String date) throws Exception {
        Path file = Path.of(report(date).getExecutionContext().getString(DailyReportJobConfiguration.REPORT_KEY));
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.split(","))
                .map(cells -> cells[2] + " " + cells[3] + " " + cells[4]).toList();
    }

    private JobExecution report(String date) throws Exception {
        JobExecution run = jobs.start("daily-report", Map.of("date", date));
        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        return run;
    }
}
