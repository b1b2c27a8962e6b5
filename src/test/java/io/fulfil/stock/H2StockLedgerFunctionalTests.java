package io.fulfil.stock;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The stock ledger on embedded H2. */
@SpringBootTest(classes = FulfilApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:stockledger;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
class H2StockLedgerFunctionalTests extends StockLedgerFunctionalTests {
}
