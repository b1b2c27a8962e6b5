package io.fulfil.schedule;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The scheduler on embedded H2. */
@SpringBootTest(classes = {FulfilApplication.class, TickJob.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:serve;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
        "fulfil.serve.enabled=true", "fulfil.schedules.dir=target/test-schedules-none",
        "fulfil.inbox-dir=target/test-inbox-serve-h2", "fulfil.outbox-dir=target/test-outbox-serve-h2"})
class H2ServeFunctionalTests extends ServeFunctionalTests {
}
