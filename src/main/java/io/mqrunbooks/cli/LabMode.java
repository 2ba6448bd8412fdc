package io.mqrunbooks.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabOptions;
import io.mqrunbooks.lab.LabWiring;
import io.mqrunbooks.lab.control.LabControlServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * {@code lab [--data DIR] [--inventory FILE] [--ephemeral-ports] [--control-port N]}: starts the lab estate
 * alone, without Spring or the engine, with its control endpoint, writes the files an SSH client, Ansible or a
 * harness needs, and runs until killed.
 */
final class LabMode {

    static final String USAGE = "usage: lab [--data DIR] [--inventory FILE] [--ephemeral-ports] [--control-port N]\n"
            + "  --data DIR         data folder; the lab writes to DIR/lab/ (default ./data)\n"
            + "  --inventory FILE   the lab's inventory (default: the bundled lab/lab-estate.yaml)\n"
            + "  --ephemeral-ports  listen on free ports instead of the inventory's (see DIR/lab/inventory.yaml)\n"
            + "  --control-port N   the control endpoint's port (default: a free one, see DIR/lab/control-url)\n";
    static final String BUNDLED_INVENTORY = "lab/lab-estate.yaml";

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
    record Running(LabEstate lab, LabControlServer control) implements AutoCloseable {
        @Override
        public void close() {
            control.close();
            lab.close();
        }
    }

    /** @param controlPort the control endpoint's port, 0 for a free one */
    record Arguments(Path dataDir, Path inventory, boolean ephemeralPorts, int controlPort) {
    }

    private LabMode() {
    }

    static int run(String[] args) {
        quietLogging();
        return run(args, System.out, System.err, Wiring.standard(), LabMode::untilKilled);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Wiring wiring, Runner runner) {
        Arguments arguments;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.print(USAGE);
                return 0;
            }
            arguments = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("lab: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        LabEstate lab;
        LabControlServer control;
        try {
            Estate estate = wiring.inventoryLoader().apply(inventoryFile(arguments));
            LabOptions options = new LabOptions(arguments.ephemeralPorts(), LabOptions.DEFAULT_COMMAND_THREADS);
            LabCommandHandler handler = wiring.handler().apply(estate);
            lab = LabEstate.start(estate, handler, arguments.dataDir(), options);
            try {
                control = LabControlServer.start(lab, handler, arguments.controlPort());
            } catch (IOException | RuntimeException e) {
                lab.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            err.println("lab: " + e.getMessage());
            return 1;
        }
        try (Running running = new Running(lab, control)) {
            printWelcome(lab, control, out);
            runner.runUntilStopped(running);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static Arguments parse(String[] args) {
        Path dataDir = Path.of("data");
        Path inventory = null;
        boolean ephemeralPorts = false;
        int controlPort = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dataDir = Path.of(value(args, i++, "a directory"));
                case "--inventory" -> inventory = Path.of(value(args, i++, "a file"));
                case "--ephemeral-ports" -> ephemeralPorts = true;
                case "--control-port" -> controlPort = port(value(args, i++, "a port number"), "--control-port");
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("data folder '" + dataDir + "' is not a directory");
        }
        if (inventory != null && !Files.isRegularFile(inventory)) {
            throw new IllegalArgumentException("inventory file '" + inventory + "' does not exist");
        }
        return new Arguments(dataDir, inventory, ephemeralPorts, controlPort);
    }

    private static int port(String value, String option) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(option + " needs a port number (1-65535), not '" + value + "'");
    }

    private static String value(String[] args, int i, String what) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs " + what);
        }
        return args[i + 1];
    }

    /** The given file, or the bundled inventory copied out of the jar for the loader, which reads files. */
    private static Path inventoryFile(Arguments arguments) throws IOException {
        if (arguments.inventory() != null) {
            return arguments.inventory();
        }
        try (InputStream in = LabMode.class.getClassLoader().getResourceAsStream(BUNDLED_INVENTORY)) {
            if (in == null) {
                throw new IOException("the bundled inventory " + BUNDLED_INVENTORY + " is missing from this build");
            }
            Path copy = Files.createTempFile("lab-estate-", ".yaml");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        }
    }

    private static void printWelcome(LabEstate lab, LabControlServer control, PrintStream out) {
        Estate estate = lab.effectiveEstate();
        Host first = estate.hosts().get(0);
        out.println("Lab estate: " + estate.hosts().size() + " hosts on " + LabEstate.LOOPBACK + ", SSH ports "
                + estate.hosts().stream().map(h -> h.name() + "=" + h.port()).toList());
        out.println("  inventory:   " + lab.inventoryFile());
        out.println("  known_hosts: " + lab.knownHostsFile());
        out.println("  client key:  " + lab.clientKeyFile());
        out.println("  ansible:     " + lab.ansibleInventoryFile());
        out.println("  journal:     " + lab.journalFile());
        out.println("  control:     " + control.url() + " (bearer token in " + control.tokenFile() + ")");
        out.println("Try: ssh -i " + lab.clientKeyFile() + " -o UserKnownHostsFile=" + lab.knownHostsFile()
                + " -p " + first.port() + " " + first.user() + "@" + LabEstate.LOOPBACK + " dspmq");
        out.println("     ansible -i " + lab.ansibleInventoryFile() + " all -m raw -a dspmq");
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    /** Without Spring Boot's logging set-up, logback would print SSHD's debug messages. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("org.apache.sshd").setLevel(Level.WARN);
        }
    }

    private static void untilKilled(Running running) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "lab-shutdown"));
        new CountDownLatch(1).await();
    }
}
