package io.fulfil.cli;

import io.fulfil.config.ServeOnlyAutoConfigurations;
import io.fulfil.schedule.BrokenScheduleException;
import io.fulfil.schedule.Schedule;
import io.fulfil.schedule.Serve;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the jobs on their schedules (jobs/schedules/*.properties, see jobs/serve.md) until",
                "SIGTERM or Ctrl-C, which stop the running jobs after their current chunk (STOPPED, restartable).",
                "Several serve processes on one MySQL database share the work: each fire runs once.",
                "Health and metrics: http://localhost:<fulfil.serve.port, 8081>/actuator/health, /actuator/prometheus."},
        footer = {"", "Example: FULFIL_SCHEDULE_SPLIT_CRON='0 * * * * ?' fulfil serve   (split every minute)"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        // handled here rather than in a shutdown hook: the jobs still need the database (whose own hook
        // would close it at once), and serve is to exit 0 once they have stopped. Taken before start-up,
        // so a signal while it starts stops serve as soon as it is up. A second signal ends it at once.
        sun.misc.SignalHandler handler = s -> {
            if (stop.getCount() == 0) {
                System.err.println("fulfil: serve: second signal, exiting without waiting for the running jobs");
                Runtime.getRuntime().exit(1);
            }
            stop.countDown();
        };
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
        AppContext.override(ServeOnlyAutoConfigurations.SERVE_ENABLED, true);
        AppContext.override("spring.main.web-application-type", "servlet");
        Serve serve = AppContext.bean(Serve.class);
        List<Schedule> schedules;
        try {
            schedules = serve.start();
        } catch (BrokenScheduleException e) {
            spec.commandLine().getErr().println("fulfil: " + e.getMessage());
            return 2;
        }
        long enabled = schedules.stream().filter(Schedule::enabled).count();
        System.out.println("serve: " + enabled + " of " + schedules.size() + " schedules enabled; health at http://localhost:"
                + AppContext.property("local.server.port", "?") + "/actuator/health; stop with SIGTERM or Ctrl-C");
        stop.await();
        System.out.println("serve: stopping; running jobs stop after their current chunk");
        serve.stop();
        System.out.println("serve: stopped");
        return 0;
    }
}
