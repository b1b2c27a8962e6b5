package io.fulfil.split.job;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The split job on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set, e.g.
 * {@code jdbc:mysql://127.0.0.1:3306/fulfil_test?createDatabaseIfNotExist=true} (user and password from
 * FULFIL_TEST_MYSQL_USERNAME / _PASSWORD, default root and empty). {@code .ci/run} sets it, so CI fails
 * if the database is unreachable.
 */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}"})
class MySqlSplitJobFunctionalTests extends SplitJobFunctionalTests {
}
