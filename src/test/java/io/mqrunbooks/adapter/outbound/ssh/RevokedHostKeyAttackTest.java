package io.mqrunbooks.adapter.outbound.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.estate.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review E (2026-12-08): a host key an operator revoked in known_hosts the way OpenSSH reads it
 * ({@code @revoked * <key>}, or under another of the host's names) must never be accepted. jsch matches a
 * {@code @revoked} line only when its host field is, character for character, the name looked up, so a stolen host
 * key revoked with a pattern was still trusted through the host's ordinary entry: the command ran.
 */
class RevokedHostKeyAttackTest {

    @TempDir
    Path dir;

    private TestSshServer server;
    private Path keyFile;
    private Path knownHosts;
    private JschSshAdapter adapter;

    @BeforeEach
    void startServer() throws Exception {
        KeyPair clientKey = TestSshServer.ecKeyPair();
        server = new TestSshServer(clientKey.getPublic());
        keyFile = TestSshServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
        knownHosts = dir.resolve("known_hosts");
        adapter = new JschSshAdapter(new SshProperties(keyFile, null, knownHosts, Duration.ofSeconds(10), 262144,
                Duration.ofSeconds(60), Duration.ofSeconds(5)), result -> { });
    }

    @AfterEach
    void stopServer() throws Exception {
        adapter.stop();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "[127.0.0.1]:*", "127.0.0.*", "mq-old.example.com,*", "mq-old.example.com"})
    void aKeyRevokedUnderAPatternOrAnotherNameIsRefusedAndNothingRuns(String revokedFor) throws Exception {
        String key = PublicKeyEntry.toString(server.hostKey().getPublic());
        Files.writeString(knownHosts, "@revoked " + revokedFor + " " + key + "\n"
                + server.knownHostsLine(server.hostKey().getPublic()));

        SshException e = catchThrowableOfType(() -> adapter.run(host(), echo()), SshException.class);

        assertThat(e).as("a revoked key was accepted: the command ran").isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_CHANGED);
        assertThat(e.getMessage()).isEqualTo("host qmhost1 (127.0.0.1:" + server.port() + ") presented an"
                + " ecdsa-sha2-nistp256 key with fingerprint " + TestSshServer.fingerprint(server.hostKey().getPublic())
                + ", which " + knownHosts + " marks @revoked; the connection was refused");
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void aCertificateAuthorityLineIsNotAHostKey() throws Exception {
        String key = PublicKeyEntry.toString(server.hostKey().getPublic());
        Files.writeString(knownHosts, "@cert-authority [127.0.0.1]:" + server.port() + " " + key + "\n");

        SshException e = catchThrowableOfType(() -> adapter.run(host(), echo()), SshException.class);

        assertThat(e).as("a @cert-authority line was taken for the host's own key: the command ran").isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY_UNKNOWN);
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void anotherHostsRevokedKeyLeavesThisHostAlone() throws Exception {
        Files.writeString(knownHosts, "@revoked * " + PublicKeyEntry.toString(TestSshServer.ecKeyPair().getPublic())
                + "\n" + server.knownHostsLine(server.hostKey().getPublic()));

        assertThat(adapter.run(host(), echo()).stdout()).isEqualTo("ok\n");
    }

    private Host host() {
        return new Host("qmhost1", "127.0.0.1", server.port(), "mqm", false, "site-a", null);
    }

    private static RemoteCommand echo() {
        return RemoteCommand.builder("echo").word("ok").build();
    }
}
