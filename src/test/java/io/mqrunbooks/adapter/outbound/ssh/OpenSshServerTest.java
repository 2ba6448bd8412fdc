package io.mqrunbooks.adapter.outbound.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.estate.Host;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a real OpenSSH server: {@code /usr/sbin/sshd} started on a free loopback port with
 * its own host key, config and authorized_keys, logging in as the current user. The client key is
 * passphrase-protected (OpenSSH's bcrypt format) and known_hosts is hashed, as {@code ssh-keyscan -H} and
 * {@code ssh-keygen -H} write it.
 */
class OpenSshServerTest {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final String NOT_INSTALLED = "openssh-server is not installed (.ci/run installs it)";
    private static final String PASSPHRASE = "correct horse battery";

    private static Path dir;
    private static Process sshd;
    private static int port;
    private static Path keyFile;
    private static Path plainKeyFile;
    private static Path passphraseFile;
    private static Path knownHosts;
    private static Path failingCommand;
    private static Path slowEcho;
    private static Path ranLog;

    @BeforeAll
    static void startSshd() throws Exception {
        if (!Files.isExecutable(SSHD)) {
            if (System.getenv("CI") != null) {
                Assertions.fail(NOT_INSTALLED);
            }
            Assumptions.abort(NOT_INSTALLED);
        }
        dir = Files.createTempDirectory("openssh-test");
        keygen("-t", "ed25519", "-f", dir.resolve("host_key").toString(), "-N", "", "-C", "test-host");
        keygen("-t", "ed25519", "-f", dir.resolve("id_ed25519").toString(), "-N", PASSPHRASE, "-C", "mq-runbooks");
        keygen("-t", "ed25519", "-f", dir.resolve("id_plain").toString(), "-N", "", "-C", "mq-runbooks-plain");
        keyFile = dir.resolve("id_ed25519");
        plainKeyFile = dir.resolve("id_plain");
        passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        Files.writeString(dir.resolve("authorized_keys"),
                Files.readString(dir.resolve("id_ed25519.pub")) + Files.readString(dir.resolve("id_plain.pub")));
        failingCommand = script("failing-command", "#!/bin/sh\nprintf 'AMQ8118E: IBM MQ queue manager does not exist.\\n' >&2\nexit 3\n");
        ranLog = dir.resolve("ran.log");
        // Notes each run, then takes a second, so that calls started together overlap on the server.
        slowEcho = script("slow-echo", "#!/bin/sh\necho \"$1\" >> " + ranLog + "\nsleep 1\necho \"$1\"\n");

        port = freePort();
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                // A host whose sessions get a Chinese locale, as pam_env or a profile would give them.
                "SetEnv LANG=zh_CN.UTF-8 LC_MESSAGES=zh_CN.UTF-8 LC_ALL=C.UTF-8",
                ""));
        // OpenSSH refuses to start without its privilege separation directory, which only exists once the
        // system service has run.
        Files.createDirectories(Path.of("/run/sshd"));
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        awaitListening();

        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")));
        keygen("-H", "-f", knownHosts.toString());
        assertThat(Files.readString(knownHosts)).startsWith("|1|");
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private final List<JschSshAdapter> adapters = new ArrayList<>();

    @AfterEach
    void stopAdapters() {
        adapters.forEach(JschSshAdapter::stop);
    }

    @Test
    void runsACommandAndReturnsItsOutput() {
        CommandResult result = adapter(knownHosts).run(host(), RemoteCommand.builder("echo").word("hello").word("world").build());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello world\n");
        assertThat(result.stderr()).isEmpty();
    }

    /**
     * The session's messages are Chinese and it sets LC_ALL (sshd's SetEnv above), yet the command runs with LC_ALL
     * empty (setlocale ignores it) and LANG=C and LC_MESSAGES=C, so IBM MQ prints its English messages, in
     * LC_CTYPE=C.UTF-8's codeset.
     */
    @Test
    void theCommandRunsWithEnglishMessagesInUtf8OverTheSessionsLocale() {
        CommandResult result = adapter(knownHosts).run(host(), RemoteCommand.builder("printenv").word("LANG")
                .word("LC_MESSAGES").word("LC_CTYPE").build());
        CommandResult lcAll = adapter(knownHosts).run(host(), RemoteCommand.builder("printenv").word("LC_ALL").build());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("C\nC\nC.UTF-8\n");
        assertThat(lcAll.exitCode()).isZero();
        assertThat(lcAll.stdout()).as("LC_ALL empty").isEqualTo("\n");
    }

    @Test
    void aTransformedQmIniPathReachesTheCommandAsWritten() {
        // IBM MQ's '!' for a '.' in QM.NHA's directory: the login shell of an exec request reads it literally
        CommandResult result = adapter(knownHosts).run(host(), RemoteCommand.builder("echo").qmIniPath("QM.NHA").build());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("/var/mqm/qmgrs/QM!NHA/qm.ini\n");
    }

    @Test
    void failingScriptReturnsItsStderrAndExitCode() {
        CommandResult result = adapter(knownHosts).run(host(), RemoteCommand.builder(failingCommand.toString()).build());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("AMQ8118E: IBM MQ queue manager does not exist.\n");
        assertThat(result.commandLine()).isEqualTo(failingCommand.toString());
    }

    @Test
    void stdinReachesTheCommandAndEndsWithEof() {
        String mqsc = "DISPLAY QMGR ALL\nEND\n";
        CommandResult result = adapter(knownHosts).run(host(), RemoteCommand.builder("cat").stdin(mqsc).build());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(mqsc);
    }

    @Test
    void coreutilsTimeoutKillsALongCommandAtItsDeadline() {
        RemoteCommand sleep = RemoteCommand.builder("sleep").number("seconds", 30).deadline(Duration.ofSeconds(2)).build();

        SshAdapterHarness.Timed<SshException> timed = SshAdapterHarness.timed(() -> adapter(knownHosts).run(host(), sleep));

        assertThat(timed.failure().kind()).isEqualTo(Kind.DEADLINE_EXCEEDED);
        assertThat(timed.failure().getMessage()).isEqualTo("command 'sleep 30' on host lab-openssh (127.0.0.1:" + port
                + ") did not finish within 2s");
        // Cut off at its deadline, long before the 30 s sleep would have ended (connect time varies with load).
        assertThat(timed.elapsed()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    @Test
    void changedHostKeyIsRefusedWithBothFingerprints() throws Exception {
        Path otherHostKey = dir.resolve("other_host_key");
        keygen("-t", "ed25519", "-f", otherHostKey.toString(), "-N", "", "-C", "impostor");
        Path changed = Files.writeString(dir.resolve("known_hosts_changed"),
                "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("other_host_key.pub")));

        SshException e = catchThrowableOfType(() -> adapter(changed).run(host(), RemoteCommand.builder("echo").word("x").build()),
                SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(e.getMessage()).isEqualTo("host lab-openssh (127.0.0.1:" + port + ") presented an ssh-ed25519 key with"
                + " fingerprint " + opensshFingerprint(dir.resolve("host_key.pub")) + " but " + changed + " expects "
                + opensshFingerprint(dir.resolve("other_host_key.pub")) + " for [127.0.0.1]:" + port
                + ": possible man-in-the-middle; the connection was refused. If the host was rebuilt, verify its new key"
                + " out of band and replace the entry in known_hosts.");
    }

    @Test
    void hostMissingFromKnownHostsIsRefusedWithItsFingerprint() throws Exception {
        Path empty = Files.writeString(dir.resolve("known_hosts_empty"), "");

        SshException e = catchThrowableOfType(() -> adapter(empty).run(host(), RemoteCommand.builder("echo").word("x").build()),
                SshException.class);

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
        assertThat(e.getMessage()).contains("it presented an ssh-ed25519 key with fingerprint "
                + opensshFingerprint(dir.resolve("host_key.pub")) + ". Keys are never added automatically");
        assertThat(Files.readString(empty)).isEmpty();
    }

    @Test
    void wrongPassphraseNamesTheKeyAndThePassphraseFile() throws Exception {
        Path wrongPassphrase = Files.writeString(dir.resolve("wrong-passphrase"), "not the passphrase\n");
        JschSshAdapter adapter = new JschSshAdapter(new SshProperties(keyFile, wrongPassphrase, knownHosts,
                Duration.ofSeconds(10), 262144, Duration.ofSeconds(60), Duration.ofSeconds(5)), CommandEvidenceSink.NONE);

        SshException e = catchThrowableOfType(() -> adapter.run(host(), RemoteCommand.builder("true").build()),
                SshException.class);

        assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).isEqualTo("the private key " + keyFile + " (mqrunbooks.ssh.private-key-file) could not be"
                + " loaded: the passphrase does not decrypt it; check that mqrunbooks.ssh.private-key-passphrase-file holds"
                + " this key's passphrase");
        assertThat(e.getMessage()).doesNotContain("not the passphrase");
    }

    @Test
    void aHostsCommandsShareOneConnection() throws Exception {
        long loginsBefore = logins();
        JschSshAdapter adapter = adapter(knownHosts);
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(adapter.run(host(), RemoteCommand.builder("echo").word("call" + i).build()).stdout())
                        .isEqualTo("call" + i + "\n");
            }
        } finally {
            adapter.stop();
        }

        assertThat(logins() - loginsBefore).as("public key logins sshd logged").isOne();
    }

    @Test
    void moreCommandsAtOnceThanMaxSessionsRunOnceEachOverMoreConnections() throws Exception {
        // sshd's MaxSessions is 10 (its default). 14 at once, 10 per session: two connections.
        List<String> ran = runAtOnce(adapter(knownHosts), "a", 14);
        // Told to put 12 on a session, the adapter has two of them refused by sshd; those channels never opened,
        // so they go over a new connection, and still run once each.
        JschSshAdapter tooMany = new JschSshAdapter(new SshProperties(keyFile, passphraseFile, knownHosts, Duration.ofSeconds(10),
                262144, Duration.ofSeconds(60), Duration.ofSeconds(5)).withSessionReuse(true, Duration.ofSeconds(60), 12),
                CommandEvidenceSink.NONE);
        List<String> ranOverRefusals = runAtOnce(tooMany, "b", 12);

        assertThat(ran).hasSize(14).doesNotHaveDuplicates();
        assertThat(ranOverRefusals).hasSize(12).doesNotHaveDuplicates();
    }

    /** Not a timed assertion: prints what a fresh session per call and a reused one cost against OpenSSH, for docs/ssh.md. */
    @Test
    void measuresConnectPlusExecPerCall() {
        int calls = 10;
        for (Path key : List.of(keyFile, plainKeyFile)) {
            for (boolean reuse : List.of(false, true)) {
                Path passphrase = key.equals(keyFile) ? passphraseFile : null;
                JschSshAdapter adapter = new JschSshAdapter(new SshProperties(key, passphrase, knownHosts, Duration.ofSeconds(10),
                        262144, Duration.ofSeconds(60), Duration.ofSeconds(5)).withSessionReuse(reuse, Duration.ofSeconds(60), 10),
                        CommandEvidenceSink.NONE);
                adapter.run(host(), RemoteCommand.builder("true").build());
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    CommandResult result = adapter.run(host(), RemoteCommand.builder("true").build());
                    assertThat(result.exitCode()).isZero();
                    millis.add(result.duration().toMillis());
                }
                adapter.stop();
                System.out.println("OpenSSH " + (reuse ? "exec over a reused session" : "connect+exec") + " per call ("
                        + (passphrase == null ? "unencrypted" : "bcrypt-encrypted") + " key) over " + calls + " calls: mean "
                        + millis.stream().mapToLong(Long::longValue).average().orElseThrow() + " ms, min "
                        + millis.stream().mapToLong(Long::longValue).min().orElseThrow() + " ms, max "
                        + millis.stream().mapToLong(Long::longValue).max().orElseThrow() + " ms");
            }
        }
    }

    /** Runs slow-echo PREFIXn for n below {@code calls} at once; returns what the script noted as run. */
    private List<String> runAtOnce(JschSshAdapter adapter, String prefix, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                RemoteCommand command = RemoteCommand.builder(slowEcho.toString()).word(prefix + i).build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return adapter.run(host(), command);
                }));
            }
            start.countDown();
            for (int i = 0; i < calls; i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS).stdout()).isEqualTo(prefix + i + "\n");
            }
        } finally {
            pool.shutdownNow();
            adapter.stop();
        }
        return Files.readAllLines(ranLog).stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /** Public key logins sshd has logged ("Accepted publickey for ..."), one per connection. */
    private long logins() throws IOException {
        return Files.readAllLines(dir.resolve("sshd.log")).stream().filter(line -> line.contains("Accepted publickey")).count();
    }

    private JschSshAdapter adapter(Path knownHostsFile) {
        JschSshAdapter adapter = new JschSshAdapter(new SshProperties(keyFile, passphraseFile, knownHostsFile,
                Duration.ofSeconds(10), 262144, Duration.ofSeconds(60), Duration.ofSeconds(5)), CommandEvidenceSink.NONE);
        adapters.add(adapter);
        return adapter;
    }

    private static Host host() {
        return new Host("lab-openssh", "127.0.0.1", port, System.getProperty("user.name"), false, "site-a", null);
    }

    private static Path script(String name, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The fingerprint as OpenSSH itself prints it, e.g. {@code SHA256:abc...}. */
    private static String opensshFingerprint(Path publicKey) throws Exception {
        return keygen("-l", "-E", "sha256", "-f", publicKey.toString()).split(" ")[1];
    }

    private static String keygen(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q"));
        if (args[0].equals("-l")) {
            command.remove("-q");
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening() throws Exception {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < giveUpAt) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd exited with " + sshd.exitValue() + ": "
                        + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within 15s: "
                + Files.readString(dir.resolve("sshd.log")));
    }
}
