package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RemoteCommand;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import io.mqrunbooks.application.port.out.SshPort;
import io.mqrunbooks.mq.UnsafeArgumentException;
import io.mqrunbooks.estate.Host;
import io.mqrunbooks.mq.NameRules;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link SshPort} over jsch. Each command runs in an exec channel of its own. With
 * {@code mqrunbooks.ssh.reuse-sessions} (the default) a host's commands share one authenticated session
 * ({@link SshSessionPool}); otherwise each command opens its own session and disconnects. Every new
 * session is verified against known_hosts as read at that moment. A command is never sent twice: only a
 * channel that could not be opened, so that the command provably never reached the host, is tried again, once,
 * over a new session. The decrypted client key is kept until its file changes. See docs/ssh.md.
 */
@Component
public class JschSshAdapter implements SshPort {

    private static final Logger LOG = LoggerFactory.getLogger(JschSshAdapter.class);
    /** coreutils timeout exits 124 when its signal ended the command, 128+9 when that signal was KILL. */
    private static final int TIMEOUT_EXIT = 124;
    private static final int KILLED_EXIT = 137;
    private static final long CLOSE_POLL_MILLIS = 10;
    private static final long SESSION_SETTLE_MILLIS = 300;
    /** Keep-alives on a reused session, so a host that went silent is found dead, as OpenSSH's ServerAliveCountMax 3. */
    private static final int KEEPALIVE_INTERVAL_MILLIS = 15_000;
    private static final int KEEPALIVE_COUNT_MAX = 3;

    private final SshProperties properties;
    private final CommandEvidenceSink evidence;
    private final ExecutorService streams = Executors.newCachedThreadPool(daemonThreads());
    private final SshSessionPool sessions;
    private volatile LoadedIdentity loadedIdentity;
    private final KnownHostsCache knownHosts = new KnownHostsCache();

    /** A JSch holding the decrypted client key, and the key and passphrase files' state it was loaded from. */
    private record LoadedIdentity(List<Object> version, JSch jsch) {
    }

    @Autowired
    public JschSshAdapter(SshProperties properties, ObjectProvider<CommandEvidenceSink> evidence) {
        this(properties, evidence.getIfAvailable(() -> CommandEvidenceSink.NONE));
    }

    public JschSshAdapter(SshProperties properties, CommandEvidenceSink evidence) {
        this.properties = properties;
        this.evidence = evidence;
        this.sessions = new SshSessionPool(properties);
    }

    @Override
    public CommandResult run(Host host, RemoteCommand command) {
        long started = System.nanoTime();
        CommandResult result;
        try {
            checkHost(host);
            result = execute(host, command, deadlineOf(command), started);
        } catch (RuntimeException e) {
            LOG.debug("host {}: '{}' failed: {}", host.name(), command.commandLine(), e.getMessage());
            evidence.commandRan(new CommandResult(host.name(), command.commandLine(), -1, "", e.getMessage(),
                    elapsedSince(started), false));
            throw e;
        }
        LOG.debug("host {}: '{}' exited {}", host.name(), command.commandLine(), result.exitCode());
        evidence.commandRan(result);
        return result;
    }

    /**
     * Every command prints IBM MQ's English messages: MQ picks its message catalogue from LANG and LC_MESSAGES, and a
     * host whose sessions get a translated locale (pam_env, ~/.bashrc) would print messages our parsers refuse. With
     * LANG=C and LC_MESSAGES=C, MQ reads its US English catalogue (/opt/mqm/msg/en_US/amq.cat, as IBM's APAR in
     * docs/ssh.md shows). LC_ALL is emptied rather than set to C: it would override LC_CTYPE too, and MQ converts
     * text to the codeset of LC_CTYPE, which in C is ISO 8859-1 (CCSID 819): a DESCR outside it would be lost, and
     * one inside it would arrive as bytes that are not the UTF-8 the adapter reads (Review G). Emptied, not removed:
     * setlocale ignores an empty LC_ALL, sudo keeps it (LC_* pass its env_check), and a kept variable is not replaced
     * by one pam_env reads from /etc/environment, where a removed one would be (Review H). C.UTF-8 is on every
     * Linux that IBM MQ 9.4 supports. {@code env} rather than shell assignments, so that any login shell reads it,
     * and on the command line rather than by an SSH env request, which sshd drops unless its AcceptEnv allows it.
     * None of the values holds '%' or '/', which sudo's env_check would drop.
     */
    static final String ENGLISH_MESSAGES = "env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8";

    /**
     * What the remote shell receives: the command in the {@link #ENGLISH_MESSAGES} locale, under coreutils
     * {@code timeout}, so it cannot outlive its deadline, and behind {@code sudo -n} when the host says so. sudo sits
     * inside timeout (and env outside both) so sudoers only needs to grant the MQ commands, never {@code timeout}
     * or {@code env}, which would run anything.
     */
    static String remoteCommandLine(Host host, RemoteCommand command, Duration deadline) {
        long seconds = Math.max(1, (deadline.toMillis() + 999) / 1000);
        return ENGLISH_MESSAGES + " timeout --signal=KILL " + seconds + "s " + (host.sudo() ? "sudo -n " : "")
                + command.commandLine();
    }

    /** Closes the sessions kept for reuse; a command still running over one fails as dropped. */
    @PreDestroy
    public void stop() {
        sessions.close();
        streams.shutdownNow();
    }

    /** Sessions kept open for reuse now. */
    public int openSessions() {
        return sessions.openSessions();
    }

    private Duration deadlineOf(RemoteCommand command) {
        return command.deadline().equals(RemoteCommand.DEFAULT_DEADLINE) ? properties.defaultDeadline() : command.deadline();
    }

    private static void checkHost(Host host) {
        NameRules.checkHostName(host.address()).ifPresent(problem -> {
            throw new UnsafeArgumentException("host " + host.name() + ": address " + problem + "; nothing was sent");
        });
        NameRules.checkPort(host.port()).ifPresent(problem -> {
            throw new UnsafeArgumentException("host " + host.name() + ": port " + problem + "; nothing was sent");
        });
        NameRules.checkUser(host.user()).ifPresent(problem -> {
            throw new UnsafeArgumentException("host " + host.name() + ": user " + problem + "; nothing was sent");
        });
    }

    private CommandResult execute(Host host, RemoteCommand command, Duration deadline, long started) {
        Path keyFile = requireFile(host, "private-key-file", properties.privateKeyFile());
        Path knownHostsFile = requireFile(host, "known-hosts-file", properties.knownHostsFile());
        LoadedIdentity identity = identity(host, keyFile);
        SshSessionPool.Key key = new SshSessionPool.Key(host.name(), host.address(), host.port(), host.user(),
                List.of(identity.version(), fileVersion(host, knownHostsFile)));
        SshSessionPool.Connector connector = () -> connect(host, identity.jsch(), keyFile, knownHostsFile);
        long giveUpAt = started + deadline.plus(properties.deadlineGrace()).toNanos();
        for (boolean overNewSession = false; ; overNewSession = true) {
            SshSessionPool.Lease lease = sessions.lease(key, overNewSession, connector);
            long untilDeadline = Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime()));
            // A kept session to a host that went silent would swallow the channel open until the deadline: it
            // gets the connect timeout, as a new connection would, and then the command goes over a new one.
            long openTimeout = lease.reused() ? Math.min(untilDeadline, properties.connectTimeout().toMillis()) : untilDeadline;
            OpenChannel channel;
            try {
                channel = openChannel(host, lease.session(), command, deadline, openTimeout);
            } catch (ChannelNotOpened e) {
                if (lease.session().isConnected() && !e.unanswered()) {
                    lease.releaseRefused();
                } else {
                    lease.release(false);
                }
                if (overNewSession) {
                    throw e.failure();
                }
                // The session died or refused the channel: the command never reached the host, so it may go
                // over a new session, once.
                LOG.debug("host {}: the session could not open a channel ({}); trying over a new session", host.name(),
                        e.getCause().getMessage());
                continue;
            } catch (RuntimeException e) {
                lease.release(false);
                throw e;
            }
            boolean healthy = false;
            try {
                CommandResult result = exec(host, lease.session(), channel, command, deadline, started, giveUpAt);
                healthy = true;
                return result;
            } finally {
                lease.release(healthy);
            }
        }
    }

    /** A new authenticated session, its host key checked against known_hosts as the file reads now. */
    private Session connect(Host host, JSch jsch, Path keyFile, Path knownHostsFile) {
        VerifyingHostKeyRepository hostKeys = new VerifyingHostKeyRepository(knownHosts(host, knownHostsFile),
                knownHostsFile.toString());
        Session session;
        try {
            session = jsch.getSession(host.user(), host.address(), host.port());
        } catch (JSchException e) {
            throw new SshException(Kind.OTHER, host.name(), "host " + label(host) + ": " + e.getMessage(), e);
        }
        session.setHostKeyRepository(hostKeys);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        Curve25519Classes.apply(session);
        KexProposal.apply(session);
        // A kept session must not hold the JVM open on its own.
        session.setDaemonThread(true);
        try {
            session.connect(Math.toIntExact(properties.connectTimeout().toMillis()));
            if (properties.reuseSessions()) {
                session.setServerAliveInterval(KEEPALIVE_INTERVAL_MILLIS);
                session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
            }
        } catch (JSchException e) {
            session.disconnect();
            throw new ConnectFailure(host, properties, keyFile, knownHostsFile, hostKeys).translate(e);
        }
        return session;
    }

    /** An exec channel with the command sent, and its streams. */
    private record OpenChannel(ChannelExec channel, InputStream stdout, InputStream stderr, OutputStream stdin) {
    }

    /**
     * The channel could not be opened, so the exec request (the command) was never sent: safe to try again
     * over another session. {@link #failure()} is what to report when it is not tried again.
     */
    private static final class ChannelNotOpened extends Exception {
        private final SshException failure;
        private final boolean unanswered;

        ChannelNotOpened(SshException failure, boolean unanswered) {
            super(failure.getMessage(), failure.getCause());
            this.failure = failure;
            this.unanswered = unanswered;
        }

        SshException failure() {
            return failure;
        }

        /** The server did not answer the channel open in time: the session is taken to be dead, not full. */
        boolean unanswered() {
            return unanswered;
        }
    }

    private OpenChannel openChannel(Host host, Session session, RemoteCommand command, Duration deadline, long timeoutMillis)
            throws ChannelNotOpened {
        ChannelExec channel;
        InputStream stdout;
        InputStream stderr;
        OutputStream stdin;
        try {
            channel = (ChannelExec) session.openChannel("exec");
            if (channel == null) {
                throw new JSchException("session is down");
            }
            channel.setCommand(remoteCommandLine(host, command, deadline));
            stdout = channel.getInputStream();
            stderr = channel.getExtInputStream();
            stdin = channel.getOutputStream();
        } catch (JSchException | IOException e) {
            // Nothing has gone to the host yet.
            throw new ChannelNotOpened(notStarted(host, session, command, e), false);
        }
        long opening = System.nanoTime();
        try {
            channel.connect(Math.toIntExact(timeoutMillis));
        } catch (JSchException e) {
            if (channelNeverOpened(e)) {
                boolean unanswered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening) >= timeoutMillis;
                throw new ChannelNotOpened(notStarted(host, session, command, e), unanswered);
            }
            throw notStarted(host, session, command, e);
        }
        return new OpenChannel(channel, stdout, stderr, stdin);
    }

    /**
     * Whether {@code ChannelExec.connect} failed while opening the channel, before the exec request went out.
     * jsch 2.27's {@code Channel.connect} first opens the channel ({@code sendChannelOpen}), then sends the exec
     * request ({@code ChannelExec.start}). Only the first part throws "session is down" and "channel is not
     * opened." (refused, e.g. past OpenSSH's MaxSessions, or unanswered), and only there does an I/O error reach
     * {@code Channel.connect} bare, to be wrapped with its own toString as the message ({@code start} wraps its
     * I/O errors as "ChannelExec"). Anything else may have sent the command: never retried.
     */
    static boolean channelNeverOpened(JSchException e) {
        String message = String.valueOf(e.getMessage());
        if (message.equals("session is down") || message.equals("channel is not opened.")) {
            return true;
        }
        return e.getCause() instanceof IOException io && message.equals(io.toString());
    }

    private static SshException notStarted(Host host, Session session, RemoteCommand command, Exception e) {
        if (!session.isConnected()) {
            return dropped(host, command, e);
        }
        return new SshException(Kind.OTHER, host.name(),
                "host " + label(host) + " did not start command '" + command.commandLine() + "': " + e.getMessage(), e);
    }

    private CommandResult exec(Host host, Session session, OpenChannel open, RemoteCommand command, Duration deadline,
                               long started, long giveUpAt) {
        String label = label(host);
        ChannelExec channel = open.channel();
        try {
            Future<CappedOutput.Captured> out = streams.submit(() -> CappedOutput.readAll(open.stdout(), properties.outputCapBytes()));
            Future<CappedOutput.Captured> err = streams.submit(() -> CappedOutput.readAll(open.stderr(), properties.outputCapBytes()));
            streams.submit(() -> feed(open.stdin(), command.stdin()));
            CappedOutput.Captured capturedOut = await(out, giveUpAt);
            CappedOutput.Captured capturedErr = await(err, giveUpAt);
            // The streams end at the server's EOF; exit-status and close follow in later messages, usually within a
            // millisecond: poll often at first, then every CLOSE_POLL_MILLIS.
            for (long pause = 1; !channel.isClosed() && System.nanoTime() < giveUpAt;
                 pause = Math.min(CLOSE_POLL_MILLIS, pause * 2)) {
                Thread.sleep(pause);
            }
            if (!channel.isClosed()) {
                throw deadlineExceeded(host, command, deadline);
            }
            int exitCode = channel.getExitStatus();
            Duration elapsed = elapsedSince(started);
            if (exitCode == -1) {
                throw withoutExitStatus(host, session, command, deadline, elapsed);
            }
            if ((exitCode == KILLED_EXIT || exitCode == TIMEOUT_EXIT) && elapsed.compareTo(deadline) >= 0) {
                throw deadlineExceeded(host, command, deadline);
            }
            return new CommandResult(host.name(), command.commandLine(), exitCode, capturedOut.text(), capturedErr.text(),
                    elapsed, capturedOut.truncated() || capturedErr.truncated());
        } catch (TimeoutException e) {
            throw deadlineExceeded(host, command, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(Kind.OTHER, host.name(),
                    "interrupted while command '" + command.commandLine() + "' ran on host " + label, e);
        } finally {
            channel.disconnect();
        }
    }

    /**
     * The channel closed without an exit-status message. Either the connection went away, or the server
     * sent exit-signal instead (OpenSSH does when the command died from a signal, e.g. timeout's KILL),
     * which jsch does not surface.
     */
    private static SshException withoutExitStatus(Host host, Session session, RemoteCommand command, Duration deadline,
                                                  Duration elapsed) throws InterruptedException {
        if (sessionGone(session)) {
            return new SshException(Kind.SESSION_DROPPED, host.name(), "the SSH session to host " + label(host)
                    + " closed before command '" + command.commandLine() + "' reported an exit status");
        }
        if (elapsed.compareTo(deadline) >= 0) {
            return deadlineExceeded(host, command, deadline);
        }
        return new SshException(Kind.OTHER, host.name(), "command '" + command.commandLine() + "' on host " + label(host)
                + " ended without an exit status: the server reported none, so a signal probably ended it");
    }

    /** jsch closes the channels of a dead connection a moment before it marks the session disconnected. */
    private static boolean sessionGone(Session session) throws InterruptedException {
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SESSION_SETTLE_MILLIS);
        while (session.isConnected() && System.nanoTime() < giveUpAt) {
            Thread.sleep(CLOSE_POLL_MILLIS);
        }
        return !session.isConnected();
    }

    private static void feed(OutputStream stdin, String text) {
        try (stdin) {
            if (text != null) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        } catch (IOException e) {
            // The command ended without reading all of its input; its exit status tells the story.
        }
    }

    private static CappedOutput.Captured await(Future<CappedOutput.Captured> stream, long giveUpAt)
            throws TimeoutException, InterruptedException {
        try {
            return stream.get(Math.max(0, giveUpAt - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading command output failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            stream.cancel(true);
            throw e;
        }
    }

    private static SshException deadlineExceeded(Host host, RemoteCommand command, Duration deadline) {
        return new SshException(Kind.DEADLINE_EXCEEDED, host.name(), "command '" + command.commandLine() + "' on host "
                + label(host) + " did not finish within " + describe(deadline));
    }

    private static SshException dropped(Host host, RemoteCommand command, Exception cause) {
        return new SshException(Kind.SESSION_DROPPED, host.name(), "the SSH session to host " + label(host)
                + " closed before command '" + command.commandLine() + "' started", cause);
    }

    private void addIdentity(Host host, JSch jsch, Path keyFile) {
        byte[] passphrase = readPassphrase(host);
        String hint = passphrase == null
                ? "; if the key is encrypted, name its passphrase file in mqrunbooks.ssh.private-key-passphrase-file"
                : "; check that mqrunbooks.ssh.private-key-passphrase-file holds this key's passphrase";
        try {
            // jsch would accept a key it cannot decrypt and fail later as a vague USERAUTH failure.
            KeyPair key = KeyPair.load(jsch, keyFile.toString());
            boolean usable = !key.isEncrypted() || (passphrase != null && key.decrypt(passphrase));
            key.dispose();
            if (!usable) {
                throw new JSchException(passphrase == null ? "the key is encrypted" : "the passphrase does not decrypt it");
            }
            jsch.addIdentity(keyFile.toString(), passphrase);
        } catch (JSchException e) {
            throw new SshException(Kind.AUTHENTICATION_FAILED, host.name(), "the private key " + keyFile
                    + " (mqrunbooks.ssh.private-key-file) could not be loaded: " + e.getMessage() + hint, e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, (byte) 0);
            }
        }
    }

    private byte[] readPassphrase(Host host) {
        if (properties.privateKeyPassphraseFile() == null) {
            return null;
        }
        Path file = requireFile(host, "private-key-passphrase-file", properties.privateKeyPassphraseFile());
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int lineEnd = content.indexOf('\n');
            String firstLine = lineEnd < 0 ? content : content.substring(0, lineEnd);
            return firstLine.strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SshException(Kind.OTHER, host.name(), "mqrunbooks.ssh.private-key-passphrase-file " + file
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The client key, loaded once and again only when its file or passphrase file changes: decrypting an
     * OpenSSH key (bcrypt) costs more than the whole SSH handshake.
     */
    private LoadedIdentity identity(Host host, Path keyFile) {
        List<Object> version = List.of(fileVersion(host, keyFile), Optional.ofNullable(properties.privateKeyPassphraseFile())
                .map(file -> fileVersion(host, file)));
        LoadedIdentity current = loadedIdentity;
        if (current != null && current.version().equals(version)) {
            return current;
        }
        synchronized (this) {
            if (loadedIdentity == null || !loadedIdentity.version().equals(version)) {
                JSch jsch = new JSch();
                addIdentity(host, jsch, keyFile);
                loadedIdentity = new LoadedIdentity(version, jsch);
            }
            return loadedIdentity;
        }
    }

    private static List<Object> fileVersion(Host host, Path file) {
        try {
            return List.of(file, Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException e) {
            throw new SshException(Kind.OTHER, host.name(), file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Read for every new session, so a host key added by an operator counts at the next retry. */
    private HostKeyRepository knownHosts(Host host, Path file) {
        try {
            return knownHosts.read(file);
        } catch (IOException | JSchException e) {
            throw new SshException(Kind.OTHER, host.name(), "mqrunbooks.ssh.known-hosts-file " + file
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Path requireFile(Host host, String property, Path file) {
        if (file == null) {
            throw new SshException(Kind.OTHER, host.name(), "mqrunbooks.ssh." + property
                    + " is not set; the SSH adapter needs it to reach host " + label(host));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new SshException(Kind.OTHER, host.name(), "mqrunbooks.ssh." + property + " names " + file
                    + ", which is not a readable file");
        }
        return file;
    }

    static String label(Host host) {
        return host.name() + " (" + host.address() + ":" + host.port() + ")";
    }

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ssh-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
