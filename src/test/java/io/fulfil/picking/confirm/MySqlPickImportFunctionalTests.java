package io.fulfil.picking.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfil.FulfilApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;

/** The import-picks job on MySQL/MariaDB: runs when FULFIL_TEST_MYSQL_URL is set (see MySqlSplitJobFunctionalTests). */
@EnabledIfEnvironmentVariable(named = "FULFIL_TEST_MYSQL_URL", matches = "jdbc:.+")
@SpringBootTest(classes = FulfilApplication.class, properties = {
        "spring.datasource.url=${FULFIL_TEST_MYSQL_URL}",
        "spring.datasource.username=${FULFIL_TEST_MYSQL_USERNAME:root}",
        "spring.datasource.password=${FULFIL_TEST_MYSQL_PASSWORD:}",
        "fulfil.import.chunk-size=5", "fulfil.inbox-dir=target/test-inbox-mysql"})
class MySqlPickImportFunctionalTests extends PickImportFunctionalTests {

    /**
     * What a shared MySQL database allows and embedded H2 does not: two operators (two processes, as
     * the command line runs them) import the same confirmation at the same moment. It is applied once.
     */
    @Test
    void twoProcessesImportingTheSameFileAtOnceApplyItOnce() throws Exception {
        Path file = waves.confirmation(tmp.resolve("two-processes.csv"), wave, l -> Math.max(0, quantity(l) - 1));
        int lines = waves.pickLines(wave).size();

        Process first = fulfil("import", "picks", file.toString());
        Process second = fulfil("import", "picks", file.toString());
        String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(first.waitFor(5, TimeUnit.MINUTES) && second.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(first.exitValue()).as(firstOut).isZero();
        assertThat(second.exitValue()).as(secondOut).isZero();
        assertThat(count("SELECT COUNT(*) FROM pick_confirmation WHERE wave_no = ?", wave))
                .isEqualTo(lines);
        assertThat(count("SELECT COUNT(DISTINCT job_execution_id) FROM pick_confirmation WHERE wave_no = ?", wave))
                .as("one execution applied every row").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM stock_movement WHERE kind = 'SHORT_PICK'"))
                .as("each short pick moved stock once")
                .isEqualTo(count("SELECT COUNT(*) FROM pick_line p JOIN pick_confirmation c ON c.wave_no = p.wave_no AND c.pick_seq = p.pick_seq WHERE c.picked_qty < p.quantity"));
        assertThat(invariants.check()).isEmpty();
    }

    private static Process fulfil(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfulfil.import.chunk-size=5", "-cp", System.getProperty("java.class.path"),
                FulfilApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", System.getenv("FULFIL_TEST_MYSQL_URL"));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", System.getenv().getOrDefault("FULFIL_TEST_MYSQL_USERNAME", "root"));
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", System.getenv().getOrDefault("FULFIL_TEST_MYSQL_PASSWORD", ""));
        return builder.start();
    }
}
