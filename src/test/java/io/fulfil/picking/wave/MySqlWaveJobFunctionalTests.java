package io.fulfil.picking.wave;

import io.fulfil.FulfilApplication;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The wave job on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set (see
 * {@code MySqlSplitJobFunctionalTests}).
 */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}",
        "fulfil.outbox-dir=target/test-outbox/mysql-wave",
        WaveJobFunctionalTests.PROPERTIES, WaveJobFunctionalTests.LINES, WaveJobFunctionalTests.CHUNK,
        WaveJobFunctionalTests.WH_DX, WaveJobFunctionalTests.GZ_BY})
class MySqlWaveJobFunctionalTests extends WaveJobFunctionalTests {
}
