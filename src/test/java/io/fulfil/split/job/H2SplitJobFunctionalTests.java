package io.fulfil.split.job;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The split job on embedded H2, as the demo runs it. */
@SpringBootTest(classes = FulfilApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:splitjob;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
class H2SplitJobFunctionalTests extends SplitJobFunctionalTests {
}
