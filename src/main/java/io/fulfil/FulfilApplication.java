package io.fulfil;

import io.fulfil.cli.FulfilCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The fulfilment batch processor. {@code main} is the operator's command line
 * ({@code scripts/fulfil}); Spring starts only for commands that need the database.
 */
@SpringBootApplication
public class FulfilApplication {

    public static void main(String[] args) {
        System.exit(FulfilCommandLine.execute(args));
    }
}
