package io.fulfil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.ops.RunLogContext;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that went away reads as one line naming it, the run it interrupted and how to resume. */
class LostDatabaseTests {

    private static final CannotCreateTransactionException HIKARI_TIMED_OUT = new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction", new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=0)"));

    @Test
    void aRunInterruptedByALostDatabaseSaysWhichAndHowToResumeIt() {
        assertThat(LostDatabase.describe(HIKARI_TIMED_OUT, "jdbc:mysql://127.0.0.1:3306/fulfil?useSSL=false",
                new RunLogContext.Run("split", 12, BatchStatus.STARTED)))
                .isEqualTo("the database at 127.0.0.1:3306 went away while execution 12 (split) was running;"
                        + " when it is back: scripts/fulfil restart --force 12");
    }

    @Test
    void withoutARunItSaysTheDatabaseCannotBeReached() {
        assertThat(LostDatabase.describe(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLNonTransientConnectionException("Could not connect to address=(host=db)(port=3307)")),
                "jdbc:mariadb://db:3307/fulfil", null))
                .isEqualTo("the database at db:3307 cannot be reached: Could not connect to address=(host=db)(port=3307)");
    }

    @Test
    void otherFailuresAreLeftToTheirOwnMessage() {
        assertThat(LostDatabase.describe(new IllegalStateException("stock.csv line 3: bad quantity"),
                "jdbc:mysql://127.0.0.1/fulfil", new RunLogContext.Run("split", 12, BatchStatus.STARTED))).isNull();
    }

    @Test
    void theDatabaseIsNamedByWhereItIs() {
        assertThat(LostDatabase.where("jdbc:mysql://127.0.0.1/fulfil")).isEqualTo("at 127.0.0.1:3306");
        assertThat(LostDatabase.where("jdbc:h2:file:/srv/fulfil/data/fulfil;AUTO_SERVER=TRUE"))
                .isEqualTo("(embedded H2) at /srv/fulfil/data/fulfil");
    }
}
