package io.fulfil.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/fulfil}: the one entry point for operators (CONTRACT §6). Exit 0 on success; on
 * failure a one-line reason on stderr and a non-zero exit (1 for a failed command, 2 for a usage
 * error). Set FULFIL_DEBUG=1 to see stack traces.
 */
@Command(name = "fulfil", mixinStandardHelpOptions = true, version = "fulfil 0.1.0",
        description = "Order splitting and warehouse fulfilment batch processor.",
        subcommands = {LoadCommand.class, RunCommand.class, RunsCommand.class, RestartCommand.class,
                ExplainCommand.class, CheckCommand.class, DemoCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Database: embedded H2 under FULFIL_DATA_DIR (default ./data), or MySQL with",
                "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD."})
public final class FulfilCommandLine implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new FulfilCommandLine());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (System.getenv("FULFIL_DEBUG") != null) {
                e.printStackTrace();
            }
            commandLine.getErr().println("fulfil: " + oneLine(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("fulfil: " + e.getMessage() + " (try: " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return 2;
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

    /** The most telling message of an exception chain, on one line. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t instanceof org.springframework.beans.factory.BeanCreationException
                || t instanceof org.springframework.context.ApplicationContextException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
