package io.mqrunbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabKeys;
import io.mqrunbooks.lab.LabTestSupport;
import io.mqrunbooks.lab.LabWiring;
import io.mqrunbooks.testsupport.LabControlClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone lab's control endpoint, driven the way a crash drill or a bench does: over HTTP. */
class LabCommandControlTest {

    /** How long a step may take before the test gives up: generous, as CI runs two test JVMs on two cores. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The body of a test, run while the lab mode is up. */
    private interface WhileRunning {
        void run(LabCommand.Running running, LabControlClient control) throws Exception;
    }

    /** Runs the lab mode in-process on free ports with the simulated MQ, as {@code java -jar ... lab} does. */
    private void withLab(WhileRunning body) {
        LabCommand.Wiring wiring = new LabCommand.Wiring(file -> LabTestSupport.estate(),
                estate -> LabWiring.simulatedMq(estate, Clock.systemUTC()));
        List<Throwable> failures = new ArrayList<>();
        int exit = LabCommandRun.run(wiring, running -> {
                    try {
                        body.run(running, LabControlClient.of(running.lab().labDir()));
                    } catch (Exception | AssertionError e) {
                        failures.add(e);
                    }
                }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "--data", dir.resolve("data").toString(), "--ephemeral-ports");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isZero();
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
    }

    @Test
    void writesTheUrlAndAnOwnerOnlyTokenAndPrintsTheUrlButNotTheToken() {
        Path lab = dir.resolve("data").toAbsolutePath().resolve("lab");
        withLab((running, control) -> {
            String url = Files.readString(lab.resolve("control-url"));
            String token = Files.readString(lab.resolve("control-token"));
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/lab/control\n");
            assertThat(token).matches("[0-9a-f]{64}\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.resolve("control-token"))))
                    .isEqualTo("rw-------");
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("  control:     " + url.strip() + " (bearer token in "
                    + lab.resolve("control-token") + ")\n");
            assertThat(printed).doesNotContain(token.strip());
        });
        assertThat(lab.resolve("control-url")).doesNotExist();
        assertThat(lab.resolve("control-token")).doesNotExist();
    }

    @Test
    void aRequestWithoutTheTokenOrWithAWrongOneIsRefused() {
        withLab((running, control) -> {
            URI state = URI.create(Files.readString(running.lab().labDir().resolve("control-url")).strip() + "/state");
            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

            HttpResponse<String> none = http.send(HttpRequest.newBuilder(state).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(state).timeout(WAIT)
                    .header("Authorization", "Bearer " + "0".repeat(64)).build(), HttpResponse.BodyHandlers.ofString());

            for (HttpResponse<String> response : List.of(none, wrong)) {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.body()).isEqualTo("lab control needs 'Authorization: Bearer <token>' with the "
                        + "token of " + running.lab().labDir().resolve("control-token") + "\n");
            }
            assertThat(control.state().get("hostsDown")).isEmpty();
        });
    }

    @Test
    void resetStartsAStoppedQueueManagerAgainAndKeepsTheJournal() {
        withLab((running, control) -> {
            assertThat(status(control.state(), "mqeast1", "QM1")).isEqualTo("Running");
            int journalBefore = control.journalCount();

            ssh(running.lab(), "mqeast1", "sudo -n endmqm -i QM1");
            assertThat(status(control.state(), "mqeast1", "QM1")).isEqualTo("Ended immediately");
            assertThat(control.journalCount()).isEqualTo(journalBefore + 1);

            control.reset();

            assertThat(status(control.state(), "mqeast1", "QM1")).isEqualTo("Running");
            assertThat(control.journalCount()).isEqualTo(journalBefore + 1);
            assertThat(Files.readAllLines(running.lab().journalFile())).hasSize(journalBefore + 1);
        });
    }

    @Test
    void stateListsEveryQueueManagerByHostThenNameAsDspmqShowsIt() {
        withLab((running, control) -> {
            JsonNode state = control.state();

            assertThat(state.toString()).isEqualTo("{\"queueManagers\":["
                    + "{\"host\":\"dr1\",\"name\":\"QMDR\",\"status\":\"Running\",\"drRole\":\"Primary\"},"
                    + "{\"host\":\"dr2\",\"name\":\"QMDR\",\"status\":\"Ended immediately\",\"drRole\":\"Secondary\"},"
                    + "{\"host\":\"mqeast1\",\"name\":\"QM1\",\"status\":\"Running\",\"drRole\":null}],"
                    + "\"hostsDown\":[],"
                    + "\"hosts\":[{\"name\":\"dr1\",\"installedVersion\":\"9.4.0.0\",\"down\":false},"
                    + "{\"name\":\"dr2\",\"installedVersion\":\"9.4.0.0\",\"down\":false},"
                    + "{\"name\":\"mqeast1\",\"installedVersion\":\"9.4.0.0\",\"down\":false}],"
                    + "\"installableVersions\":[\"9.3.0.0\",\"9.4.0.0\",\"9.4.0.5\",\"9.4.1.0\",\"9.4.2.0\"]}");
            for (JsonNode entry : state.get("queueManagers")) {
                assertThat(ssh(running.lab(), entry.get("host").asText(), "dspmq -m " + entry.get("name").asText()))
                        .contains("STATUS(" + entry.get("status").asText() + ")");
            }
        });
    }

    @Test
    void aFailedHostRefusesSshUntilItIsRecovered() {
        withLab((running, control) -> {
            int dr1 = running.lab().port("dr1");

            control.failHost("dr1");

            assertThat(connects(dr1)).isFalse();
            JsonNode state = control.state();
            assertThat(state.get("hostsDown").toString()).isEqualTo("[\"dr1\"]");
            assertThat(status(state, "dr1", "QMDR")).isEqualTo("Ended unexpectedly");

            control.recoverHost("dr1");

            assertThat(ssh(running.lab(), "dr1", "dspmq -m QMDR")).contains("STATUS(Ended unexpectedly)");
            assertThat(control.state().get("hostsDown")).isEmpty();
        });
    }

    /** Given --data, the standalone lab keeps its state across a restart, as the app's lab does (docs/lab.md). */
    @Test
    void aRestartedLabFindsTheEstateAsItLeftItAndSaysSo() {
        withLab((running, control) -> {
            control.failHost("dr1");
            control.putMessages("mqeast1", "QM1", "PAYMENT.IN", 3, true);
            running.lab().faults().fail("dr2", "dspmq", 1, "AMQ8146E: IBM MQ queue manager not available.\n");
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  state:       "
                + dir.resolve("data").toAbsolutePath().resolve("lab/state.jsonl")
                + " (no recorded lab state: the lab starts from its first state)\n");
        out.reset();

        withLab((running, control) -> {
            assertThat(control.state().get("hostsDown").toString()).isEqualTo("[\"dr1\"]");
            assertThat(connects(running.lab().port("dr1"))).isFalse();
            assertThat(control.queueDepth("mqeast1", "QM1", "PAYMENT.IN")).isEqualTo(3);
            assertThatThrownBy(() -> ssh(running.lab(), "dr2", "dspmq -m QMDR")).as("the fault still matches")
                    .hasMessageContaining("AMQ8146E: IBM MQ queue manager not available.");
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(
                "  state:       .*state\\.jsonl \\(restored from \\d+ recorded changes\\)\n");
    }

    @Test
    void aCutReplicationLinkShowsInRdqmstatusUntilItIsRestored() {
        withLab((running, control) -> {
            assertThat(ssh(running.lab(), "dr1", "sudo -n rdqmstatus -m QMDR")).contains("DR status:").doesNotContain(
                    "Remote unavailable");

            control.cutReplicationLink("QMDR");
            assertThat(ssh(running.lab(), "dr1", "sudo -n rdqmstatus -m QMDR")).contains("Remote unavailable");

            control.restoreReplicationLink("QMDR");
            assertThat(ssh(running.lab(), "dr1", "sudo -n rdqmstatus -m QMDR")).doesNotContain("Remote unavailable");
        });
    }

    @Test
    void messagesPutThroughTheEndpointAreOnTheQueue() {
        withLab((running, control) -> {
            assertThat(control.putMessages("mqeast1", "QM1", "PAYMENT.IN", 3, true)).isEqualTo(3);
            assertThat(control.queueDepth("mqeast1", "QM1", "PAYMENT.IN")).isEqualTo(3);
            assertThat(ssh(running.lab(), "mqeast1", "dspmq -m QM1")).contains("STATUS(Running)");
        });
    }

    @Test
    void unknownNamesAndBadParametersAreNamed() {
        withLab((running, control) -> {
            assertThatThrownBy(() -> control.failHost("dr9")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("lab control POST /mq/fail-host?host=dr9: 404 unknown lab host 'dr9' "
                            + "(hosts: dr1, dr2, mqeast1)");
            assertThatThrownBy(() -> control.cutReplicationLink("QMX"))
                    .hasMessage("lab control POST /mq/cut-link?qm=QMX: 404 unknown queue manager 'QMX' "
                            + "(queue managers: QM1, QMDR)");
            assertThatThrownBy(() -> control.queueDepth("mqeast1", "QM1", "NO.SUCH"))
                    .hasMessage("lab control GET /mq/queue-depth?host=mqeast1&qm=QM1&queue=NO.SUCH: 404 unknown "
                            + "queue 'NO.SUCH' on QM1 on lab host 'mqeast1'");
            assertThatThrownBy(() -> control.installVersion("dr1", "7.0"))
                    .hasMessageStartingWith("lab control POST /mq/install-version?host=dr1&version=7.0: 400 "
                            + "The lab knows IBM MQ levels [");
            assertThatThrownBy(() -> control.putMessages("dr2", "QMDR", "APP.IN", 1, false))
                    .hasMessage("lab control POST /mq/put-messages?host=dr2&qm=QMDR&queue=APP.IN&count=1"
                            + "&persistent=false: 409 Queue manager 'QMDR' is not running on 'dr2'");

            assertThat(raw(running, "POST", "/faults/host-down")).isEqualTo("400 missing parameter 'host'\n");
            assertThat(raw(running, "POST", "/mq/put-messages?host=mqeast1&qm=QM1&queue=PAYMENT.IN&count=many"))
                    .isEqualTo("400 parameter 'count' must be a whole number of 0 or more, not 'many'\n");
            assertThat(raw(running, "GET", "/reset")).startsWith("405 ");
            assertThat(control.state().get("hostsDown")).isEmpty();
        });
    }

    private static String status(JsonNode state, String host, String qm) {
        for (JsonNode entry : state.get("queueManagers")) {
            if (entry.get("host").asText().equals(host) && entry.get("name").asText().equals(qm)) {
                return entry.get("status").asText();
            }
        }
        throw new AssertionError("no " + qm + " on " + host + " in " + state);
    }

    /** Status and body of a request sent with the right token, for what the client cannot send. */
    private static String raw(LabCommand.Running running, String method, String target) throws Exception {
        Path labDir = running.lab().labDir();
        URI uri = URI.create(Files.readString(labDir.resolve("control-url")).strip() + target);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(WAIT)
                .header("Authorization", "Bearer " + Files.readString(labDir.resolve("control-token")).strip())
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static boolean connects(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LabEstate.LOOPBACK, port), (int) WAIT.toMillis());
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }

    /** Runs a command over SSH as a client would, returning its standard output (a non-zero exit throws). */
    private static String ssh(LabEstate lab, String host, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE,
                    lab.knownHostsFile()));
            client.start();
            try (ClientSession session = client.connect("mqm", LabEstate.LOOPBACK, lab.port(host)).verify(WAIT)
                    .getSession()) {
                session.addPublicKeyIdentity(LabKeys.readKeyPair(lab.clientKeyFile()));
                session.auth().verify(WAIT);
                return session.executeRemoteCommand(command);
            }
        }
    }
}
