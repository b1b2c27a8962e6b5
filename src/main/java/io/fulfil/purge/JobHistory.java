package io.fulfil.purge;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job repository's history as tables ({@code BATCH_*}, the same on H2 and MySQL), for purging it
 * set-based: Spring Batch's own {@code deleteJobInstance} goes execution by execution, step by step.
 *
 * <p>Only a job instance that can never run again is purged: every execution of it has ended before
 * the cutoff, none is still running, and its last execution is {@code COMPLETED} or {@code ABANDONED}
 * (a {@code FAILED} or {@code STOPPED} one may still be restarted, and its history is what a restart
 * resumes from).
 */
@Repository
public class JobHistory {

    private static final String PURGEABLE = """
            SELECT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i
             WHERE EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION last
                            WHERE last.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                              AND last.STATUS IN ('COMPLETED', 'ABANDONED')
                              AND last.JOB_EXECUTION_ID = (SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e
                                                            WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID))
               AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e
                                WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                                  AND (e.END_TIME IS NULL OR e.END_TIME >= :cutoff
                                       OR e.STATUS NOT IN ('COMPLETED', 'ABANDONED', 'FAILED', 'STOPPED')))
             ORDER BY i.JOB_INSTANCE_ID
             LIMIT :limit""";

    /** Executions of the given instances, for the child tables. */
    private static final String EXECUTIONS = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (:ids)";

    /** Children first: nothing is ever left pointing at a deleted row, even between two statements. */
    private static final List<String> DELETES = List.of("""
            DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (
                SELECT s.STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION s
                  JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                 WHERE e.JOB_INSTANCE_ID IN (:ids))""",
            "DELETE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (" + EXECUTIONS + ")",
            "DELETE FROM BATCH_JOB_EXECUTION_CONTEXT WHERE JOB_EXECUTION_ID IN (" + EXECUTIONS + ")",
            "DELETE FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID IN (" + EXECUTIONS + ")",
            "DELETE FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID IN (:ids)",
            "DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (:ids)");

    private final NamedParameterJdbcTemplate jdbc;

    public JobHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} job instances, oldest first, that may be purged (see the class comment). */
    public List<Long> purgeable(LocalDateTime cutoff, int limit) {
        return jdbc.queryForList(PURGEABLE, Map.of("cutoff", cutoff, "limit", limit), Long.class);
    }

    /** Deletes these job instances with their executions, steps, contexts and parameters, in the caller's transaction. */
    public void delete(List<Long> instanceIds) {
        if (instanceIds.isEmpty()) {
            return;
        }
        for (String delete : DELETES) {
            jdbc.update(delete, Map.of("ids", instanceIds));
        }
    }
}
