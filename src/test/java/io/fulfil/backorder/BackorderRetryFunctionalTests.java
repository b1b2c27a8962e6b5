package io.fulfil.backorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.load.LoadReport;
import io.fulfil.shipping.ShippingFlowTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;

/**
 * backorder-retry serves open backorders once stock arrives, and nothing else: a paid order that was
 * never split waits for the split.
 */
abstract class BackorderRetryFunctionalTests extends ShippingFlowTests {

    @Test
    void servesOpenBackordersOnlyAndASecondRunChangesNothing() throws Exception {
        orders("B:S1x1,S5x2");
        run("split");
        assertThat(count("SELECT COUNT(*) FROM backorder WHERE order_no = ?", order("B"))).isEqualTo(1);
        orders("P:S1x1");
        Path counted = Files.createDirectories(tmp.resolve("count"));
        write(counted.resolve("stock.csv"), "warehouse_code,sku_code,on_hand,location_code", "SH,S5,10,A-03-01-1");
        LoadReport load = loader.load(counted);
        assertThat(load.hasErrors()).as(load.summary()).isFalse();

        JobExecution retry = run("backorder-retry");

        assertThat(count("SELECT COUNT(*) FROM backorder")).isZero();
        assertThat(rows("SELECT warehouse_code, status FROM fulfilment_order WHERE order_no = '" + order("B")
                + "' ORDER BY fulfilment_no")).containsExactly("SH|ALLOCATED|", "SH|ALLOCATED|");
        assertThat(stock("SH", "S5")).containsExactly(10, 2);
        assertThat(orderStatus("P")).as("a paid order waits for the split").isEqualTo("PAID");
        assertThat(orderStatus("B")).isEqualTo("ALLOCATED");
        assertThat(retry.getStepExecutions()).extracting(s -> s.getStepName() + " " + s.getWriteCount())
                .containsExactly("splitOrders 1");
        List<String> before = rows("SELECT fulfilment_no, status FROM fulfilment_order ORDER BY fulfilment_no");

        JobExecution again = run("backorder-retry");
        assertThat(again.getStepExecutions()).extracting(s -> s.getStepName() + " " + s.getWriteCount())
                .containsExactly("splitOrders 0");
        assertThat(rows("SELECT fulfilment_no, status FROM fulfilment_order ORDER BY fulfilment_no")).isEqualTo(before);

        run("split");
        assertThat(orderStatus("P")).as("the split itself still serves all the demand").isEqualTo("ALLOCATED");
    }

    @Test
    void anyParameterIsRefusedNamingIt() {
        assertThatThrownBy(() -> jobs.start("backorder-retry", Map.of("order", "X")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("order");
    }
}
