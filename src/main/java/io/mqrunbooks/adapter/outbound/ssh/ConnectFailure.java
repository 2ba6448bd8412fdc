package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchRevokedHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.KeyPair;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.estate.Host;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns what jsch threw from {@code Session.connect} into an {@link SshException} an operator can act on. */
final class ConnectFailure {

    private final Host host;
    private final SshProperties properties;
    private final Path keyFile;
    private final Path knownHostsFile;
    private final VerifyingHostKeyRepository hostKeys;

    ConnectFailure(Host host, SshProperties properties, Path keyFile, Path knownHostsFile,
                   VerifyingHostKeyRepository hostKeys) {
        this.host = host;
        this.properties = properties;
        this.keyFile = keyFile;
        this.knownHostsFile = knownHostsFile;
        this.hostKeys = hostKeys;
    }

    SshException translate(JSchException e) {
        String label = JschSshAdapter.label(host);
        Optional<VerifyingHostKeyRepository.Presented> presented = hostKeys.presented();
        if (e instanceof JSchHostKeyException && presented.isPresent()) {
            return hostKeyRefused(e, presented.get());
        }
        if (messageStartsWith(e, "Auth fail") || messageStartsWith(e, "Auth cancel")
                || messageStartsWith(e, "USERAUTH fail")) {
            return new SshException(Kind.AUTHENTICATION_FAILED, host.name(), "host " + label
                    + " refused key authentication for user " + host.user() + " with key " + keyFile
                    + " (fingerprint " + clientKeyFingerprint() + ")", e);
        }
        Optional<String> unreachable = unreachableCause(e);
        if (unreachable.isPresent()) {
            return new SshException(Kind.HOST_UNREACHABLE, host.name(), "host " + label + " is unreachable: "
                    + unreachable.get(), e);
        }
        return new SshException(Kind.OTHER, host.name(), "SSH connection to host " + label + " failed: " + e.getMessage(), e);
    }

    private SshException hostKeyRefused(JSchException e, VerifyingHostKeyRepository.Presented key) {
        String label = JschSshAdapter.label(host);
        String presentedKey = "an " + key.type() + " key with fingerprint " + key.fingerprint();
        if (e instanceof JSchRevokedHostKeyException || key.revoked()) {
            return new SshException(Kind.HOST_KEY_CHANGED, host.name(), "host " + label + " presented " + presentedKey
                    + ", which " + knownHostsFile + " marks @revoked; the connection was refused", e);
        }
        if (e instanceof JSchChangedHostKeyException || key.verdict() == HostKeyRepository.CHANGED) {
            List<String> expected = hostKeys.expectedFingerprints(key);
            return new SshException(Kind.HOST_KEY_CHANGED, host.name(), "host " + label + " presented " + presentedKey
                    + " but " + knownHostsFile + " expects " + String.join(" or ", expected) + " for " + key.knownHostsName()
                    + ": possible man-in-the-middle; the connection was refused. If the host was rebuilt, verify its"
                    + " new key out of band and replace the entry in known_hosts.", e);
        }
        if (e instanceof JSchUnknownHostKeyException || key.verdict() == HostKeyRepository.NOT_INCLUDED) {
            return new SshException(Kind.HOST_KEY_UNKNOWN, host.name(), "host " + label + " is not in known_hosts "
                    + knownHostsFile + " (looked up as " + key.knownHostsName() + "); it presented " + presentedKey
                    + ". Keys are never added automatically: verify this fingerprint out of band and add the host's"
                    + " key to known_hosts (docs/ssh.md).", e);
        }
        return new SshException(Kind.OTHER, host.name(), "host " + label + " key check failed: " + e.getMessage(), e);
    }

    private String clientKeyFingerprint() {
        try {
            KeyPair key = KeyPair.load(new JSch(), keyFile.toString());
            try {
                if (key.isEncrypted() && properties.privateKeyPassphraseFile() != null) {
                    key.decrypt(Files.readString(properties.privateKeyPassphraseFile(), StandardCharsets.UTF_8).strip());
                }
                byte[] blob = key.getPublicKeyBlob();
                return blob == null ? "unavailable" : KeyFingerprints.sha256(blob);
            } finally {
                key.dispose();
            }
        } catch (Exception unreadable) {
            return "unavailable: " + unreadable.getMessage();
        }
    }

    private Optional<String> unreachableCause(Throwable e) {
        String address = host.address() + ":" + host.port();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return Optional.of("connection to " + address + " refused (no SSH server listening there)");
            }
            if (cause instanceof UnknownHostException) {
                return Optional.of("address '" + host.address() + "' does not resolve");
            }
            if (cause instanceof NoRouteToHostException) {
                return Optional.of("no route to " + address);
            }
            if (cause instanceof SocketTimeoutException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("timeout"))) {
                return Optional.of("no SSH answer from " + address + " within "
                        + JschSshAdapter.describe(properties.connectTimeout()) + " (mqrunbooks.ssh.connect-timeout)");
            }
            if (cause.getMessage() != null && cause.getMessage().contains("closed by foreign host")) {
                return Optional.of(address + " closed the connection during the SSH handshake");
            }
        }
        return Optional.empty();
    }

    private static boolean messageStartsWith(Throwable e, String prefix) {
        return e.getMessage() != null && e.getMessage().startsWith(prefix);
    }
}
