package io.fulfil.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fulfil.support.csv.RejectFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's {@code sample-data/} directory (see its README): the whole set loads, loads again without
 * a change, and every {@code bad/} scenario is rejected at the line and column the README names.
 */
class SampleDataLoadTests extends LoaderTestSupport {

    private static final Path SAMPLE_DATA = Path.of("sample-data");
    private static final List<String> REFERENCE_FILES = List.of("merchants.csv", "warehouses.csv", "skus.csv",
            "stock.csv");

    @TempDir
    Path tmp;

    @BeforeEach
    void needsSampleData() {
        assumeTrue(Files.isRegularFile(SAMPLE_DATA.resolve("orders.csv")), "sample-data/ has not been generated");
    }

    @Test
    void loadsTheWholeSampleOnceAndThenFindsNothingToChange() {
        Path dir = copyCsvFiles(SAMPLE_DATA, tmp.resolve("sample"));

        LoadReport first = load(dir);

        assertThat(first.hasErrors()).as(first.summary()).isFalse();
        assertThat(first.files()).extracting(file -> file.fileName() + "=" + file.counts().inserted()).containsExactly(
                "merchants.csv=4", "warehouses.csv=6", "skus.csv=300", "stock.csv=678", "orders.csv=5000",
                "order_lines.csv=12647");
        var before = snapshot();

        LoadReport second = load(dir);

        assertThat(second.hasErrors()).as(second.summary()).isFalse();
        assertThat(second.files()).allSatisfy(file -> {
            assertThat(file.counts().changed()).as(file.fileName()).isZero();
            assertThat(file.counts().unchanged()).as(file.fileName()).isEqualTo(file.counts().read());
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE status = 'PENDING_PAYMENT'"
                + " AND paid_at IS NULL", Integer.class)).isEqualTo(4);
    }

    @Test
    void theRestockCountLoadsOverTheSample() {
        load(copyCsvFiles(SAMPLE_DATA, tmp.resolve("sample")));

        LoadReport report = load(copyCsvFiles(SAMPLE_DATA.resolve("restock"), tmp.resolve("restock")));

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(jdbc.queryForObject("SELECT on_hand FROM stock WHERE warehouse_code = 'SH-QP' AND sku_code = 'SKU00107'",
                Integer.class)).isEqualTo(2);
    }

    @ParameterizedTest(name = "bad/{0}: {1} line {2}, column {3}")
    @CsvSource(nullValues = "-", textBlock = """
            unknown-sku,       order_lines.csv, 3, sku_code
            bad-number,        stock.csv,       3, on_hand
            missing-column,    skus.csv,        1, temperature_zone
            bad-zone,          skus.csv,        3, temperature_zone
            unknown-merchant,  skus.csv,        3, merchant_code
            unknown-warehouse, stock.csv,       3, warehouse_code
            bad-quantity,      order_lines.csv, 3, quantity
            negative-money,    order_lines.csv, 3, unit_price
            bad-timestamp,     orders.csv,      2, paid_at
            bad-priority,      orders.csv,      2, priority
            """)
    void eachBadScenarioIsRejectedWhole(String scenario, String fileName, long line, String column) throws IOException {
        Path reference = Files.createDirectories(tmp.resolve("reference"));
        for (String file : REFERENCE_FILES) {
            Files.copy(SAMPLE_DATA.resolve(file), reference.resolve(file));
        }
        load(reference);
        var before = snapshot();
        Path dir = copyCsvFiles(SAMPLE_DATA.resolve("bad").resolve(scenario), tmp.resolve(scenario));

        LoadReport report = load(dir);

        FileReport file = file(report, fileName);
        assertThat(report.hasErrors()).isTrue();
        assertThat(file.outcome()).as(report.summary()).isEqualTo(FileReport.Outcome.REJECTED);
        assertThat(file.errors()).as(report.summary())
                .anySatisfy(error -> assertThat(error.line() + ":" + error.column()).isEqualTo(line + ":" + column));
        assertThat(RejectFile.pathFor(dir.resolve(fileName))).exists();
        assertThat(snapshot()).as("nothing of a rejected file (or of its order unit) is written").isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of("merchant", rows("merchant", "merchant_code"),
                "warehouse", rows("warehouse", "warehouse_code"),
                "sku", rows("sku", "sku_code"),
                "stock", rows("stock", "warehouse_code, sku_code"),
                "customer_order", rows("customer_order", "order_no"),
                "order_line", rows("order_line", "order_no, line_no"));
    }
}
