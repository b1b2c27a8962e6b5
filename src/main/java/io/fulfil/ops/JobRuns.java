package io.fulfil.ops;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recent job and step executions, read straight from Spring Batch's tables: the repository API has
 * no "latest N across jobs" or "by status" query (see shared notes), and one SQL query is cheaper.
 */
@Repository
public class JobRuns {

    private final JdbcClient jdbc;

    public JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Run(long executionId, long instanceId, String jobName, String status, String exitCode,
                      LocalDateTime started, LocalDateTime ended, String exitMessage) {
    }

    public record StepRun(String stepName, String status, long readCount, long writeCount, long commitCount,
                          long rollbackCount, LocalDateTime started, LocalDateTime ended, String exitMessage) {
    }

    public List<Run> recent(int limit, String status) {
        String where = status == null ? "" : " WHERE e.STATUS = :status";
        return jdbc.sql("""
                        SELECT e.JOB_EXECUTION_ID, i.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,
                               e.START_TIME, e.END_TIME, e.EXIT_MESSAGE
                          FROM BATCH_JOB_EXECUTION e
                          JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID""" + where + """

                         ORDER BY e.JOB_EXECUTION_ID DESC
                         LIMIT :limit""")
                .paramSource(status == null ? java.util.Map.of("limit", limit)
                        : java.util.Map.of("limit", limit, "status", status))
                .query((rs, i) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), time(rs.getTimestamp(6)), time(rs.getTimestamp(7)), rs.getString(8)))
                .list();
    }

    public List<StepRun> steps(long executionId) {
        return jdbc.sql("""
                        SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, COMMIT_COUNT, ROLLBACK_COUNT,
                               START_TIME, END_TIME, EXIT_MESSAGE
                          FROM BATCH_STEP_EXECUTION
                         WHERE JOB_EXECUTION_ID = :id
                         ORDER BY STEP_EXECUTION_ID""")
                .param("id", executionId)
                .query((rs, i) -> new StepRun(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), time(rs.getTimestamp(7)), time(rs.getTimestamp(8)),
                        rs.getString(9)))
                .list();
    }

    private static LocalDateTime time(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }
}
