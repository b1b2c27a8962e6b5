package io.fulfil.picking.wave;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The wave job on embedded H2, as the demo runs it. */
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:wavejob;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
        "fulfil.outbox-dir=target/test-outbox/h2-wave",
        WaveJobFunctionalTests.PROPERTIES, WaveJobFunctionalTests.LINES, WaveJobFunctionalTests.CHUNK,
        WaveJobFunctionalTests.WH_DX, WaveJobFunctionalTests.GZ_BY})
class H2WaveJobFunctionalTests extends WaveJobFunctionalTests {
}
