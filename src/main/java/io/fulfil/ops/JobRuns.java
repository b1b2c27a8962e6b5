package io.fulfil.ops;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Job and step executions, read straight from Spring Batch's tables: the repository API has no
 * "latest N across jobs" or "by status" query (see shared notes), and one SQL query is cheaper.
 * Times are as Spring Batch stores them: the local time of the process that ran the job.
 */
@Repository
public class JobRuns {

    private final JdbcClient jdbc;
    private final JobRepository jobRepository;

    public JobRuns(JdbcClient jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    public record Run(long executionId, long instanceId, String jobName, String status, String exitCode,
                      LocalDateTime started, LocalDateTime ended, String exitMessage) {

        /** What went wrong, for an operator: the first line of the exit message, and its root cause. */
        public Failure failure() {
            return Failure.of(exitMessage);
        }
    }

    public record StepRun(String stepName, String status, long readCount, long writeCount, long commitCount,
                          long rollbackCount, LocalDateTime started, LocalDateTime ended, String exitMessage,
                          String exitCode, long skipCount, long filterCount, Failure failure,
                          long stepExecutionId) {

        StepRun withFailure(Failure f) {
            return new StepRun(stepName, status, readCount, writeCount, commitCount, rollbackCount, started, ended,
                    exitMessage, exitCode, skipCount, filterCount, f, stepExecutionId);
        }
    }

    /**
     * Which executions to list: any of the criteria may be null. {@code since} and {@code until}
     * bound the start time (since inclusive, until exclusive).
     */
    public record Filter(String jobName, String status, LocalDateTime since, LocalDateTime until, int limit) {

        public static Filter latest(int limit) {
            return new Filter(null, null, null, null, limit);
        }
    }

    /**
     * A failure as Spring Batch keeps it (an exit description holding a stack trace) read back as an
     * operator wants it: the exception's message, and the deepest "Caused by" when there is one.
     */
    public record Failure(String message, String cause) {

        static Failure of(String exitMessage) {
            if (exitMessage == null || exitMessage.isBlank()) {
                return null;
            }
            List<String> lines = exitMessage.lines().map(String::strip).toList();
            String message = withoutPackage(lines.get(0));
            String cause = null;
            for (String line : lines) {
                if (line.startsWith("Caused by: ")) {
                    cause = withoutPackage(line.substring("Caused by: ".length()));
                }
            }
            return new Failure(message, cause);
        }

        /** "java.lang.IllegalStateException: x" reads "IllegalStateException: x". */
        private static String withoutPackage(String line) {
            return line.replaceFirst("^(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*(?:Exception|Error|Throwable)\\b)", "$1");
        }
    }

    /** The most recent executions, newest first (kept for callers that need no other filter). */
    public List<Run> recent(int limit, String status) {
        return find(new Filter(null, status, null, null, limit));
    }

    public List<Run> find(Filter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.jobName() != null) {
            where.add("i.JOB_NAME = :job");
            params.put("job", filter.jobName());
        }
        if (filter.status() != null) {
            where.add("e.STATUS = :status");
            params.put("status", filter.status());
        }
        if (filter.since() != null) {
            where.add("COALESCE(e.START_TIME, e.CREATE_TIME) >= :since");
            params.put("since", filter.since());
        }
        if (filter.until() != null) {
            where.add("COALESCE(e.START_TIME, e.CREATE_TIME) < :until");
            params.put("until", filter.until());
        }
        params.put("limit", filter.limit());
        return jdbc.sql(SELECT_RUN + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit")
                .params(params)
                .query((rs, i) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), time(rs.getTimestamp(6)), time(rs.getTimestamp(7)), rs.getString(8)))
                .list();
    }

    public Optional<Run> execution(long executionId) {
        return jdbc.sql(SELECT_RUN + " WHERE e.JOB_EXECUTION_ID = :id")
                .param("id", executionId)
                .query((rs, i) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), time(rs.getTimestamp(6)), time(rs.getTimestamp(7)), rs.getString(8)))
                .optional();
    }

    private static final String SELECT_RUN = """
            SELECT e.JOB_EXECUTION_ID, i.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,
                   e.START_TIME, e.END_TIME, e.EXIT_MESSAGE
              FROM BATCH_JOB_EXECUTION e
              JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID""";

    /**
     * An execution's steps in the order they ran. A failed step's failure is the one line its
     * {@link RunLogContext} kept, else what its (possibly cut) stack trace shows.
     */
    public List<StepRun> steps(long executionId) {
        Map<Long, Failure> kept = new HashMap<>();
        List<StepRun> steps = jdbc.sql("""
                        SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, COMMIT_COUNT, ROLLBACK_COUNT,
                               START_TIME, END_TIME, EXIT_MESSAGE, EXIT_CODE,
                               READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT, FILTER_COUNT, STEP_EXECUTION_ID
                          FROM BATCH_STEP_EXECUTION
                         WHERE JOB_EXECUTION_ID = :id
                         ORDER BY STEP_EXECUTION_ID""")
                .param("id", executionId)
                .query((rs, i) -> new StepRun(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), time(rs.getTimestamp(7)), time(rs.getTimestamp(8)),
                        rs.getString(9), rs.getString(10), rs.getLong(11), rs.getLong(12), null, rs.getLong(13)))
                .list();
        if (steps.stream().anyMatch(s -> s.exitMessage() != null && !s.exitMessage().isBlank())) {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            for (StepExecution step : execution == null ? List.<StepExecution>of() : execution.getStepExecutions()) {
                String message = step.getExecutionContext().getString(RunLogContext.FAILURE_MESSAGE, null);
                if (message != null) {
                    kept.put(step.getId(), new Failure(message,
                            step.getExecutionContext().getString(RunLogContext.FAILURE_CAUSE, null)));
                }
            }
        }
        return steps.stream().map(s -> s.withFailure(kept.getOrDefault(s.stepExecutionId(), Failure.of(s.exitMessage()))))
                .toList();
    }

    private static LocalDateTime time(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }
}
