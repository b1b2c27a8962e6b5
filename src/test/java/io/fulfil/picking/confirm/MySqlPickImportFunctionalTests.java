package io.fulfil.picking.confirm;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/** The import-picks job on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set (see MySqlSplitJobFunctionalTests). */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}",
        "fulfil.import.chunk-size=5", "fulfil.inbox-dir=target/test-inbox-mysql"})
class MySqlPickImportFunctionalTests extends PickImportFunctionalTests {
}
