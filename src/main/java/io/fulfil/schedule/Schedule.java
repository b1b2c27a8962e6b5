package io.fulfil.schedule;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * One schedule, as read from {@code jobs/schedules/<name>.properties} with the settings'
 * overrides applied (jobs/serve.md).
 *
 * @param name       the file's name without {@code .properties}
 * @param file       where it was read, for messages
 * @param job        the job it starts, e.g. {@code split}
 * @param cron       a Quartz cron expression (seconds first)
 * @param timeZone   the zone the cron expression is read in
 * @param parameters job parameters given to every run
 * @param enabled    false: no trigger
 * @param misfire    what to do with fires missed while no {@code serve} was running
 * @param atCutOffs  also fire at each warehouse's cut-off ({@code fulfil.wave.warehouses.<code>.cut-off})
 */
public record Schedule(String name, Path file, String job, String cron, ZoneId timeZone, Map<String, String> parameters,
                       boolean enabled, Misfire misfire, boolean atCutOffs) {

    /** Fires missed while no scheduler ran (longer than the misfire threshold, a minute). */
    public enum Misfire {
        /** run once as soon as a scheduler is back, then keep to the schedule */
        FIRE_ONCE("fire-once"),
        /** forget the missed fires; wait for the next one */
        SKIP("skip");

        final String word;

        Misfire(String word) {
            this.word = word;
        }

        static Misfire of(String word) {
            for (Misfire m : values()) {
                if (m.word.equals(word)) {
                    return m;
                }
            }
            return null;
        }
    }
}
