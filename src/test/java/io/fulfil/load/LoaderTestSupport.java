package io.fulfil.load;

import io.fulfil.FulfilApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An empty in-memory H2 database per test (migrated by Flyway at start, emptied before each test) and
 * the fixture files under {@code src/test/resources/load/}, copied into a temporary directory so that
 * reject files are written there and never into the source tree.
 */
@SpringBootTest(classes = FulfilApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:loadtest;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
abstract class LoaderTestSupport {

    private static final List<String> TABLES = List.of("split_decision", "wave", "backorder", "fulfilment_line",
            "fulfilment_order", "order_line", "customer_order", "stock", "sku", "warehouse", "merchant");

    @Autowired
    ShopDataLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    /** Copies the CSV files of fixture {@code load/<name>} into {@code dir}. */
    static Path copyFixture(String name, Path dir) {
        try {
            Path source = Path.of(LoaderTestSupport.class.getResource("/load/" + name).toURI());
            return copyCsvFiles(source, dir);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyCsvFiles(Path source, Path dir) {
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(dir);
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadReport load(Path dir) {
        return loader.load(dir);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** Every row of a table in key order, for comparing the table before and after a load. */
    List<Map<String, Object>> rows(String table, String orderBy) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + orderBy);
    }

    static RowCounts counts(LoadReport report, String fileName) {
        return file(report, fileName).counts();
    }

    static FileReport file(LoadReport report, String fileName) {
        return report.file(fileName).orElseThrow(() -> new AssertionError(fileName + " not in report"));
    }
}
