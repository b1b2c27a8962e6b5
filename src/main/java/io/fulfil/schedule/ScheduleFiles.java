package io.fulfil.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reads the schedules operators keep in {@code jobs/schedules/*.properties} (jobs/serve.md) and applies
 * the settings {@code fulfil.schedule.<name>.cron} and {@code .enabled}. Anything it cannot use stops
 * start-up with one line naming the file or setting and the reason: a schedule that silently never
 * fires is worse than a scheduler that does not start.
 */
public final class ScheduleFiles {

    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> KEYS = Set.of("job", "cron", "time-zone", "parameters", "enabled", "misfire",
            "at-cut-offs");
    private static final Set<String> OVERRIDES = Set.of("cron", "enabled");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final String SETTING = "fulfil.schedule.";
    private static final String VARIABLE = "FULFIL_SCHEDULE_";

    private ScheduleFiles() {
    }

    /**
     * The schedules in {@code folder}, in name order.
     *
     * @param jobs the jobs this build has; an enabled schedule of another job is refused
     */
    public static List<Schedule> read(Path folder, Environment environment, Set<String> jobs) {
        if (!Files.isDirectory(folder)) {
            throw new BrokenScheduleException("no schedules folder " + folder + "; set fulfil.schedules.dir");
        }
        List<Schedule> schedules = new ArrayList<>();
        Binder binder = Binder.get(environment);
        for (Path file : files(folder)) {
            schedules.add(read(file, binder, jobs));
        }
        refuseUnknownOverrides(environment, schedules);
        return schedules;
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".properties")).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new BrokenScheduleException("cannot list the schedules folder " + folder + ": " + e.getMessage());
        }
    }

    static Schedule read(Path file, Binder binder, Set<String> jobs) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".properties".length());
        if (!NAME.matcher(name).matches()) {
            throw broken(file, "the name must be lower-case letters, digits and '-' (it names the schedule)");
        }
        Properties properties = load(file);
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw broken(file, "unknown key '" + unknown.iterator().next() + "'; the keys are: "
                    + String.join(", ", new TreeSet<>(KEYS)));
        }
        String job = value(properties, "job");
        if (job == null) {
            throw broken(file, "job is missing (e.g. job=split)");
        }
        String cronKey = file + ": cron";
        String cron = value(properties, "cron");
        String cronOverride = binder.bind(SETTING + name + ".cron", String.class).orElse(null);
        if (cronOverride != null && !cronOverride.isBlank()) {
            cron = cronOverride.strip();
            cronKey = "setting " + SETTING + name + ".cron";
        }
        if (cron == null) {
            throw broken(file, "cron is missing (e.g. cron=0 */5 * * * ?)");
        }
        try {
            CronExpression.validateExpression(cron);
        } catch (ParseException e) {
            throw new BrokenScheduleException(cronKey + " '" + cron + "' is not a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week, one of the days '?'): " + e.getMessage());
        }
        boolean enabled = bool(file + ": enabled", value(properties, "enabled"), true);
        String enabledOverride = binder.bind(SETTING + name + ".enabled", String.class).orElse(null);
        if (enabledOverride != null && !enabledOverride.isBlank()) {
            enabled = bool("setting " + SETTING + name + ".enabled", enabledOverride.strip(), true);
        }
        if (enabled && !jobs.contains(job)) {
            throw broken(file, "job '" + job + "' is not a job of this build; jobs: " + String.join(", ", new TreeSet<>(jobs)));
        }
        Schedule.Misfire misfire = Schedule.Misfire.FIRE_ONCE;
        if (value(properties, "misfire") != null) {
            misfire = Schedule.Misfire.of(value(properties, "misfire"));
            if (misfire == null) {
                throw broken(file, "misfire must be fire-once or skip, is '" + value(properties, "misfire") + "'");
            }
        }
        return new Schedule(name, file, job, cron, zone(file, value(properties, "time-zone")),
                parameters(file, value(properties, "parameters")), enabled, misfire,
                bool(file + ": at-cut-offs", value(properties, "at-cut-offs"), false));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw broken(file, "cannot be read: " + e.getMessage());
        }
        return properties;
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean bool(String key, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BrokenScheduleException(key + " must be true or false, is '" + value + "'");
        };
    }

    private static ZoneId zone(Path file, String value) {
        if (value == null) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw broken(file, "time-zone must be a zone such as Asia/Shanghai, is '" + value + "'");
        }
    }

    /** {@code key=value} pairs separated by spaces, as after {@code fulfil run <job>}. */
    private static Map<String, String> parameters(Path file, String value) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (value == null) {
            return parameters;
        }
        for (String pair : value.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw broken(file, "parameters: '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq);
            if (key.equals("run.id")) {
                throw broken(file, "parameters: run.id is set by the scheduler (the schedule and its fire time)");
            }
            parameters.put(key, pair.substring(eq + 1));
        }
        return parameters;
    }

    /**
     * A setting {@code fulfil.schedule.<name>.<key>} (or its environment variable) for a schedule that
     * has no file, or a key other than cron and enabled, is a typo that would otherwise be ignored.
     */
    private static void refuseUnknownOverrides(Environment environment, List<Schedule> schedules) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return;
        }
        Set<String> names = new TreeSet<>();
        schedules.forEach(s -> names.add(s.name()));
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String property : enumerable.getPropertyNames()) {
                String problem = null;
                if (property.startsWith(SETTING)) {
                    problem = overrideProblem(property.substring(SETTING.length()), ".", names);
                } else if (property.startsWith(VARIABLE)) {
                    problem = overrideProblem(property.substring(VARIABLE.length()), "_", names);
                }
                if (problem != null) {
                    throw new BrokenScheduleException("setting " + property + ": " + problem);
                }
            }
        }
    }

    private static String overrideProblem(String rest, String separator, Set<String> names) {
        int last = rest.lastIndexOf(separator);
        String key = last < 0 ? "" : rest.substring(last + 1).toLowerCase(Locale.ROOT);
        if (!OVERRIDES.contains(key)) {
            return "only cron and enabled can be set for a schedule";
        }
        String name = rest.substring(0, last);
        // compared as Spring's relaxed binding does: FULFIL_SCHEDULE_IMPORTPICKS_CRON is import-picks' cron
        boolean known = names.stream().anyMatch(n -> squeeze(n).equals(squeeze(name)));
        return known ? null : "there is no schedule '" + name + "' (schedules: " + String.join(", ", names) + ")";
    }

    private static String squeeze(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    private static BrokenScheduleException broken(Path file, String reason) {
        return new BrokenScheduleException(file + ": " + reason);
    }
}
