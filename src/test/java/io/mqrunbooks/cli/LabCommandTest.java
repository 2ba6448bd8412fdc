package io.mqrunbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabCommandHandler;
import io.mqrunbooks.lab.LabCommandHandler.LabExecution;
import io.mqrunbooks.lab.LabTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LabCommandHandler handler = (host, user, argv, stdin) -> new LabExecution(0, "ok\n", "");
    private final List<Path> loaded = new ArrayList<>();

    private int run(Estate estate, LabCommand.Runner runner, String... args) {
        LabCommand.Wiring wiring = new LabCommand.Wiring(file -> {
            loaded.add(file);
            return estate;
        }, e -> handler);
        return LabCommandRun.run(wiring, runner, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownOptionIsNamedWithTheUsage() {
        int exit = run(LabTestSupport.estate(), lab -> { }, "--port", "22");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).startsWith("lab: Unknown options: '--port', '22'\nUsage: mq-runbooks lab [-hV] ");
        assertThat(ParseCommandTest.flat(err())).contains("--control-port=N the control endpoint's port (default: a "
                + "free one, see DIR/lab/control-url)");
        assertThat(loaded).isEmpty();
    }

    @Test
    void optionWithoutItsValueIsRefused() {
        assertThat(run(LabTestSupport.estate(), lab -> { }, "--data")).isEqualTo(2);
        assertThat(err()).startsWith("lab: Missing required parameter for option '--data' (DIR)\n");
    }

    @Test
    void helpDescribesEveryOptionAndExitsZero() {
        assertThat(run(LabTestSupport.estate(), lab -> { }, "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: mq-runbooks lab [-hV] [--ephemeral-ports] [--control-port=N]")
                .contains("  2   bad argument\n");
        assertThat(ParseCommandTest.flat(help))
                .contains("--data=DIR data folder; the lab writes to DIR/lab/ (default: data)")
                .contains("--inventory=FILE the lab's inventory (default: the bundled lab/lab-estate.yaml)")
                .contains("--ephemeral-ports listen on free ports instead of the inventory's (see DIR/lab/inventory.yaml)");
        assertThat(loaded).isEmpty();
    }

    @Test
    void missingInventoryFileIsNamed() {
        Path missing = dir.resolve("nowhere.yaml");

        assertThat(run(LabTestSupport.estate(), lab -> { }, "--inventory", missing.toString())).isEqualTo(2);
        assertThat(err()).startsWith("lab: inventory file '" + missing + "' does not exist\n");
    }

    @Test
    void dataFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "");

        assertThat(run(LabTestSupport.estate(), lab -> { }, "--data", file.toString())).isEqualTo(2);
        assertThat(err()).startsWith("lab: data folder '" + file + "' is not a directory\n");
    }

    @Test
    void inventoryErrorIsPrintedAsTheLoaderSaidIt() {
        LabCommand.Wiring wiring = new LabCommand.Wiring(file -> {
            throw new IllegalArgumentException("Inventory " + file + ": hosts[0].port: 0 is out of range (1-65535)");
        }, e -> handler);

        int exit = LabCommandRun.run(wiring, lab -> { }, new PrintStream(out), new PrintStream(err), "--data",
                dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).matches("lab: Inventory \\S+lab-estate-\\S+\\.yaml: hosts\\[0]\\.port: 0 is out of range \\(1-65535\\)\\n");
    }

    @Test
    void startsWithTheBundledInventoryWritesItsFilesAndPrintsHowToConnect() throws Exception {
        Path data = dir.resolve("data");
        AtomicReference<String> inventoryWhileRunning = new AtomicReference<>();

        int exit = run(LabTestSupport.estate(), running -> {
            try {
                inventoryWhileRunning.set(Files.readString(running.lab().inventoryFile()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "--data", data.toString(), "--ephemeral-ports");

        assertThat(exit).isZero();
        try (InputStream bundled = getClass().getClassLoader().getResourceAsStream("lab/lab-estate.yaml")) {
            assertThat(Files.readString(loaded.get(0))).isEqualTo(new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path lab = data.toAbsolutePath().resolve("lab");
        assertThat(inventoryWhileRunning.get()).contains("  - name: dr1\n    address: 127.0.0.1\n    port: ");
        assertThat(lab.resolve("known_hosts")).exists();
        assertThat(lab.resolve("ansible-inventory.ini")).exists();
        String printed = out.toString(StandardCharsets.UTF_8);
        int port = Integer.parseInt(printed.replaceAll("(?s).*\\[dr1=(\\d+),.*", "$1"));
        assertThat(printed).contains("  client key:  " + lab.resolve("client_ed25519") + "\n");
        assertThat(printed).contains("Try: ssh -i " + lab.resolve("client_ed25519") + " -o UserKnownHostsFile="
                + lab.resolve("known_hosts") + " -p " + port + " mqm@127.0.0.1 dspmq\n");
        assertThat(inventoryWhileRunning.get()).contains("port: " + port + "\n");
    }

    @Test
    void controlPortMustBeAPortNumber() {
        assertThat(run(LabTestSupport.estate(), lab -> { }, "--control-port", "70000")).isEqualTo(2);
        assertThat(err()).startsWith("lab: --control-port needs a port number (1-65535), not '70000'\n");
    }

    @Test
    void controlEndpointListensOnTheGivenPortOrSaysItIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int exit = run(LabTestSupport.estate(), lab -> { }, "--data", dir.toString(), "--ephemeral-ports",
                    "--control-port", Integer.toString(taken.getLocalPort()));

            assertThat(exit).isEqualTo(1);
            assertThat(err()).startsWith("lab: Lab control: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (");
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        AtomicReference<String> url = new AtomicReference<>();

        int exit = run(LabTestSupport.estate(), running -> {
            try {
                url.set(Files.readString(running.control().urlFile()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "--data", dir.toString(), "--ephemeral-ports", "--control-port", Integer.toString(free));

        assertThat(exit).isZero();
        assertThat(url.get()).isEqualTo("http://127.0.0.1:" + free + "/lab/control\n");
    }

    @Test
    void portAlreadyTakenIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Estate estate = LabTestSupport.estate();
            List<Host> hosts = new ArrayList<>(estate.hosts());
            Host dr1 = hosts.get(0);
            hosts.set(0, new Host(dr1.name(), dr1.address(), taken.getLocalPort(), dr1.user(), dr1.sudo(), dr1.site(),
                    dr1.replicationAddress()));
            Estate clashing = new Estate(estate.sites(), hosts, estate.queueManagers(), estate.clusters(),
                    estate.channelPartners());

            int exit = run(clashing, lab -> { }, "--data", dir.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err()).startsWith("lab: Lab host dr1: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (");
        }
    }
}
