package io.fulfil.report;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/** The daily-report job on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set (the shipping tests' context, shared). */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}",
        "fulfil.import.chunk-size=5", "fulfil.split.chunk-size=5", "fulfil.cancel.chunk-size=3",
        "fulfil.inbox-dir=target/test-inbox-shipping-mysql", "fulfil.outbox-dir=target/test-outbox-shipping-mysql"})
class MySqlDailyReportFunctionalTests extends DailyReportFunctionalTests {
}
