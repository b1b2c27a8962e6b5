package io.fulfil.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfil.shipping.ShippingFlowTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.step.StepExecution;

/**
 * The purge-history job on real executions of a small job, some of them moved 40 days back in time
 * and into the statuses a purge must respect.
 */
abstract class PurgeHistoryFunctionalTests extends ShippingFlowTests {

    @Test
    void purgesOldFinishedInstancesAndKeepsRecentRestartableAndRunningOnes() throws Exception {
        long oldCompleted = aRun();
        long oldAbandoned = aRun();
        long recentCompleted = aRun();
        long oldFailed = aRun();
        long oldStopped = aRun();
        long oldRunning = aRun();
        LocalDateTime old = LocalDateTime.now().minusDays(40);
        for (long id : List.of(oldCompleted, oldAbandoned, oldFailed, oldStopped, oldRunning)) {
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET CREATE_TIME = ?, START_TIME = ?, END_TIME = ?, LAST_UPDATED = ?"
                    + " WHERE JOB_EXECUTION_ID = ?", old, old, old.plusMinutes(1), old.plusMinutes(1), id);
        }
        status(oldAbandoned, "ABANDONED");
        status(oldFailed, "FAILED");
        status(oldStopped, "STOPPED");
        status(oldRunning, "STARTED");
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET END_TIME = NULL WHERE JOB_EXECUTION_ID = ?", oldRunning);
        List<Long> removedSteps = jdbc.queryForList("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION"
                + " WHERE JOB_EXECUTION_ID IN (?, ?)", Long.class, oldCompleted, oldAbandoned);
        assertThat(removedSteps).hasSize(2);
        List<Long> removedInstances = jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION"
                + " WHERE JOB_EXECUTION_ID IN (?, ?)", Long.class, oldCompleted, oldAbandoned);
        // the grouped copy of an import file that a failed run keeps for its restart
        Path abandonedCopy = roots.workFile("import-carrier-events-" + instanceOf(oldAbandoned) + ".csv");
        Path failedCopy = roots.workFile("import-carrier-events-" + instanceOf(oldFailed) + ".csv");
        Files.writeString(abandonedCopy, "__group,__line\n");
        Files.writeString(failedCopy, "__group,__line\n");
        Path abandonedRun = abandonedCopy.resolveSibling(abandonedCopy.getFileName() + ".run0");
        Files.writeString(abandonedRun, "a sort cut short by a kill");

        JobExecution purge = purge(Map.of("keep-days", "30"));

        assertThat(existing(oldCompleted, oldAbandoned, recentCompleted, oldFailed, oldStopped, oldRunning))
                .containsExactlyInAnyOrder(recentCompleted, oldFailed, oldStopped, oldRunning);
        for (String table : List.of("BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_STEP_EXECUTION")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE JOB_EXECUTION_ID IN (?, ?)", oldCompleted,
                    oldAbandoned)).as(table).isZero();
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE JOB_EXECUTION_ID = ?", oldFailed)).as(table)
                    .isPositive();
        }
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (?, ?)",
                removedSteps.get(0), removedSteps.get(1))).isZero();
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (?, ?)",
                removedInstances.get(0), removedInstances.get(1))).as("their job instances are gone too").isZero();
        assertThat(written(purge)).isGreaterThanOrEqualTo(2);
        assertThat(abandonedCopy).as("the copy of an instance that can never run again").doesNotExist();
        assertThat(abandonedRun).as("and what its sort left").doesNotExist();
        assertThat(failedCopy).as("the copy of a restartable instance").exists();
        Files.delete(failedCopy);

        JobExecution again = purge(Map.of());
        assertThat(written(again)).as("a second run finds nothing more (the default keeps 30 days)").isZero();
        assertThat(existing(recentCompleted, oldFailed, oldStopped, oldRunning)).hasSize(4);
    }

    @Test
    void anUnknownParameterOrABadNumberOfDaysIsRefusedNamingIt() {
        assertThatThrownBy(() -> jobs.start("purge-history", Map.of("keep-day", "7")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("keep-day");
        assertThatThrownBy(() -> jobs.start("purge-history", Map.of("keep-days", "0")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("keep-days");
    }

    /** A small real job's execution: a report-only reconciliation of the (clean) shop. */
    private long aRun() throws Exception {
        JobExecution run = jobs.start("reconcile", Map.of());
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return run.getId();
    }

    private JobExecution purge(Map<String, String> parameters) throws Exception {
        JobExecution run = jobs.start("purge-history", parameters);
        assertThat(run.getStatus()).as(run.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
        return run;
    }

    private long instanceOf(long executionId) {
        return count("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId);
    }

    private void status(long executionId, String status) {
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = ?, EXIT_CODE = ? WHERE JOB_EXECUTION_ID = ?", status,
                status, executionId);
    }

    private List<Long> existing(Long... executionIds) {
        return List.of(executionIds).stream().filter(id -> count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.JOB_EXECUTION_ID = ?",
                id) == 1).toList();
    }

    private static long written(JobExecution run) {
        return run.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
    }
}
