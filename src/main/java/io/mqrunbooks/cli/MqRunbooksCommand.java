package io.mqrunbooks.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The jar's command line: {@code app} (the default: the engine app), {@code parse} and {@code lab}. A bad option
 * or argument exits 2 with one line naming it, prefixed by the command, and that command's usage.
 */
@Command(name = "mq-runbooks", mixinStandardHelpOptions = true, versionProvider = MqRunbooksCommand.Version.class,
        description = "IBM MQ runbooks as Camunda processes. Without a command, runs the app (as 'app').",
        subcommands = {AppCommand.class, ParseCommand.class, LabCommand.class, CommandLine.HelpCommand.class})
public final class MqRunbooksCommand implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the command line needs from outside; tests give their own streams and lab wiring. */
    public record Environment(InputStream stdin, PrintStream out, PrintStream err, LabCommand.Wiring labWiring,
                              LabCommand.Runner labRunner, Consumer<String[]> app) {

        /** The process's own streams and the real lab; {@code app} starts the engine app. */
        public static Environment system(Consumer<String[]> app) {
            return new Environment(System.in, System.out, System.err, null, null, app);
        }
    }

    /** True when the arguments name a command or ask for help; anything else goes to the app as before. */
    public static boolean handles(String[] args) {
        return args.length > 0
                && (TOP_LEVEL_OPTIONS.contains(args[0]) || commandLine(null).getSubcommands().containsKey(args[0]));
    }

    public static CommandLine commandLine(Environment environment) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (environment != null && type == ParseCommand.class) {
                    return type.cast(new ParseCommand(environment.stdin()));
                }
                if (environment != null && environment.labWiring() != null && type == LabCommand.class) {
                    return type.cast(new LabCommand(environment.labWiring(), environment.labRunner()));
                }
                if (environment != null && type == AppCommand.class) {
                    return type.cast(new AppCommand(environment.app()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new MqRunbooksCommand(), factory);
        // Spring Boot's own arguments (--server.port=8081) pass through 'app' untouched.
        cli.getSubcommands().get("app").setUnmatchedOptionsArePositionalParams(true);
        cli.setParameterExceptionHandler(MqRunbooksCommand::refuse);
        if (environment != null) {
            cli.setOut(new PrintWriter(environment.out(), true, StandardCharsets.UTF_8));
            cli.setErr(new PrintWriter(environment.err(), true, StandardCharsets.UTF_8));
        }
        return cli;
    }

    /** Runs the command line; the exit code is the command's. */
    public static int execute(Environment environment, String... args) {
        return commandLine(environment).execute(args);
    }

    /** One line naming what is wrong, prefixed by the command it was given to, then that command's usage. */
    private static int refuse(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + e.getMessage());
        command.usage(err);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The version Maven wrote into the jar's manifest; none when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MqRunbooksCommand.class.getPackage().getImplementationVersion();
            return new String[] {"mq-runbooks " + (version == null ? "(not built as a jar)" : version)};
        }
    }
}
