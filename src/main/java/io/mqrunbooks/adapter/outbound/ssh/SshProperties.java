package io.mqrunbooks.adapter.outbound.ssh;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 *                                 {@code timeout} to report before it closes the command's channel itself
 * @param reuseSessions            run a host's commands over one authenticated session (an exec channel
 *                                 each) instead of a new session per command
 * @param sessionIdleTimeout       how long a reused session may sit without a command before it is closed
 * @param maxChannelsPerSession    commands at once over one session; more open another session. OpenSSH
 *                                 refuses more than its {@code MaxSessions} (10 by default)
 */
@ConfigurationProperties("mqrunbooks.ssh")
public record SshProperties(
        Path privateKeyFile,
        Path privateKeyPassphraseFile,
        Path knownHostsFile,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("262144") int outputCapBytes,
        @DefaultValue("60s") Duration defaultDeadline,
        @DefaultValue("5s") Duration deadlineGrace,
        @DefaultValue("true") boolean reuseSessions,
        @DefaultValue("60s") Duration sessionIdleTimeout,
        @DefaultValue("10") int maxChannelsPerSession) {

    @ConstructorBinding
    public SshProperties {
        if (outputCapBytes < 1) {
            throw new IllegalArgumentException("mqrunbooks.ssh.output-cap-bytes must be positive, not " + outputCapBytes);
        }
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("default-deadline", defaultDeadline);
        if (deadlineGrace == null || deadlineGrace.isNegative()) {
            throw new IllegalArgumentException("mqrunbooks.ssh.deadline-grace must be zero or more, not " + deadlineGrace);
        }
        requirePositive("session-idle-timeout", sessionIdleTimeout);
        if (maxChannelsPerSession < 1) {
            throw new IllegalArgumentException("mqrunbooks.ssh.max-channels-per-session must be positive, not "
                    + maxChannelsPerSession);
        }
    }

    /** Session reuse with its defaults: one session per host, closed after 60 s without a command, 10 channels. */
    public SshProperties(Path privateKeyFile, Path privateKeyPassphraseFile, Path knownHostsFile, Duration connectTimeout,
                         int outputCapBytes, Duration defaultDeadline, Duration deadlineGrace) {
        this(privateKeyFile, privateKeyPassphraseFile, knownHostsFile, connectTimeout, outputCapBytes, defaultDeadline,
                deadlineGrace, true, Duration.ofSeconds(60), 10);
    }

    /** The same settings with session reuse switched on or off. */
    public SshProperties withSessionReuse(boolean reuse, Duration idleTimeout, int maxChannels) {
        return new SshProperties(privateKeyFile, privateKeyPassphraseFile, knownHostsFile, connectTimeout, outputCapBytes,
                defaultDeadline, deadlineGrace, reuse, idleTimeout, maxChannels);
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
                + ", deadlineGrace=" + deadlineGrace + ", reuseSessions=" + reuseSessions
                + ", sessionIdleTimeout=" + sessionIdleTimeout + ", maxChannelsPerSession=" + maxChannelsPerSession + "]";
    }
}
