package io.mqrunbooks.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabOptions;
import io.mqrunbooks.lab.LabWiring;
import io.mqrunbooks.lab.control.LabControlWebServer;
import io.mqrunbooks.lab.mq.LabStateStore;
import io.mqrunbooks.lab.mq.SimulatedMqEstate;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lab [--data DIR] [--inventory FILE] [--ephemeral-ports] [--control-port N]}: starts the lab estate
 * alone, without the engine, with its control endpoint, writes the files an SSH client, Ansible or a
 * harness needs, and runs until killed. Exit 2 for a bad argument, 1 when the lab cannot start. Given a data folder
 * ({@code --data}), it keeps its state there across a restart ({@code DIR/lab/state.jsonl}, as the app's lab does).
 */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the lab estate alone (simulated IBM MQ over real SSH on 127.0.0.1) until stopped "
                + "(docs/lab-standalone.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (inventory refused, port in use)", "2:bad argument"})
final class LabCommand implements Callable<Integer> {

    static final String BUNDLED_INVENTORY = "lab/lab-estate.yaml";
    /**
     * What the standalone lab's state file names in place of a history database: it has none, so its record is its
     * own, and the app's lab does not replay it (nor this lab the app's).
     */
    static final String STANDALONE_HISTORY = "standalone lab";

    /** How the lab mode reaches the inventory loader and the simulated MQ installation. */
    record Wiring(Function<Path, Estate> inventoryLoader, Function<Estate, LabCommandHandler> handler) {
        static Wiring standard() {
            return new Wiring(LabWiring::loadInventory, estate -> LabWiring.simulatedMq(estate, Clock.systemUTC()));
        }
    }

    /** Keeps the lab running; the real one waits until the JVM is stopped. */
    interface Runner {
        void runUntilStopped(Running running) throws InterruptedException;
    }

    /** The running lab and its control endpoint, closed together (the endpoint first). */
    record Running(LabEstate lab, LabControlWebServer control) implements AutoCloseable {
        @Override
        public void close() {
            control.close();
            lab.close();
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data folder; the lab writes to DIR/lab/ (default: ${DEFAULT-VALUE}); given, the lab "
                    + "keeps its state there across a restart")
    Path dataDir;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "the lab's inventory (default: the bundled " + BUNDLED_INVENTORY + ")")
    Path inventory;

    @Option(names = "--ephemeral-ports",
            description = "listen on free ports instead of the inventory's (see DIR/lab/inventory.yaml)")
    boolean ephemeralPorts;

    @Option(names = "--control-port", paramLabel = "N",
            description = "the control endpoint's port (default: a free one, see DIR/lab/control-url)")
    Integer controlPort;

    private final Wiring wiring;
    private final Runner runner;
    private final boolean inItsOwnJvm;

    LabCommand() {
        this(Wiring.standard(), LabCommand::untilKilled, true);
    }

    LabCommand(Wiring wiring, Runner runner) {
        this(wiring, runner, false);
    }

    private LabCommand(Wiring wiring, Runner runner, boolean inItsOwnJvm) {
        this.wiring = wiring;
        this.runner = runner;
        this.inItsOwnJvm = inItsOwnJvm;
    }

    @Override
    public Integer call() {
        checkArguments();
        if (inItsOwnJvm) {
            quietLogging();
        }
        PrintWriter err = spec.commandLine().getErr();
        LabEstate lab;
        LabControlWebServer control;
        LabStateStore state = null;
        try {
            Estate estate = wiring.inventoryLoader().apply(inventoryFile());
            LabOptions options = new LabOptions(ephemeralPorts, LabOptions.DEFAULT_COMMAND_THREADS);
            LabCommandHandler handler = wiring.handler().apply(estate);
            lab = LabEstate.start(estate, handler, dataDir, options);
            try {
                if (spec.commandLine().getParseResult().hasMatchedOption("--data")
                        && handler instanceof SimulatedMqEstate mq) {
                    state = LabStateStore.open(lab.labDir().resolve("state.jsonl"), STANDALONE_HISTORY,
                            LabStateStore.fingerprint(estate.toString()), mq, lab.faults());
                }
                control = LabControlWebServer.start(lab, handler, controlPort == null ? 0 : controlPort);
            } catch (IOException | RuntimeException e) {
                lab.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            err.println("lab: " + e.getMessage());
            err.flush();
            return 1;
        }
        try (Running running = new Running(lab, control)) {
            printWelcome(lab, control, state, spec.commandLine().getOut());
            runner.runUntilStopped(running);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void checkArguments() {
        if (controlPort != null && (controlPort < 1 || controlPort > 65535)) {
            throw refused("--control-port needs a port number (1-65535), not '" + controlPort + "'");
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw refused("data folder '" + dataDir + "' is not a directory");
        }
        if (inventory != null && !Files.isRegularFile(inventory)) {
            throw refused("inventory file '" + inventory + "' does not exist");
        }
    }

    private CommandLine.ParameterException refused(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The given file, or the bundled inventory copied out of the jar for the loader, which reads files. */
    private Path inventoryFile() throws IOException {
        if (inventory != null) {
            return inventory;
        }
        try (InputStream in = LabCommand.class.getClassLoader().getResourceAsStream(BUNDLED_INVENTORY)) {
            if (in == null) {
                throw new IOException("the bundled inventory " + BUNDLED_INVENTORY + " is missing from this build");
            }
            Path copy = Files.createTempFile("lab-estate-", ".yaml");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    private static void printWelcome(LabEstate lab, LabControlWebServer control, LabStateStore state,
                                     PrintWriter out) {
        Estate estate = lab.effectiveEstate();
        Host first = estate.hosts().get(0);
        out.println("Lab estate: " + estate.hosts().size() + " hosts on " + LabEstate.LOOPBACK + ", SSH ports "
                + estate.hosts().stream().map(h -> h.name() + "=" + h.port()).toList());
        out.println("  inventory:   " + lab.inventoryFile());
        out.println("  known_hosts: " + lab.knownHostsFile());
        out.println("  client key:  " + lab.clientKeyFile());
        out.println("  ansible:     " + lab.ansibleInventoryFile());
        out.println("  journal:     " + lab.journalFile());
        out.println("  state:       " + (state == null ? "not kept across a restart (give --data DIR to keep it)"
                : lab.labDir().resolve("state.jsonl") + " (" + state.opening().reason() + ")"));
        out.println("  control:     " + control.url() + " (bearer token in " + control.tokenFile() + ")");
        out.println("Try: ssh -i " + lab.clientKeyFile() + " -o UserKnownHostsFile=" + lab.knownHostsFile()
                + " -p " + first.port() + " " + first.user() + "@" + LabEstate.LOOPBACK + " dspmq");
        out.println("     ansible -i " + lab.ansibleInventoryFile() + " all -m raw -a dspmq");
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    /** Tomcat logs through java.util.logging; a logger's level holds only while the logger is referenced. */
    private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");

    /** Without Spring Boot's logging set-up, logback would print SSHD's and the control endpoint's debug messages. */
    private static void quietLogging() {
        TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("org.apache.sshd").setLevel(Level.WARN);
            context.getLogger("org.springframework").setLevel(Level.WARN);
            context.getLogger("org.apache.catalina").setLevel(Level.WARN);
            context.getLogger("org.apache.coyote").setLevel(Level.WARN);
            context.getLogger("org.apache.tomcat").setLevel(Level.WARN);
            // a control port already taken is said in one line by the lab, not in Spring's report of a failed start
            context.getLogger("org.springframework.boot.SpringApplication").setLevel(Level.OFF);
            context.getLogger("org.springframework.boot.diagnostics").setLevel(Level.OFF);
        }
    }

    private static void untilKilled(Running running) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "lab-shutdown"));
        new CountDownLatch(1).await();
    }
}
