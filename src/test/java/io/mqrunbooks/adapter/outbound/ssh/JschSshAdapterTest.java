package io.mqrunbooks.adapter.outbound.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.RunContext;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.estate.Host;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against an in-process Apache MINA SSHD server on loopback. */
class JschSshAdapterTest {

    @TempDir
    Path dir;

    private KeyPair clientKey;
    private TestSshServer server;
    private Path keyFile;
    private Path knownHosts;
    private final List<CommandResult> evidence = new CopyOnWriteArrayList<>();
    private final List<Optional<RunContext.Step>> evidenceSteps = new CopyOnWriteArrayList<>();
    private final CommandEvidenceSink sink = result -> {
        evidence.add(result);
        evidenceSteps.add(RunContext.current());
    };
    private final List<JschSshAdapter> adapters = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        clientKey = TestSshServer.ecKeyPair();
        server = new TestSshServer(clientKey.getPublic());
        keyFile = TestSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine(server.hostKey().getPublic()));
    }

    @AfterEach
    void stopServer() throws Exception {
        adapters.forEach(JschSshAdapter::stop);
        server.close();
    }

    @Test
    void returnsStdoutStderrAndExitCode() {
        CommandResult echoed = adapter().run(host(false), RemoteCommand.builder("echo").word("hello").word("world").build());
        CommandResult failed = adapter().run(host(false), RemoteCommand.builder("fail").number("code", 3).build());

        assertThat(echoed.exitCode()).isZero();
        assertThat(echoed.stdout()).isEqualTo("hello world\n");
        assertThat(echoed.stderr()).isEmpty();
        assertThat(echoed.host()).isEqualTo("qmhost1");
        assertThat(echoed.commandLine()).isEqualTo("echo hello world");
        assertThat(echoed.truncated()).isFalse();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).isEqualTo("failing with 3\n");
    }

    @Test
    void deliversStdinAndClosesIt() {
        String mqsc = "DISPLAY QMGR ALL\nDISPLAY CHSTATUS(*)\n";
        CommandResult result = adapter().run(host(false), RemoteCommand.builder("cat").stdin(mqsc).build());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(mqsc);
    }

    @Test
    void wrapsTheCommandInTheCLocaleTimeoutAndSudoWhenTheHostSaysSo() {
        adapter().run(host(true), RemoteCommand.builder("echo").word("hi").deadline(Duration.ofSeconds(7)).build());
        adapter().run(host(false), RemoteCommand.builder("echo").word("hi").deadline(Duration.ofMillis(2500)).build());
        adapter(properties(keyFile, knownHosts, 262144, Duration.ofSeconds(45), Duration.ofSeconds(5)))
                .run(host(false), RemoteCommand.builder("echo").word("hi").build());

        assertThat(server.commandLines()).containsExactly(
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 7s sudo -n echo hi",
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 3s echo hi",
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 45s echo hi");
        // Evidence names the command the step asked for; the fixed wrapper is documented in docs/ssh.md.
        assertThat(evidence).extracting(CommandResult::commandLine).containsExactly("echo hi", "echo hi", "echo hi");
    }

    @Test
    void remoteTimeoutKillIsDeadlineExceeded() {
        RemoteCommand sleep = RemoteCommand.builder("sleep").number("seconds", 30).deadline(Duration.ofSeconds(1)).build();

        SshException e = catchThrowableOfType(() -> adapter().run(host(false), sleep), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("command 'sleep 30' on host qmhost1 (127.0.0.1:" + server.port()
                + ") did not finish within 1s");
    }

    @Test
    void killedByRemoteTimeoutWithoutExitStatusIsDeadlineExceeded() {
        RemoteCommand sleep = RemoteCommand.builder("sleep-signalled").number("seconds", 30)
                .deadline(Duration.ofSeconds(1)).build();

        SshException e = catchThrowableOfType(() -> adapter().run(host(false), sleep), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("command 'sleep-signalled 30' on host qmhost1 (127.0.0.1:" + server.port()
                + ") did not finish within 1s");
    }

    @Test
    void noExitStatusBeforeTheDeadlineOnALiveSessionSaysSo() {
        SshException e = catchThrowableOfType(
                () -> adapter().run(host(false), RemoteCommand.builder("signalled").build()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.getMessage()).isEqualTo("command 'signalled' on host qmhost1 (127.0.0.1:" + server.port()
                + ") ended without an exit status: the server reported none, so a signal probably ended it");
    }

    @Test
    void exit137BeforeTheDeadlineIsTheCommandsOwnResult() {
        CommandResult result = adapter().run(host(false), RemoteCommand.builder("fail").number("code", 137).build());

        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.stderr()).isEqualTo("failing with 137\n");
    }

    @Test
    void hangingCommandIsCutOffLocallyAfterDeadlinePlusGrace() {
        SshAdapterHarness.Timed<SshException> timed = SshAdapterHarness.timed(() -> adapter(
                properties(keyFile, knownHosts, 262144, Duration.ofSeconds(60), Duration.ofSeconds(1)))
                .run(host(false), RemoteCommand.builder("hang").deadline(Duration.ofSeconds(1)).build()));

        assertThat(timed.failure().kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(timed.failure().getMessage()).isEqualTo("command 'hang' on host qmhost1 (127.0.0.1:" + server.port()
                + ") did not finish within 1s");
        assertThat(timed.elapsed()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    @Test
    void sessionClosedWithoutExitStatusIsSessionDropped() {
        SshException e = catchThrowableOfType(
                () -> adapter().run(host(false), RemoteCommand.builder("drop").build()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.SESSION_DROPPED);
        assertThat(e.getMessage()).isEqualTo("the SSH session to host qmhost1 (127.0.0.1:" + server.port()
                + ") closed before command 'drop' reported an exit status");
    }

    @Test
    void capsEachStreamAndMarksTheCut() {
        CommandResult small = adapter(properties(keyFile, knownHosts, 1000, Duration.ofSeconds(60), Duration.ofSeconds(5)))
                .run(host(false), RemoteCommand.builder("flood").number("bytes", 5000).build());
        // 3 MiB on each stream at once: more than any SSH window or pipe buffer, so reading one stream
        // after the other would stall.
        CommandResult large = adapter().run(host(false), RemoteCommand.builder("flood").number("bytes", 3 * 1024 * 1024).build());

        String marker = "\n[... output truncated at 1000 bytes]";
        assertThat(small.stdout()).isEqualTo("x".repeat(1000) + marker);
        assertThat(small.stderr()).isEqualTo("x".repeat(1000) + marker);
        assertThat(small.truncated()).isTrue();
        assertThat(small.exitCode()).isZero();
        assertThat(large.stdout()).isEqualTo("x".repeat(262144) + "\n[... output truncated at 262144 bytes]");
        assertThat(large.stderr()).hasSize(262144 + "\n[... output truncated at 262144 bytes]".length());
        assertThat(large.truncated()).isTrue();
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprints() throws Exception {
        KeyPair impostorExpected = TestSshServer.ecKeyPair();
        String knownHostsLine = server.knownHostsLine(impostorExpected.getPublic());
        Files.writeString(knownHosts, knownHostsLine);

        SshException e = catchThrowableOfType(() -> adapter().run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(e.getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + server.port() + ") presented an ecdsa-sha2-nistp256"
                + " key with fingerprint " + TestSshServer.fingerprint(server.hostKey().getPublic()) + " but " + knownHosts
                + " expects " + TestSshServer.fingerprint(impostorExpected.getPublic()) + " for [127.0.0.1]:" + server.port()
                + ": possible man-in-the-middle; the connection was refused. If the host was rebuilt, verify its new key"
                + " out of band and replace the entry in known_hosts.");
        assertThat(Files.readString(knownHosts)).isEqualTo(knownHostsLine);
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void unknownHostIsRefusedNamingThePresentedFingerprint() throws Exception {
        String otherPortOnly = "[127.0.0.1]:1 " + server.knownHostsLine(server.hostKey().getPublic()).split(" ", 2)[1];
        Files.writeString(knownHosts, otherPortOnly);

        SshException e = catchThrowableOfType(() -> adapter().run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
        assertThat(e.getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + server.port() + ") is not in known_hosts "
                + knownHosts + " (looked up as [127.0.0.1]:" + server.port() + "); it presented an ecdsa-sha2-nistp256 key"
                + " with fingerprint " + TestSshServer.fingerprint(server.hostKey().getPublic()) + ". Keys are never added"
                + " automatically: verify this fingerprint out of band and add the host's key to known_hosts (docs/ssh.md).");
        assertThat(Files.readString(knownHosts)).isEqualTo(otherPortOnly);
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void revokedHostKeyIsRefused() throws Exception {
        String line = server.knownHostsLine(server.hostKey().getPublic());
        Files.writeString(knownHosts, "@revoked " + line + line);

        SshException e = catchThrowableOfType(() -> adapter().run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(e.getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + server.port() + ") presented an ecdsa-sha2-nistp256"
                + " key with fingerprint " + TestSshServer.fingerprint(server.hostKey().getPublic()) + ", which " + knownHosts
                + " marks @revoked; the connection was refused");
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void hostKeyAddedByAnOperatorCountsAtTheNextCall() throws Exception {
        Files.writeString(knownHosts, "");
        JschSshAdapter adapter = adapter();
        assertThatThrownBy(() -> adapter.run(host(false), echo())).isInstanceOf(SshException.class);

        Files.writeString(knownHosts, server.knownHostsLine(server.hostKey().getPublic()));

        assertThat(adapter.run(host(false), echo()).stdout()).isEqualTo("ok\n");
    }

    @Test
    void rotatedClientKeyIsPickedUpAtTheNextCall() throws Exception {
        JschSshAdapter adapter = adapter();
        assertThat(adapter.run(host(false), echo()).exitCode()).isZero();

        KeyPair rotated = TestSshServer.ecKeyPair();
        Files.delete(keyFile);
        TestSshServer.writePrivateKey(rotated, keyFile);
        Files.setLastModifiedTime(keyFile, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));

        SshException e = catchThrowableOfType(() -> adapter.run(host(false), echo()), SshException.class);
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).endsWith("(fingerprint " + TestSshServer.fingerprint(rotated.getPublic()) + ")");
    }

    @Test
    void keyTheServerDoesNotAcceptIsAnAuthenticationFailure() throws Exception {
        KeyPair wrongKey = TestSshServer.ecKeyPair();
        Path wrongKeyFile = TestSshServer.writePrivateKey(wrongKey, dir.resolve("id_wrong"));

        SshException e = catchThrowableOfType(() -> adapter(properties(wrongKeyFile, knownHosts, 262144,
                Duration.ofSeconds(60), Duration.ofSeconds(5))).run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + server.port() + ") refused key authentication"
                + " for user mqm with key " + wrongKeyFile + " (fingerprint " + TestSshServer.fingerprint(wrongKey.getPublic()) + ")");
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void nobodyListeningIsHostUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        Host nowhere = new Host("qmhost9", "127.0.0.1", freePort, "mqm", false, "site-b", null);

        SshException e = catchThrowableOfType(() -> adapter().run(nowhere, echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("host qmhost9 (127.0.0.1:" + freePort + ") is unreachable: connection to"
                + " 127.0.0.1:" + freePort + " refused (no SSH server listening there)");
    }

    @Test
    void serverThatNeverSpeaksSshIsHostUnreachableAfterTheConnectTimeout() throws Exception {
        // The kernel completes the TCP handshake from the backlog; nothing ever answers.
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Host mute = new Host("qmhost8", "127.0.0.1", silent.getLocalPort(), "mqm", false, "site-b", null);
            JschSshAdapter adapter = adapter(new SshProperties(keyFile, null, knownHosts, Duration.ofSeconds(1), 262144,
                    Duration.ofSeconds(60), Duration.ofSeconds(5)));

            SshAdapterHarness.Timed<SshException> timed = SshAdapterHarness.timed(() -> adapter.run(mute, echo()));

            assertThat(timed.failure().kind()).isEqualTo(Kind.HOST_UNREACHABLE);
            assertThat(timed.failure().getMessage()).isEqualTo("host qmhost8 (127.0.0.1:" + silent.getLocalPort()
                    + ") is unreachable: no SSH answer from 127.0.0.1:" + silent.getLocalPort()
                    + " within 1s (mqrunbooks.ssh.connect-timeout)");
            assertThat(timed.elapsed()).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void addressThatDoesNotResolveIsHostUnreachable() {
        // Translated directly: resolving a name would leave loopback.
        Host named = new Host("qmhost7", "mq-gone.example.com", 22, "mqm", false, "site-b", null);
        ConnectFailure failure = new ConnectFailure(named, properties(keyFile, knownHosts, 262144, Duration.ofSeconds(60),
                Duration.ofSeconds(5)), keyFile, knownHosts, new VerifyingHostKeyRepository(null, knownHosts.toString()));

        SshException e = failure.translate(new com.jcraft.jsch.JSchException("java.net.UnknownHostException: mq-gone.example.com",
                new java.net.UnknownHostException("mq-gone.example.com")));

        assertThat(e.kind()).isEqualTo(Kind.HOST_UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("host qmhost7 (mq-gone.example.com:22) is unreachable: address"
                + " 'mq-gone.example.com' does not resolve");
    }

    @Test
    void injectionInAHostRecordOrCommandIsRefusedBeforeAnyConnection() {
        Host badAddress = new Host("qmhost1", "127.0.0.1;reboot", server.port(), "mqm", false, "site-a", null);
        Host badUser = new Host("qmhost1", "127.0.0.1", server.port(), "$(id)", false, "site-a", null);
        JschSshAdapter adapter = adapter();

        assertThatThrownBy(() -> adapter.run(badAddress, echo()))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("host qmhost1: address '127.0.0.1;reboot' is not a valid host name or IPv4 address; nothing was sent");
        assertThatThrownBy(() -> adapter.run(badUser, echo()))
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("host qmhost1: user '$(id)' is not a valid user name; nothing was sent");
        assertThatThrownBy(() -> RemoteCommand.builder("runmqsc").mqName("queue manager", "QM1;rm").build())
                .isInstanceOf(UnsafeArgumentException.class)
                .hasMessage("queue manager 'QM1;rm' has characters IBM MQ does not allow in a name (only A-Z a-z 0-9 . _ / %)");
        assertThat(server.sessionsOpened()).isZero();
        assertThat(evidence).extracting(CommandResult::exitCode).containsExactly(-1, -1);
    }

    @Test
    void evidenceSinkReceivesEveryCallOnTheCallersStep() throws Exception {
        RunContext.Step step = new RunContext.Step("pi-42", "CHG-1234", "serviceTask_assessPrimary", "Assess the primary");
        JschSshAdapter adapter = adapter();
        Host unreachable = new Host("qmhost9", "127.0.0.1", 1, "mqm", false, "site-b", null);
        try (AutoCloseable scope = RunContext.enter(step)) {
            adapter.run(host(false), echo());
            adapter.run(host(false), RemoteCommand.builder("fail").number("code", 5).build());
            assertThatThrownBy(() -> adapter.run(unreachable, echo())).isInstanceOf(SshException.class);
        }

        assertThat(evidenceSteps).containsExactly(Optional.of(step), Optional.of(step), Optional.of(step));
        assertThat(evidence).extracting(CommandResult::host, CommandResult::commandLine, CommandResult::exitCode,
                        CommandResult::stdout, CommandResult::stderr)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qmhost1", "echo ok", 0, "ok\n", ""),
                        org.assertj.core.groups.Tuple.tuple("qmhost1", "fail 5", 5, "", "failing with 5\n"),
                        org.assertj.core.groups.Tuple.tuple("qmhost9", "echo ok", -1, "", "host qmhost9 (127.0.0.1:1) is"
                                + " unreachable: connection to 127.0.0.1:1 refused (no SSH server listening there)"));
        assertThat(evidence).allSatisfy(result -> assertThat(result.duration()).isPositive());
    }

    @Test
    void missingConfigurationNamesThePropertyAndPath() {
        Path missing = dir.resolve("no-such-key");
        SshException noKey = catchThrowableOfType(() -> adapter(properties(missing, knownHosts, 262144,
                Duration.ofSeconds(60), Duration.ofSeconds(5))).run(host(false), echo()), SshException.class);
        SshException noKnownHosts = catchThrowableOfType(() -> adapter(properties(keyFile, null, 262144,
                Duration.ofSeconds(60), Duration.ofSeconds(5))).run(host(false), echo()), SshException.class);

        assertThat(noKey.getMessage()).isEqualTo("mqrunbooks.ssh.private-key-file names " + missing
                + ", which is not a readable file");
        assertThat(noKnownHosts.getMessage()).isEqualTo("mqrunbooks.ssh.known-hosts-file is not set; the SSH adapter"
                + " needs it to reach host qmhost1 (127.0.0.1:" + server.port() + ")");
        assertThat(server.sessionsOpened()).isZero();
    }

    @Test
    void commandsToOneHostShareOneSession() {
        JschSshAdapter adapter = adapter();

        CommandResult first = adapter.run(host(false), echo());
        CommandResult second = adapter.run(host(true), RemoteCommand.builder("fail").number("code", 4).build());
        CommandResult third = adapter.run(host(false), RemoteCommand.builder("cat").stdin("DISPLAY QMGR\n").build());

        assertThat(first.stdout()).isEqualTo("ok\n");
        assertThat(second.exitCode()).isEqualTo(4);
        assertThat(third.stdout()).isEqualTo("DISPLAY QMGR\n");
        assertThat(server.sessionsOpened()).isOne();
        assertThat(server.commandLines()).containsExactly("env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s echo ok",
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s sudo -n fail 4", "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s cat");
        assertThat(evidence).extracting(CommandResult::commandLine).containsExactly("echo ok", "fail 4", "cat");
        assertThat(adapter.openSessions()).isOne();
    }

    @Test
    void withReuseOffEveryCommandHasASessionOfItsOwnClosedAfterIt() throws Exception {
        JschSshAdapter adapter = adapter(properties().withSessionReuse(false, Duration.ofSeconds(60), 10));

        for (int i = 0; i < 3; i++) {
            assertThat(adapter.run(host(false), echo()).stdout()).isEqualTo("ok\n");
        }

        assertThat(server.sessionsOpened()).isEqualTo(3);
        awaitOpenSessionsOnServer(0);
        assertThat(adapter.openSessions()).isZero();
    }

    @Test
    void commandsAboveTheChannelLimitOfASessionGoOverAnotherSession() throws Exception {
        JschSshAdapter adapter = adapter(properties().withSessionReuse(true, Duration.ofSeconds(60), 2));
        adapter.run(host(false), echo());

        List<CommandResult> results = runAtOnce(adapter, 5, i -> RemoteCommand.builder("sleep").number("seconds", 1).build());

        assertThat(results).extracting(CommandResult::exitCode).containsOnly(0);
        assertThat(server.commandLines()).filteredOn(line -> line.endsWith("sleep 1")).hasSize(5);
        // Five at once, two per session: the first session plus two more, shared as they came up.
        assertThat(server.sessionsOpened()).isEqualTo(3);
        assertThat(adapter.openSessions()).isEqualTo(3);
    }

    @Test
    void aChannelTheServerRefusesIsOpenedOverANewSessionAndTheCommandRunsOnce() throws Exception {
        server.close();
        server = new TestSshServer(clientKey.getPublic(), 1);
        Files.writeString(knownHosts, server.knownHostsLine(server.hostKey().getPublic()));
        JschSshAdapter adapter = adapter();
        adapter.run(host(false), echo());

        // The adapter would put up to 10 commands on a session; this server opens one channel per session, so
        // two of the three are refused on the shared session and go over new sessions.
        List<CommandResult> results = runAtOnce(adapter, 3, i -> RemoteCommand.builder("sleep").number("seconds", i + 1).build());

        assertThat(results).extracting(CommandResult::exitCode).containsExactly(0, 0, 0);
        assertThat(server.commandLines()).filteredOn(line -> line.contains(" sleep ")).containsExactlyInAnyOrder(
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s sleep 1", "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s sleep 2",
                "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8 timeout --signal=KILL 60s sleep 3");
        assertThat(server.sessionsOpened()).isEqualTo(3);
    }

    @Test
    void aSessionWithoutCommandsIsClosedAfterTheIdleTimeout() throws Exception {
        JschSshAdapter adapter = adapter(properties().withSessionReuse(true, Duration.ofMillis(300), 10));
        adapter.run(host(false), echo());
        assertThat(server.sessionsOpen()).isOne();

        awaitOpenSessionsOnServer(0);
        assertThat(adapter.openSessions()).isZero();
        assertThat(adapter.run(host(false), echo()).stdout()).isEqualTo("ok\n");
        assertThat(server.sessionsOpened()).isEqualTo(2);
    }

    @Test
    void stoppingTheAdapterClosesItsSessions() throws Exception {
        JschSshAdapter adapter = adapter();
        adapter.run(host(false), echo());

        adapter.stop();

        awaitOpenSessionsOnServer(0);
        SshException e = catchThrowableOfType(() -> adapter.run(host(false), echo()), SshException.class);
        assertThat(e.getMessage()).isEqualTo("the SSH adapter is shutting down; nothing was sent to host qmhost1 (127.0.0.1:"
                + server.port() + ")");
    }

    @Test
    void aDroppedSessionFailsItsCommandOnceAndTheNextCommandConnectsAgain() {
        JschSshAdapter adapter = adapter();
        adapter.run(host(false), echo());

        SshException e = catchThrowableOfType(() -> adapter.run(host(false), RemoteCommand.builder("drop").build()),
                SshException.class);
        CommandResult after = adapter.run(host(false), echo());

        assertThat(e.kind()).isEqualTo(Kind.SESSION_DROPPED);
        assertThat(server.commandLines()).filteredOn(line -> line.endsWith(" drop")).hasSize(1);
        assertThat(after.stdout()).isEqualTo("ok\n");
        assertThat(server.sessionsOpened()).isEqualTo(2);
    }

    @Test
    void aSessionLostWhileItsCommandIsBeingStartedIsNotTriedAgain() {
        JschSshAdapter adapter = adapter();
        adapter.run(host(false), echo());

        SshException e = catchThrowableOfType(() -> adapter.run(host(false), RemoteCommand.builder("drop-at-start").build()),
                SshException.class);

        // The exec request reached the server, so the command may have run: reported, never sent again.
        assertThat(e.kind()).isEqualTo(Kind.SESSION_DROPPED);
        assertThat(server.commandLines()).filteredOn(line -> line.endsWith(" drop-at-start")).hasSize(1);
    }

    @Test
    void aKeptSessionToAHostThatFellSilentGivesWayWithinTheConnectTimeout() throws Exception {
        try (SilenceableProxy proxy = new SilenceableProxy(server.port())) {
            Path proxiedKnownHosts = Files.writeString(dir.resolve("known_hosts_proxy"), "[127.0.0.1]:" + proxy.port() + " "
                    + server.knownHostsLine(server.hostKey().getPublic()).split(" ", 2)[1]);
            Host proxied = new Host("qmhost1", "127.0.0.1", proxy.port(), "mqm", false, "site-a", null);
            JschSshAdapter adapter = adapter(new SshProperties(keyFile, null, proxiedKnownHosts, Duration.ofSeconds(1), 262144,
                    Duration.ofSeconds(60), Duration.ofSeconds(5)));
            adapter.run(proxied, echo());

            proxy.goSilent();
            SshAdapterHarness.Timed<SshException> timed = SshAdapterHarness.timed(() -> adapter.run(proxied, echo()));

            // Not the command's 60 s deadline: a second for the channel that never opened, a second for the new
            // connection that never got an answer, and the operator reads what a dead host looks like.
            assertThat(timed.failure().kind()).isEqualTo(Kind.HOST_UNREACHABLE);
            assertThat(timed.failure().getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + proxy.port()
                    + ") is unreachable: no SSH answer from 127.0.0.1:" + proxy.port()
                    + " within 1s (mqrunbooks.ssh.connect-timeout)");
            assertThat(timed.elapsed()).isLessThan(Duration.ofSeconds(15));
            assertThat(server.commandLines()).hasSize(1);
        }
    }

    @Test
    void aCommandCutOffAtItsDeadlineTakesItsSessionOutOfUse() {
        JschSshAdapter adapter = adapter(properties(keyFile, knownHosts, 262144, Duration.ofSeconds(60), Duration.ofSeconds(1)));
        adapter.run(host(false), echo());

        assertThatThrownBy(() -> adapter.run(host(false), RemoteCommand.builder("hang").deadline(Duration.ofSeconds(1)).build()))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DEADLINE_EXCEEDED));
        adapter.run(host(false), echo());

        assertThat(server.sessionsOpened()).isEqualTo(2);
        assertThat(adapter.openSessions()).isOne();
    }

    @Test
    void aKnownHostsEditClosesTheDoorToAKeptSession() throws Exception {
        JschSshAdapter adapter = adapter();
        adapter.run(host(false), echo());
        KeyPair impostorExpected = TestSshServer.ecKeyPair();
        Files.writeString(knownHosts, server.knownHostsLine(impostorExpected.getPublic()));
        Files.setLastModifiedTime(knownHosts, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));

        SshException e = catchThrowableOfType(() -> adapter.run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(server.commandLines()).hasSize(1);
        awaitOpenSessionsOnServer(0);
    }

    @Test
    void aSessionProposesJschsKeyExchangesWithoutThoseThisJvmCannotSetUp() throws Exception {
        com.jcraft.jsch.Session session = new com.jcraft.jsch.JSch().getSession("mqm", "127.0.0.1", 22);
        KexProposal.apply(session);

        assertThat(session.getConfig("kex")).isEqualTo(com.jcraft.jsch.JSch.getConfig("kex"));
        assertThat(session.getConfig("CheckKexes")).isEmpty();
        session.setConfig("no-such-kex", "com.example.NoSuchKeyExchange");
        assertThat(KexProposal.available(session, "no-such-kex,curve25519-sha256,ecdh-sha2-nistp256",
                "no-such-kex,curve25519-sha256")).contains("curve25519-sha256,ecdh-sha2-nistp256");
        assertThat(KexProposal.proposed(com.jcraft.jsch.JSch.getConfig("kex"), com.jcraft.jsch.JSch.getConfig("CheckKexes")))
                .isEqualTo("mlkem768x25519-sha256,curve25519-sha256,curve25519-sha256@libssh.org");
        assertThat(KexProposal.proposed("a,b,c", "x,c,a")).isEqualTo("c,a");
        assertThat(KexProposal.proposed("a,b", "x,y")).isEmpty();
    }

    @Test
    void anEd25519ClientKeyAndHostKeyGoThroughJschsBouncyCastleClassesAndAWrongHostKeyIsStillRefused() throws Exception {
        KeyPair edClient = TestSshServer.ed25519KeyPair();
        KeyPair edHost = TestSshServer.ed25519KeyPair();
        try (TestSshServer edServer = new TestSshServer(edClient.getPublic(), Integer.MAX_VALUE, edHost)) {
            Path edKey = TestSshServer.writePrivateKey(edClient, dir.resolve("id_ed25519"));
            Path edKnownHosts = Files.writeString(dir.resolve("known_hosts_ed"), edServer.knownHostsLine(edHost.getPublic()));
            Host edHostRecord = new Host("qmhost2", "127.0.0.1", edServer.port(), "mqm", false, "site-a", null);
            JschSshAdapter adapter = adapter(properties(edKey, edKnownHosts, 262144, Duration.ofSeconds(60), Duration.ofSeconds(5)));

            // The client signs its authentication with Ed25519 and checks the server's ed25519 host key signature.
            assertThat(adapter.run(edHostRecord, echo()).stdout()).isEqualTo("ok\n");
            assertThat(Curve25519Classes.bouncyCastle()).isTrue();
            assertThat(com.jcraft.jsch.JSch.getConfig("ssh-ed25519")).isEqualTo(Curve25519Classes.BOUNCY_CASTLE_ED25519);

            Files.writeString(edKnownHosts, edServer.knownHostsLine(TestSshServer.ed25519KeyPair().getPublic()));
            SshException e = catchThrowableOfType(() -> adapter(properties(edKey, edKnownHosts, 262144,
                    Duration.ofSeconds(60), Duration.ofSeconds(5))).run(edHostRecord, echo()), SshException.class);
            assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
            assertThat(edServer.commandLines()).hasSize(1);
        }
    }

    @Test
    void aSessionUsesJschsBouncyCastleCurve25519ClassesWhichAgreeWithTheJdkAndRefuseATamperedSignature() throws Exception {
        com.jcraft.jsch.Session session = new com.jcraft.jsch.JSch().getSession("mqm", "127.0.0.1", 22);
        Curve25519Classes.apply(session);
        assertThat(session.getConfig("ssh-ed25519")).isEqualTo("com.jcraft.jsch.bc.SignatureEd25519");
        assertThat(session.getConfig("xdh")).isEqualTo("com.jcraft.jsch.bc.XDH");

        java.security.KeyPair jdkKey = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "session identifier and userauth request".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(jdkKey.getPrivate());
        jdk.update(message);
        byte[] jdkSignature = jdk.sign();
        byte[] rawPublic = java.util.Arrays.copyOfRange(jdkKey.getPublic().getEncoded(), 12, 44);

        assertThat(bouncyCastleVerifies(rawPublic, message, jdkSignature)).isTrue();
        byte[] tampered = jdkSignature.clone();
        tampered[5] ^= 1;
        assertThat(bouncyCastleVerifies(rawPublic, message, tampered)).isFalse();
        byte[] otherMessage = message.clone();
        otherMessage[0] ^= 1;
        assertThat(bouncyCastleVerifies(rawPublic, otherMessage, jdkSignature)).isFalse();
    }

    /** jsch's Bouncy Castle Ed25519 check, as KeyExchange makes it of a host key's signature in its SSH framing. */
    private static boolean bouncyCastleVerifies(byte[] rawPublicKey, byte[] message, byte[] signature) throws Exception {
        com.jcraft.jsch.SignatureEdDSA check = Class.forName(Curve25519Classes.BOUNCY_CASTLE_ED25519)
                .asSubclass(com.jcraft.jsch.SignatureEdDSA.class).getDeclaredConstructor().newInstance();
        check.init();
        check.setPubKey(rawPublicKey);
        check.update(message);
        byte[] name = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.ByteBuffer framed = java.nio.ByteBuffer.allocate(8 + name.length + signature.length);
        framed.putInt(name.length).put(name).putInt(signature.length).put(signature);
        return check.verify(framed.array());
    }

    @Test
    void aKnownHostsEditKeepingTheFilesSizeAndTimeCountsAtTheNextSession() throws Exception {
        JschSshAdapter adapter = adapter(properties().withSessionReuse(false, Duration.ofSeconds(60), 10));
        adapter.run(host(false), echo());
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(knownHosts);
        String impostorLine = server.knownHostsLine(TestSshServer.ecKeyPair().getPublic());
        assertThat(impostorLine).hasSameSizeAs(Files.readString(knownHosts));
        Files.writeString(knownHosts, impostorLine);
        Files.setLastModifiedTime(knownHosts, modified);

        SshException e = catchThrowableOfType(() -> adapter.run(host(false), echo()), SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(server.commandLines()).hasSize(1);
    }

    /** Not a timed assertion: prints what a fresh session per call and a reused one cost, for docs/ssh.md. */
    @Test
    void measuresConnectPlusExecPerCall() {
        int calls = 20;
        for (boolean reuse : List.of(false, true)) {
            int sessionsBefore = server.sessionsOpened();
            JschSshAdapter adapter = adapter(properties().withSessionReuse(reuse, Duration.ofSeconds(60), 10));
            adapter.run(host(false), echo());
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                CommandResult result = adapter.run(host(false), echo());
                assertThat(result.stdout()).isEqualTo("ok\n");
                millis.add(result.duration().toMillis());
            }
            System.out.println("MINA " + (reuse ? "exec over a reused session" : "connect+exec") + " per call over "
                    + calls + " calls: mean " + millis.stream().mapToLong(Long::longValue).average().orElseThrow()
                    + " ms, min " + millis.stream().mapToLong(Long::longValue).min().orElseThrow() + " ms, max "
                    + millis.stream().mapToLong(Long::longValue).max().orElseThrow() + " ms");
            assertThat(server.sessionsOpened() - sessionsBefore).isEqualTo(reuse ? 1 : calls + 1);
        }
    }

    private List<CommandResult> runAtOnce(JschSshAdapter adapter, int calls, java.util.function.IntFunction<RemoteCommand> command)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int call = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return adapter.run(host(false), command.apply(call));
                }));
            }
            start.countDown();
            List<CommandResult> results = new ArrayList<>();
            for (Future<CommandResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitOpenSessionsOnServer(int open) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.sessionsOpen() != open && System.nanoTime() < giveUpAt) {
            Thread.sleep(20);
        }
        assertThat(server.sessionsOpen()).as("sessions open on the server").isEqualTo(open);
    }

    private SshProperties properties() {
        return properties(keyFile, knownHosts, 262144, Duration.ofSeconds(60), Duration.ofSeconds(5));
    }

    private RemoteCommand echo() {
        return RemoteCommand.builder("echo").word("ok").build();
    }

    private Host host(boolean sudo) {
        return new Host("qmhost1", "127.0.0.1", server.port(), "mqm", sudo, "site-a", null);
    }

    private JschSshAdapter adapter() {
        return adapter(properties(keyFile, knownHosts, 262144, Duration.ofSeconds(60), Duration.ofSeconds(5)));
    }

    private JschSshAdapter adapter(SshProperties properties) {
        JschSshAdapter adapter = new JschSshAdapter(properties, sink);
        adapters.add(adapter);
        return adapter;
    }

    private static SshProperties properties(Path key, Path knownHosts, int cap, Duration defaultDeadline, Duration grace) {
        return new SshProperties(key, null, knownHosts, Duration.ofSeconds(10), cap, defaultDeadline, grace);
    }
}
