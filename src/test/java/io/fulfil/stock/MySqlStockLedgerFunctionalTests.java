package io.fulfil.stock;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/** The stock ledger on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set (CI sets it). */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}"})
class MySqlStockLedgerFunctionalTests extends StockLedgerFunctionalTests {
}
