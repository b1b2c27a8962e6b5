package io.fulfil.shipping;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The import-manifests job on embedded H2; chunks of 5 rows, in two partitions (MySQL's default; H2's is one). */
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:shipping;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000",
        "fulfil.import.chunk-size=5", "fulfil.import.partitions=2", "fulfil.split.chunk-size=5", "fulfil.cancel.chunk-size=3",
        "fulfil.inbox-dir=target/test-inbox-shipping-h2", "fulfil.outbox-dir=target/test-outbox-shipping-h2"})
class H2ManifestImportFunctionalTests extends ManifestImportFunctionalTests {
}
