package io.fulfil.picking.confirm;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The import-picks job on embedded H2, as the demo runs it; chunks of 5 rows so a wave takes several. */
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:importpicks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
        "fulfil.import.chunk-size=5", "fulfil.inbox-dir=target/test-inbox-h2"})
class H2PickImportFunctionalTests extends PickImportFunctionalTests {
}
