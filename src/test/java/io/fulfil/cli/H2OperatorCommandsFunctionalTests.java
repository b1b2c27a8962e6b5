package io.fulfil.cli;

import io.fulfil.FulfilApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The operator's run commands on embedded H2. */
@SpringBootTest(classes = FulfilApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:operatorcommands;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000")
class H2OperatorCommandsFunctionalTests extends OperatorCommandsFunctionalTests {
}
