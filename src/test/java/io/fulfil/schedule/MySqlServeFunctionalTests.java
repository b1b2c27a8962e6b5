package io.fulfil.schedule;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/** The scheduler on MySQL/MariaDB, two nodes on one database: runs when FULFIL_TEST_MYSQL_URL is set. */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = {FulfilApplication.class, TickJob.class}, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}",
        "fulfil.serve.enabled=true", "fulfil.schedules.dir=target/test-schedules-none",
        "fulfil.inbox-dir=target/test-inbox-serve-mysql", "fulfil.outbox-dir=target/test-outbox-serve-mysql"})
class MySqlServeFunctionalTests extends ServeFunctionalTests {
}
