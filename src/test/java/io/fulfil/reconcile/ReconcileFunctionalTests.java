package io.fulfil.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.shipping.ShippingFlowTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

/**
 * The reconcile job (CONTRACT §5, §10) on a small shop split by the real job, with counters and money
 * tampered with behind the ledger's back: found and reported, the stock counter repaired through the
 * ledger, and a run after the rest is put right finds nothing.
 */
abstract class ReconcileFunctionalTests extends ShippingFlowTests {

    @Test
    void tamperedCountersAndMoneyAreFoundRepairedThroughTheLedgerAndASecondRunIsClean() throws Exception {
        orders("A:S1x2", "B:S2x1,S4x1");
        run("split");
        jdbc.update("UPDATE stock SET allocated = allocated + 5 WHERE warehouse_code = 'SH' AND sku_code = 'S1'");
        jdbc.update("UPDATE stock SET on_hand = on_hand - 1 WHERE warehouse_code = 'SH' AND sku_code = 'S3'");
        jdbc.update("UPDATE fulfilment_line SET paid_amount = paid_amount + 0.01 WHERE order_no = ?", order("A"));

        JobExecution check = reconcile(Map.of());
        assertThat(check.getExitStatus().getExitCode()).isEqualTo(ReconcileJobConfiguration.DIFFERENCES);
        assertThat(check.getExecutionContext().getInt(ReconcileJobConfiguration.REPAIRED_KEY)).isZero();
        String report = report(check);
        assertThat(report).contains("stock,SH,S1,1000,7,2,1000,no,allocated 7 but open fulfilment lines hold 2")
                .contains("stock,SH,S3,999,0,0,1000,no,on_hand 999 but the ledger's movements add up to 1000")
                .contains("order money = fulfilment lines + backorders").contains(order("A"));
        assertThat(stock("SH", "S1")).as("without --repair nothing changes").containsExactly(1000, 7);

        JobExecution repair = reconcile(Map.of("repair", "true"));
        assertThat(repair.getExitStatus().getExitCode()).isEqualTo(ReconcileJobConfiguration.DIFFERENCES);
        assertThat(repair.getExecutionContext().getInt(ReconcileJobConfiguration.REPAIRED_KEY)).isEqualTo(1);
        assertThat(report(repair)).contains("stock,SH,S1,1000,7,2,1000,yes,");
        assertThat(stock("SH", "S1")).containsExactly(1000, 2);
        assertThat(stock("SH", "S3")).as("on_hand is never reset: a count must say what is on the shelf")
                .containsExactly(999, 0);
        assertThat(rows("SELECT warehouse_code, sku_code, kind, on_hand_change, allocated_change, job_execution_id"
                + " FROM stock_movement WHERE kind = 'RECONCILE'")).containsExactly("SH|S1|RECONCILE|0|-5|" + repair.getId() + "|");

        jdbc.update("UPDATE stock SET on_hand = on_hand + 1 WHERE warehouse_code = 'SH' AND sku_code = 'S3'");
        jdbc.update("UPDATE fulfilment_line SET paid_amount = paid_amount - 0.01 WHERE order_no = ?", order("A"));
        JobExecution clean = reconcile(Map.of("repair", "true"));
        assertThat(clean.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(clean.getExecutionContext().getInt(ReconcileJobConfiguration.FOUND_KEY)).isZero();
        assertThat(report(clean).lines().count()).as("header only").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'RECONCILE'")).isEqualTo(1);
        assertInvariants();
    }

    @Test
    void anUnknownParameterOrValueIsRefusedNamingIt() {
        assertThatThrownBy(() -> jobs.start("reconcile", Map.of("repiar", "true")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("repiar");
        assertThatThrownBy(() -> jobs.start("reconcile", Map.of("repair", "yes")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("repair").hasMessageContaining("yes");
    }

    private JobExecution reconcile(Map<String, String> parameters) throws Exception {
        JobExecution run = jobs.start("reconcile", parameters);
        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        return run;
    }

    private static String report(JobExecution run) throws Exception {
        return Files.readString(Path.of(run.getExecutionContext().getString(ReconcileJobConfiguration.REPORT_KEY)),
                StandardCharsets.UTF_8).replace("\r", "");
    }
}
