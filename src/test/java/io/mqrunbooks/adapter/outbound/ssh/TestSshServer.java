package io.mqrunbooks.adapter.outbound.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An SSH server on 127.0.0.1 for the adapter tests: public key auth only, and a handful of commands that
 * behave in the ways a remote command can (print, fail, read stdin, run long, hang, drop the session).
 * It understands the adapter's wrappers ({@code env LC_ALL= LANG=C LC_MESSAGES=C LC_CTYPE=C.UTF-8}, {@code timeout --signal=KILL Ns},
 * {@code sudo -n}) and records every command line it received.
 */
final class TestSshServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger sessionsClosed = new AtomicInteger();
    private final List<String> commandLines = new CopyOnWriteArrayList<>();

    TestSshServer(PublicKey authorizedClientKey) throws IOException, GeneralSecurityException {
        this(authorizedClientKey, Integer.MAX_VALUE);
    }

    /** A server that refuses to open more than {@code maxChannels} channels at once on one session. */
    TestSshServer(PublicKey authorizedClientKey, int maxChannels) throws IOException, GeneralSecurityException {
        this(authorizedClientKey, maxChannels, ecKeyPair());
    }

    /** A server presenting {@code hostKey} (an ECDSA P-256 one in the other constructors). */
    TestSshServer(PublicKey authorizedClientKey, int maxChannels, KeyPair hostKey) throws IOException {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(authorizedClientKey, key));
        server.setCommandFactory((channel, commandLine) -> {
            commandLines.add(commandLine);
            if (commandLine.endsWith(" drop-at-start")) {
                // The session goes before the exec request is answered: the client cannot know the command came.
                channel.getSession().close(true);
            }
            return new ScriptedCommand(commandLine);
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessionsOpened.incrementAndGet();
            }

            @Override
            public void sessionClosed(Session session) {
                sessionsClosed.incrementAndGet();
            }
        });
        server.setChannelFactories(List.of(new LimitedSessionChannels(maxChannels)));
        server.start();
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An ed25519 key pair, the key type OpenSSH prefers for hosts and users. */
    static KeyPair ed25519KeyPair() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    /** Writes the private key in OpenSSH format, as ssh-keygen would. */
    static Path writePrivateKey(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", null, out);
        }
        return file;
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    int port() {
        return server.getPort();
    }

    KeyPair hostKey() {
        return hostKey;
    }

    /** A known_hosts line for this server, as OpenSSH writes it for a non-default port. */
    String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    int sessionsOpened() {
        return sessionsOpened.get();
    }

    /** Sessions open now, as the server counts them. */
    int sessionsOpen() {
        return sessionsOpened.get() - sessionsClosed.get();
    }

    List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /**
     * Session channels, at most {@code max} open at once per SSH session, as OpenSSH's MaxSessions: past that
     * the channel open is refused (MINA answers SSH_MSG_CHANNEL_OPEN_FAILURE when a factory gives no channel).
     */
    private static final class LimitedSessionChannels implements ChannelFactory {
        private final int max;
        private final java.util.Map<Session, AtomicInteger> open = new java.util.concurrent.ConcurrentHashMap<>();

        LimitedSessionChannels(int max) {
            this.max = max;
        }

        @Override
        public String getName() {
            return ChannelSessionFactory.INSTANCE.getName();
        }

        @Override
        public Channel createChannel(Session session) throws IOException {
            AtomicInteger count = open.computeIfAbsent(session, s -> new AtomicInteger());
            if (count.incrementAndGet() > max) {
                count.decrementAndGet();
                return null;
            }
            Channel channel = ChannelSessionFactory.INSTANCE.createChannel(session);
            channel.addCloseFutureListener(closed -> count.decrementAndGet());
            return channel;
        }
    }

    /**
     * Commands: {@code echo WORDS}, {@code fail CODE} (a line on stderr, exit CODE), {@code cat} (stdin to
     * stdout), {@code sleep SECONDS} (killed by the timeout wrapper: exit 137, as a shell reports it),
     * {@code sleep-signalled SECONDS} (the same, reported as OpenSSH does when timeout's KILL ended the
     * command: no exit status), {@code signalled} (no exit status at once), {@code hang} (ignores the wrapper, never exits), {@code drop} (closes the session, no exit status),
     * {@code drop-at-start} (the session is closed as the exec request arrives, before it is answered),
     * {@code flood BYTES} (that many bytes on stdout and on stderr).
     */
    private static final class ScriptedCommand implements Command, Runnable {
        private final String commandLine;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private ChannelSession channel;
        private Thread thread;

        ScriptedCommand(String commandLine) {
            this.commandLine = commandLine;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            this.channel = channel;
            thread = new Thread(this, "test-ssh-command");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            List<String> words = new ArrayList<>(Arrays.asList(commandLine.split(" ")));
            long timeoutSeconds = Long.MAX_VALUE;
            List<String> english = List.of("env", "LC_ALL=", "LANG=C", "LC_MESSAGES=C", "LC_CTYPE=C.UTF-8");
            if (words.size() > english.size() && words.subList(0, english.size()).equals(english)) {
                words = words.subList(english.size(), words.size());
            }
            if (words.size() > 3 && words.get(0).equals("timeout") && words.get(1).equals("--signal=KILL")) {
                timeoutSeconds = Long.parseLong(words.get(2).replace("s", ""));
                words = words.subList(3, words.size());
            }
            if (words.size() > 2 && words.get(0).equals("sudo") && words.get(1).equals("-n")) {
                words = words.subList(2, words.size());
            }
            try {
                int code = execute(words, timeoutSeconds);
                if (code >= 0) {
                    out.flush();
                    err.flush();
                    exit.onExit(code);
                }
            } catch (Exception e) {
                exit.onExit(99, e.toString());
            }
        }

        private int execute(List<String> words, long timeoutSeconds) throws Exception {
            String program = words.get(0);
            List<String> args = words.subList(1, words.size());
            switch (program) {
                case "echo" -> out.write((String.join(" ", args) + "\n").getBytes(StandardCharsets.UTF_8));
                case "fail" -> {
                    err.write(("failing with " + args.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
                    return Integer.parseInt(args.get(0));
                }
                case "cat" -> in.transferTo(out);
                case "sleep" -> {
                    long seconds = Long.parseLong(args.get(0));
                    Thread.sleep(Math.min(seconds, timeoutSeconds) * 1000);
                    return seconds > timeoutSeconds ? 137 : 0;
                }
                case "sleep-signalled" -> {
                    // What OpenSSH does when timeout's KILL ends the command: exit-signal, then close; no exit-status.
                    long seconds = Long.parseLong(args.get(0));
                    Thread.sleep(Math.min(seconds, timeoutSeconds) * 1000);
                    if (seconds <= timeoutSeconds) {
                        return 0;
                    }
                    channel.close(false);
                    return -1;
                }
                case "signalled" -> {
                    channel.close(false);
                    return -1;
                }
                case "hang" -> {
                    Thread.sleep(Long.MAX_VALUE);
                }
                case "drop" -> {
                    out.write("about to drop\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    channel.getSession().close(true);
                    return -1;
                }
                case "flood" -> {
                    byte[] chunk = new byte[1024];
                    Arrays.fill(chunk, (byte) 'x');
                    for (int sent = 0; sent < Integer.parseInt(args.get(0)); sent += chunk.length) {
                        out.write(chunk);
                        err.write(chunk);
                    }
                }
                default -> {
                    err.write((program + ": command not found\n").getBytes(StandardCharsets.UTF_8));
                    return 127;
                }
            }
            return 0;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
