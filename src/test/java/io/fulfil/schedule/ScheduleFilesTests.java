package io.fulfil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The schedule files operators edit, and the settings that override them: read, or refused in one line. */
class ScheduleFilesTests {

    private static final Set<String> JOBS = Set.of("split", "wave", "import-picks");

    @TempDir
    Path folder;

    @Test
    void aFileGivesItsJobCronZoneParametersAndMisfirePolicy() throws IOException {
        write("wave", "job=wave", "cron=0 */15 * * * ?", "time-zone=Europe/Paris", "misfire=skip",
                "parameters=requested.by=ops at-night=yes", "at-cut-offs=true");
        write("split", "job=split", "cron=0 */5 * * * ?");

        List<Schedule> schedules = ScheduleFiles.read(folder, new StandardEnvironment(), JOBS);

        assertThat(schedules).extracting(Schedule::name).containsExactly("split", "wave");
        Schedule wave = schedules.get(1);
        assertThat(wave.job()).isEqualTo("wave");
        assertThat(wave.cron()).isEqualTo("0 */15 * * * ?");
        assertThat(wave.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(wave.misfire()).isEqualTo(Schedule.Misfire.SKIP);
        assertThat(wave.parameters()).containsExactly(Map.entry("requested.by", "ops"), Map.entry("at-night", "yes"));
        assertThat(wave.atCutOffs()).isTrue();
        Schedule split = schedules.get(0);
        assertThat(split.enabled()).isTrue();
        assertThat(split.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(split.misfire()).isEqualTo(Schedule.Misfire.FIRE_ONCE);
    }

    @Test
    void settingsOverrideTheCronAndTurnAScheduleOff() throws IOException {
        write("split", "job=split", "cron=0 */5 * * * ?");
        write("import-picks", "job=import-picks", "cron=0 */2 * * * ?");

        List<Schedule> schedules = ScheduleFiles.read(folder, environment(Map.of(
                "fulfil.schedule.split.cron", "0 * * * * ?",
                // as an environment variable names it: FULFIL_SCHEDULE_IMPORTPICKS_ENABLED
                "fulfil.schedule.importpicks.enabled", "false")), JOBS);

        assertThat(schedules.get(1).cron()).isEqualTo("0 * * * * ?");
        assertThat(schedules.get(0).enabled()).isFalse();
    }

    @Test
    void aBadCronIsRefusedNamingTheFileOrTheSetting() throws IOException {
        write("split", "job=split", "cron=0 */5 * * *");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, new StandardEnvironment(), JOBS))
                .isInstanceOf(BrokenScheduleException.class)
                .hasMessageStartingWith(folder.resolve("split.properties") + ": cron '0 */5 * * *' is not a Quartz cron");

        write("split", "job=split", "cron=0 */5 * * * ?");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, environment(Map.of("fulfil.schedule.split.cron", "every 5")), JOBS))
                .hasMessageStartingWith("setting fulfil.schedule.split.cron 'every 5' is not a Quartz cron");
    }

    @Test
    void anUnknownKeyJobOrValueIsRefusedNamingTheFile() throws IOException {
        Path file = write("split", "job=split", "cron=0 */5 * * * ?", "cronn=0 * * * * ?");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, new StandardEnvironment(), JOBS))
                .hasMessageStartingWith(file + ": unknown key 'cronn'; the keys are: at-cut-offs, cron, enabled,");

        write("split", "job=splitt", "cron=0 */5 * * * ?");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, new StandardEnvironment(), JOBS))
                .hasMessage(file + ": job 'splitt' is not a job of this build; jobs: import-picks, split, wave");

        write("split", "job=split", "cron=0 */5 * * * ?", "misfire=later");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, new StandardEnvironment(), JOBS))
                .hasMessage(file + ": misfire must be fire-once or skip, is 'later'");

        write("split", "job=split", "cron=0 */5 * * * ?", "time-zone=Mars/Olympus");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, new StandardEnvironment(), JOBS))
                .hasMessage(file + ": time-zone must be a zone such as Asia/Shanghai, is 'Mars/Olympus'");
    }

    @Test
    void aDisabledScheduleMayNameAJobThisBuildLacks() throws IOException {
        write("reconcile", "job=reconcile", "cron=0 0 3 * * ?", "enabled=false");
        assertThat(ScheduleFiles.read(folder, new StandardEnvironment(), JOBS)).singleElement()
                .extracting(Schedule::enabled).isEqualTo(false);
    }

    @Test
    void anOverrideOfAScheduleThatDoesNotExistIsRefused() throws IOException {
        write("split", "job=split", "cron=0 */5 * * * ?");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, environment(Map.of("FULFIL_SCHEDULE_SPLITT_CRON", "0 * * * * ?")), JOBS))
                .hasMessage("setting FULFIL_SCHEDULE_SPLITT_CRON: there is no schedule 'SPLITT' (schedules: split)");
        assertThatThrownBy(() -> ScheduleFiles.read(folder, environment(Map.of("fulfil.schedule.split.zone", "UTC")), JOBS))
                .hasMessage("setting fulfil.schedule.split.zone: only cron and enabled can be set for a schedule");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(folder.resolve(name + ".properties"), List.of(lines));
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
