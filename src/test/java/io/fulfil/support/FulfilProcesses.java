package io.fulfil.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.FulfilApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command line in a JVM of its own, on an embedded H2 file database under a data directory, as
 * an operator runs it: for tests that kill a process part-way. Also reads that database afterwards.
 */
public final class FulfilProcesses {

    private FulfilProcesses() {
    }

    /**
     * The quick-starting compiler alone and the serial collector, as scripts/fulfil starts its short
     * commands: these processes handle a few thousand orders, where the optimising compiler costs more
     * CPU than it saves (waving 2,000 orders in 1,280 waves took 18 s with it and 10 s without, on 2
     * cores). Not for a run started to be killed: it must still be running when it first reports
     * progress, after three seconds.
     */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    /** A new data directory for a test class's file database, created once by the class. */
    public static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows an import's running apply has committed, summed over its steps of that name ({@code apply},
     * or {@code apply-partition:%} for its partitions), as the job repository records them.
     */
    public static String committedRows(String jobName, String stepNames) {
        return "SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s"
                + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"
                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME = '" + jobName + "' AND s.STEP_NAME LIKE '" + stepNames + "' AND s.STATUS = 'STARTED'";
    }

    /**
     * Kills a started process (SIGKILL) as soon as {@code committed} reads a positive count (read
     * through H2's auto server while it runs), four minutes at most. Its progress line, printed after
     * three seconds, came too late on a fast machine: the run had done everything by then.
     */
    public static void killOnceCommitted(Process process, Path log, java.util.function.LongSupplier committed)
            throws IOException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(4));
        while (committed.getAsLong() == 0) {
            assertThat(process.isAlive()).as("the run ended before it could be killed: "
                    + Files.readString(log, StandardCharsets.UTF_8)).isTrue();
            assertThat(java.time.Instant.now()).as("no chunk committed within four minutes").isBefore(deadline);
            Thread.sleep(5);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Runs a command to its end (five minutes at most). */
    public static Result run(Path dataDir, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(QUICK_START);
        options.addAll(jvmOptions);
        Process p = start(dataDir, options, args).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** A command ready to start, with its own data directory and no database, outbox or inbox from outside. */
    public static ProcessBuilder start(Path dataDir, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FulfilApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FULFIL_DATA_DIR", dataDir.toString());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("FULFIL_OUTBOX_DIR");
        builder.environment().remove("FULFIL_INBOX_DIR");
        return builder;
    }

    /** A copy of a data directory (database, outbox, inbox), without the lock file of a process that has it open. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    public static long count(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of every query, one string per row, for comparing two databases. */
    public static List<String> rows(Path dataDir, List<String> queries) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(dataDir); Statement s = c.createStatement()) {
            for (String sql : queries) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("fulfil") + ";AUTO_SERVER=TRUE", "sa", "");
    }
}
