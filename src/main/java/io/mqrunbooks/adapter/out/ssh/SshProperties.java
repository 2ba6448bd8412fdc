package io.mqrunbooks.adapter.out.ssh;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the SSH adapter connects. Files are read at each call, so a rotated key or an added known_hosts
 * entry takes effect without a restart. Only file paths are held here, never the passphrase itself.
 *
 * @param privateKeyFile           the client's private key (OpenSSH, PEM or PuTTY format)
 * @param privateKeyPassphraseFile a file whose first line is the key's passphrase, or null for an
 *                                 unencrypted key
 * @param knownHostsFile           OpenSSH known_hosts with every host's key; nothing is ever added to it
 * @param connectTimeout           TCP connect plus SSH handshake and authentication
 * @param outputCapBytes           bytes kept per stream (stdout, stderr); the rest is read and dropped
 * @param defaultDeadline          replaces {@link io.mqrunbooks.application.port.out.RemoteCommand#DEFAULT_DEADLINE}
 *                                 for commands that kept the builder's default
 * @param deadlineGrace            how long past the deadline the adapter waits for the remote
 *                                 {@code timeout} to report before it drops the session itself
 */
@ConfigurationProperties("mqrunbooks.ssh")
public record SshProperties(
        Path privateKeyFile,
        Path privateKeyPassphraseFile,
        Path knownHostsFile,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("262144") int outputCapBytes,
        @DefaultValue("60s") Duration defaultDeadline,
        @DefaultValue("5s") Duration deadlineGrace) {

    public SshProperties {
        if (outputCapBytes < 1) {
            throw new IllegalArgumentException("mqrunbooks.ssh.output-cap-bytes must be positive, not " + outputCapBytes);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("default-deadline", defaultDeadline);
        if (deadlineGrace == null || deadlineGrace.isNegative()) {
            throw new IllegalArgumentException("mqrunbooks.ssh.deadline-grace must be zero or more, not " + deadlineGrace);
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("mqrunbooks.ssh." + property + " must be a positive duration, not " + value);
        }
    }

    @Override
    public String toString() {
        return "SshProperties[privateKeyFile=" + privateKeyFile
                + ", privateKeyPassphraseFile=" + (privateKeyPassphraseFile == null ? "none" : privateKeyPassphraseFile)
                + ", knownHostsFile=" + knownHostsFile + ", connectTimeout=" + connectTimeout
                + ", outputCapBytes=" + outputCapBytes + ", defaultDeadline=" + defaultDeadline
                + ", deadlineGrace=" + deadlineGrace + "]";
    }
}
