package io.mqrunbooks.lab;

import static io.mqrunbooks.lab.LabTestSupport.WAIT;
import static io.mqrunbooks.lab.LabTestSupport.exec;
import static io.mqrunbooks.lab.LabTestSupport.login;
import static io.mqrunbooks.lab.LabTestSupport.strictClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.estate.Host;
import io.mqrunbooks.lab.LabJournal.Entry;
import io.mqrunbooks.lab.LabJournal.Outcome;
import io.mqrunbooks.lab.LabTestSupport.Result;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabEstateTest {

    @TempDir
    Path data;

    private final FakeMqHandler handler = new FakeMqHandler();
    private LabEstate lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = LabEstate.start(LabTestSupport.estate(), handler, data, LabOptions.ephemeral());
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    @Test
    void execReturnsStdoutStderrAndExitCode() throws Exception {
        Result dspmq = exec(lab, "mqeast1", "dspmq", null);
        Result strmqm = exec(lab, "mqeast1", "strmqm QM9", null);

        assertThat(dspmq).extracting(Result::stdout, Result::stderr, Result::exitStatus)
                .containsExactly("QMNAME(QM1)                                               STATUS(Running)\n", "", 0);
        assertThat(strmqm).extracting(Result::stdout, Result::stderr, Result::exitStatus)
                .containsExactly("", "AMQ7048E: The queue manager name is either not valid or not known.\n", 72);
    }

    @Test
    void stdinReachesTheHandlerWhole() throws Exception {
        String mqsc = "DISPLAY QMGR ALL\nDISPLAY QLOCAL('APP.*') CURDEPTH\n".repeat(200);

        Result result = exec(lab, "dr1", "runmqsc QMDR", mqsc);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout()).isEqualTo("received " + mqsc.length() + " characters on dr1:\n" + mqsc);
        assertThat(handler.calls).containsExactly(
                new FakeMqHandler.Call("dr1", "mqm", List.of("runmqsc", "QMDR"), mqsc));
    }

    @Test
    void sudoAndTimeoutAreTakenOffBeforeTheHandler() throws Exception {
        Result result = exec(lab, "dr1", "sudo -n timeout 30 /opt/mqm/bin/rdqmstatus -m QMDR", null);

        assertThat(result.stdout()).isEqualTo("host=dr1 user=root argv=[/opt/mqm/bin/rdqmstatus, -m, QMDR]\n");
        assertThat(result.exitStatus()).isZero();
        assertThat(lab.journal().entries()).singleElement().satisfies(e -> {
            assertThat(e.commandLine()).isEqualTo("sudo -n timeout 30 /opt/mqm/bin/rdqmstatus -m QMDR");
            assertThat(e.user()).isEqualTo("mqm");
            assertThat(e.runAs()).isEqualTo("root");
            assertThat(e.argv()).containsExactly("/opt/mqm/bin/rdqmstatus", "-m", "QMDR");
        });
    }

    @Test
    void timeoutWrapperKillsTheCommandWith124Or137() throws Exception {
        long start = System.nanoTime();
        Result term = exec(lab, "mqeast1", "timeout 1 sleepy", null);
        Result kill = exec(lab, "mqeast1", "timeout -s KILL 0.5 sleepy", null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(term).extracting(Result::stdout, Result::exitStatus).containsExactly("", 124);
        assertThat(kill).extracting(Result::stdout, Result::exitStatus).containsExactly("", 137);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(lab.journal().entries()).extracting(Entry::outcome, Entry::exitCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Outcome.TIMED_OUT, 124),
                        org.assertj.core.groups.Tuple.tuple(Outcome.TIMED_OUT, 137));
        assertThat(lab.runningCommands()).isEmpty();
    }

    @Test
    void shellOperatorsAreRefusedAndNeverReachTheHandler() throws Exception {
        Result result = exec(lab, "mqeast1", "dspmq; rm -rf /", null);

        assertThat(result.exitStatus()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(
                "bash: -c: line 1: shell syntax ';' refused: the lab estate runs one plain command, not a shell\n");
        assertThat(handler.calls).isEmpty();
        assertThat(lab.journal().entries()).singleElement()
                .satisfies(e -> assertThat(e.argv()).isEmpty())
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(2));
    }

    @Test
    void keysAreMadeOnceAndReusedAcrossRestarts() throws Exception {
        String dr1 = lab.hostKeyFingerprint("dr1");
        String dr2 = lab.hostKeyFingerprint("dr2");
        byte[] clientKey = Files.readAllBytes(lab.clientKeyFile());
        lab.close();

        lab = LabEstate.start(LabTestSupport.estate(), handler, data, LabOptions.ephemeral());

        assertThat(dr1).startsWith("SHA256:").isNotEqualTo(dr2);
        assertThat(lab.hostKeyFingerprint("dr1")).isEqualTo(dr1);
        assertThat(lab.hostKeyFingerprint("dr2")).isEqualTo(dr2);
        assertThat(Files.readAllBytes(lab.clientKeyFile())).isEqualTo(clientKey);
        assertThat(exec(lab, "dr1", "dspmq", null).exitStatus()).isZero();
    }

    @Test
    void clientKeyIsAnOpenSshPrivateKeyReadableOnlyByItsOwner() throws Exception {
        assertThat(Files.readString(lab.clientKeyFile())).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.clientKeyFile())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(data.resolve("lab/client_ed25519.pub"))).matches("ssh-ed25519 AAAA\\S+ mq-runbooks-lab\\n?");
    }

    @Test
    void aChangedHostKeyIsRefusedByAStrictClient() throws Exception {
        Path oldKnownHosts = Files.copy(lab.knownHostsFile(), data.resolve("old_known_hosts"));
        int port = lab.port("dr1");
        lab.close();
        Files.delete(data.resolve("lab/host-keys/dr1.key"));
        lab = LabEstate.start(LabTestSupport.estate(), handler, data, LabOptions.ephemeral());

        try (SshClient client = strictClient(oldKnownHosts)) {
            // The old known_hosts names the old port; write the new port in to isolate the key change.
            String text = Files.readString(oldKnownHosts).replace("[127.0.0.1]:" + port + " ",
                    "[127.0.0.1]:" + lab.port("dr1") + " ");
            Files.writeString(oldKnownHosts, text);
            assertThatThrownBy(() -> login(client, lab, "dr1")).isInstanceOf(SshException.class);
        }
    }

    @Test
    void passwordAndKeyboardInteractiveAreRefused() throws Exception {
        try (SshClient client = strictClient(lab.knownHostsFile());
             ClientSession session = client.connect("mqm", "127.0.0.1", lab.port("dr1")).verify(WAIT).getSession()) {
            session.addPasswordIdentity("mqm");

            assertThatThrownBy(() -> session.auth().verify(WAIT))
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining("No more authentication methods available");
        }
    }

    @Test
    void onlyTheInventoryUserMayLogIn() throws Exception {
        try (SshClient client = strictClient(lab.knownHostsFile());
             ClientSession session = client.connect("root", "127.0.0.1", lab.port("dr1")).verify(WAIT).getSession()) {
            session.addPublicKeyIdentity(LabKeys.readKeyPair(lab.clientKeyFile()));

            assertThatThrownBy(() -> session.auth().verify(WAIT)).isInstanceOf(SshException.class);
        }
    }

    @Test
    void journalKeepsCommandsInOrderPerHostAndAsJsonLines() throws Exception {
        try (SshClient client = strictClient(lab.knownHostsFile());
             ClientSession dr1 = login(client, lab, "dr1");
             ClientSession mqeast1 = login(client, lab, "mqeast1")) {
            LabTestSupport.exec(dr1, "sudo -n dspmq -m QMDR", null, WAIT);
            LabTestSupport.exec(mqeast1, "dspmq", null, WAIT);
            LabTestSupport.exec(dr1, "sudo -n endmqm -i QMDR", null, WAIT);
        }

        assertThat(lab.journal().entries()).extracting(Entry::host, Entry::commandLine).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dr1", "sudo -n dspmq -m QMDR"),
                org.assertj.core.groups.Tuple.tuple("mqeast1", "dspmq"),
                org.assertj.core.groups.Tuple.tuple("dr1", "sudo -n endmqm -i QMDR"));
        assertThat(lab.journal().entriesFor("dr1")).extracting(Entry::argv).containsExactly(
                List.of("dspmq", "-m", "QMDR"), List.of("endmqm", "-i", "QMDR"));
        List<String> lines = Files.readAllLines(data.resolve("lab/journal.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).matches("\\{\"time\":\"[0-9T:.Z-]+\",\"host\":\"mqeast1\",\"user\":\"mqm\","
                + "\"runAs\":\"mqm\",\"commandLine\":\"dspmq\",\"argv\":\\[\"dspmq\"],\"exitCode\":0,"
                + "\"outcome\":\"EXITED\",\"durationMillis\":\\d+}");

        lab.journal().clear();
        assertThat(lab.journal().entries()).isEmpty();
        assertThat(Files.readAllLines(data.resolve("lab/journal.jsonl"))).hasSize(3);
    }

    @Test
    void hostDownRefusesConnectionsUntilHostUpOnTheSamePort() throws Exception {
        int port = lab.port("dr2");
        lab.faults().hostDown("dr2");

        try (SshClient client = strictClient(lab.knownHostsFile())) {
            assertThatThrownBy(() -> client.connect("mqm", "127.0.0.1", port).verify(WAIT))
                    .hasRootCauseInstanceOf(ConnectException.class);
        }
        assertThat(exec(lab, "dr1", "dspmq", null).exitStatus()).isZero();

        lab.faults().hostUp("dr2");

        assertThat(lab.port("dr2")).isEqualTo(port);
        assertThat(exec(lab, "dr2", "dspmq", null).exitStatus()).isZero();
    }

    @Test
    void hangingCommandRunsUntilTheClientGivesUpThenIsGone() throws Exception {
        lab.faults().hang("dr1", "rdqmstatus");

        Result hung = exec(lab, "dr1", "sudo -n rdqmstatus -m QMDR", null, Duration.ofSeconds(1));

        assertThat(hung.events()).contains(ClientChannelEvent.TIMEOUT);
        assertThat(hung.exitStatus()).isNull();
        awaitNoRunningCommands();
        assertThat(lab.journal().entries()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.DISCONNECTED))
                .satisfies(e -> assertThat(e.exitCode()).isNull());
        assertThat(handler.calls).isEmpty();
        assertThat(exec(lab, "dr1", "dspmq", null).exitStatus()).as("other programs run").isZero();
    }

    @Test
    void hangingCommandIsKilledByItsTimeoutWrapper() throws Exception {
        lab.faults().hang("dr1", "rdqmstatus");

        Result result = exec(lab, "dr1", "sudo -n timeout 1 rdqmstatus -m QMDR", null);

        assertThat(result.exitStatus()).isEqualTo(124);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void clearingAHangLetsTheCommandFinish() throws Exception {
        lab.faults().hang("dr1", "rdqmstatus");
        Thread clearer = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            lab.faults().clear("dr1");
        });
        clearer.start();

        Result result = exec(lab, "dr1", "rdqmstatus -m QMDR", null);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout()).isEqualTo("host=dr1 user=mqm argv=[rdqmstatus, -m, QMDR]\n");
    }

    @Test
    void failFaultAnswersWithTheGivenExitCodeAndStderr() throws Exception {
        lab.faults().fail("dr1", "rdqmdr", 1, "AMQ3817E: Replicated data subsystem call failed.\n");

        Result failed = exec(lab, "dr1", "sudo -n rdqmdr -m QMDR -p", null);
        Result other = exec(lab, "dr2", "sudo -n rdqmdr -m QMDR -p", null);

        assertThat(failed).extracting(Result::stdout, Result::stderr, Result::exitStatus)
                .containsExactly("", "AMQ3817E: Replicated data subsystem call failed.\n", 1);
        assertThat(other.exitStatus()).as("other host unaffected").isZero();
        assertThat(handler.calls).extracting(FakeMqHandler.Call::host).containsExactly("dr2");
    }

    @Test
    void dropSessionClosesTheSessionWithoutExitStatusAfterTheCommandRan() throws Exception {
        lab.faults().dropSession("dr1", "endmqm");

        Result dropped = exec(lab, "dr1", "sudo -n endmqm -w QMDR", null);

        assertThat(dropped.exitStatus()).isNull();
        assertThat(dropped.stdout()).isEmpty();
        assertThat(dropped.sessionClosed()).isTrue();
        assertThat(dropped.events()).doesNotContain(ClientChannelEvent.TIMEOUT);
        assertThat(handler.calls).extracting(FakeMqHandler.Call::argv).containsExactly(List.of("endmqm", "-w", "QMDR"));
        assertThat(lab.journal().entries()).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.DROPPED));

        lab.faults().clearAll();
        assertThat(exec(lab, "dr1", "sudo -n endmqm -w QMDR", null).exitStatus()).isZero();
    }

    @Test
    void faultsNameOnlyKnownHostsAndPlainPrograms() {
        assertThatThrownBy(() -> lab.faults().hang("dr9", "dspmq"))
                .hasMessage("Lab fault: unknown lab host 'dr9'; the lab has [dr1, dr2, mqeast1]");
        assertThatThrownBy(() -> lab.faults().fail("dr1", "/opt/mqm/bin/dspmq", 1, ""))
                .hasMessage("Lab fault: '/opt/mqm/bin/dspmq' is not a program name (e.g. dspmq)");
        assertThatThrownBy(() -> lab.faults().fail("dr1", "dspmq", 300, ""))
                .hasMessage("Lab fault: exit code 300 is out of range (0-255)");
    }

    @Test
    void effectiveEstateHasTheRealPortsOnLoopback() {
        List<Host> hosts = lab.effectiveEstate().hosts();

        assertThat(hosts).extracting(Host::name).containsExactly("dr1", "dr2", "mqeast1");
        assertThat(hosts).allSatisfy(h -> assertThat(h.address()).isEqualTo("127.0.0.1"));
        assertThat(hosts).extracting(Host::port)
                .containsExactly(lab.port("dr1"), lab.port("dr2"), lab.port("mqeast1"))
                .doesNotContain(22101, 22102, 22103);
        assertThat(lab.effectiveEstate().queueManagers()).isEqualTo(LabTestSupport.estate().queueManagers());
    }

    private void awaitNoRunningCommands() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!lab.runningCommands().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lab.runningCommands()).isEmpty();
    }
}
