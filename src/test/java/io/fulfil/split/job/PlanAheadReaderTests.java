package io.fulfil.split.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The planning thread's failures reach the step, and the thread ends with the step. */
class PlanAheadReaderTests {

    /** A demand query that fails the way a lost database connection does. */
    static final class LostDemand extends JdbcTemplate {
        @Override
        public void query(String sql, RowCallbackHandler handler) {
            throw new DataAccessResourceFailureException("connection to the order database lost");
        }
    }

    @Test
    void aFailureOfThePlanningThreadFailsTheReadWithItsReason() {
        PlanAheadReader reader = new PlanAheadReader(new LostDemand(), null, null, 10);
        reader.open(new ExecutionContext());
        try {
            assertThatThrownBy(reader::read)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("planning the split failed: connection to the order database lost")
                    .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        } finally {
            reader.close();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("split-planning") && t.isAlive());
    }

    @Test
    void anEmptyDemandEndsTheReadingAtOnceAndStaysEnded() throws Exception {
        JdbcTemplate noDemand = new JdbcTemplate() {
            @Override
            public void query(String sql, RowCallbackHandler handler) {
                // no order to split
            }
        };
        PlanAheadReader reader = new PlanAheadReader(noDemand, null, null, 10);
        reader.open(new ExecutionContext());
        try {
            assertThat(reader.read()).isNull();
            assertThat(reader.read()).isNull();
        } finally {
            reader.close();
        }
    }

    @Test
    void aReaderOpenedAgainAfterAFailurePlansAgainRatherThanReportingTheDemandExhausted() {
        PlanAheadReader reader = new PlanAheadReader(new LostDemand(), null, null, 10);
        for (int opening = 1; opening <= 2; opening++) {
            reader.open(new ExecutionContext());
            try {
                assertThatThrownBy(reader::read)
                        .as("opening %d", opening)
                        .hasMessage("planning the split failed: connection to the order database lost");
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void anInterruptOfTheStepsThreadLeavesTheReadAsAnInterruptNotAsAPlanningFailure() throws Exception {
        CountDownLatch demandAnswers = new CountDownLatch(1);
        JdbcTemplate slowDemand = new JdbcTemplate() {
            @Override
            public void query(String sql, RowCallbackHandler handler) {
                try {
                    demandAnswers.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        PlanAheadReader reader = new PlanAheadReader(slowDemand, null, null, 10);
        reader.open(new ExecutionContext());
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(reader::read).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
            demandAnswers.countDown();
            reader.close();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("split-planning") && t.isAlive());
    }
}
