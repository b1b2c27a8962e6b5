package io.fulfil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.BindException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/fulfil}: the one entry point for operators (CONTRACT §6). Exit 0 on success; on
 * failure a one-line reason on stderr and a non-zero exit (1 for a failed command, 2 for a usage
 * error). Set FULFIL_DEBUG=1 to see stack traces.
 */
@Command(name = "fulfil", mixinStandardHelpOptions = true, version = "fulfil 0.1.0",
        description = "Order splitting and warehouse fulfilment batch processor.",
        subcommands = {LoadCommand.class, RunCommand.class, ImportCommand.class, RunsCommand.class, RestartCommand.class,
                StopCommand.class, AbandonCommand.class, ReconcileCommand.class,
                PickListCommand.class, ReportCommand.class, ExplainCommand.class, CheckCommand.class, ServeCommand.class, DemoCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Database: embedded H2 under FULFIL_DATA_DIR (default ./data), or MySQL with",
                "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD."})
public final class FulfilCommandLine implements Runnable {

    /** Commands that keep running and so start every bean at once, failing early rather than mid-way. */
    static final Set<String> EAGER_COMMANDS = Set.of("serve");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FulfilCommandLine());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (System.getenv("FULFIL_DEBUG") != null) {
                e.printStackTrace();
            } else if (AppContext.isRunning()) {
                // to the log file only (logback-spring.xml): this logger is not ours; a refusal needs no trace
                org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("fulfil.command");
                if (e instanceof io.fulfil.ops.RunRefusedException) {
                    log.info("fulfil {} refused: {}", String.join(" ", args), e.getMessage());
                } else {
                    log.error("fulfil {} failed", String.join(" ", args), e);
                }
            }
            String lostDatabase = LostDatabase.describe(e, AppContext.property("spring.datasource.url"),
                    io.fulfil.ops.RunLogContext.last());
            commandLine.getErr().println("fulfil: " + (lostDatabase != null ? lostDatabase : oneLine(e)));
            return 1;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("fulfil: " + e.getMessage() + " (try: " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return 2;
        });
        cli.setExecutionStrategy(parseResult -> {
            List<CommandLine> commands = parseResult.asCommandLineList();
            AppContext.lazy(commands.size() < 2 || !EAGER_COMMANDS.contains(commands.get(1).getCommandName()));
            return new CommandLine.RunLast().execute(parseResult);
        });
        try {
            return cli.execute(args);
        } finally {
            AppContext.close();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The most telling message of an exception chain, on one line: Spring's wrappers ("Error creating
     * bean…", "Failed to bind properties…") are skipped for the cause that says what is wrong, such
     * as a setting's name, value and allowed range.
     */
    static String oneLine(Throwable e) {
        Throwable t = e;
        String setting = "";
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || isSpringWrapper(t))) {
            if (t instanceof BindException bind && bind.getProperty() != null) {
                // a value that could not be converted: the reason alone ("For input string") names no key
                setting = "setting " + bind.getProperty().getName() + " = '" + bind.getProperty().getValue() + "': ";
            }
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return (setting + message).replaceAll("\\s+", " ").trim();
    }

    private static boolean isSpringWrapper(Throwable t) {
        return t instanceof org.springframework.beans.BeansException
                || t instanceof org.springframework.context.ApplicationContextException
                || t instanceof org.springframework.core.convert.ConversionException
                || t instanceof BindException;
    }
}
