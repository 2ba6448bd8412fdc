package io.mqrunbooks.lab;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.estate.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.PublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab estate's SSH side: one SSH server per inventory host on 127.0.0.1, answering exec requests
 * through a {@link LabCommandHandler}. Public key authentication only, with the lab's client key; host
 * keys, the client key, known_hosts and the journal live under {@code <data>/lab/}.
 */
public final class LabEstate implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(LabEstate.class);

    private final Estate inventory;
    private final LabCommandHandler handler;
    private final Path labDir;
    private final Clock clock;
    private final Map<String, SimpleGeneratorHostKeyProvider> hostKeys = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, SshServer> servers = new LinkedHashMap<>();
    private final LabJournal journal;
    private final LabFaults faults;
    private final ActiveCommands active = new ActiveCommands();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<LabEstate> listening = new CompletableFuture<>();
    /** With ephemeral ports: the sockets holding the ports {@link #prepare} chose until each host's server binds. */
    private final Map<String, Socket> reservedPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile PublicKey clientPublicKey;
    private volatile Estate effective;
    private boolean closed;

    /** The cheap part: folders, journal, faults, threads; no key and no listener yet. */
    private LabEstate(Estate inventory, LabCommandHandler handler, Path dataDir, LabOptions options, Clock clock)
            throws IOException {
        this.inventory = inventory;
        this.handler = handler;
        this.labDir = dataDir.resolve("lab").toAbsolutePath();
        this.clock = clock;
        Files.createDirectories(labDir);
        this.journal = new LabJournal(journalFile());
        this.faults = new LabFaults(inventory.hosts().stream().map(Host::name).toList(), new Listeners());
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(options.commandThreads(), options.commandThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), r -> daemon(r, "lab-command-" + threads.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-timeout"));
    }

    /**
     * Starts every host's SSH server and writes known_hosts, the effective inventory and the Ansible inventory.
     *
     * @throws IOException when a port is taken or the data folder cannot be written
     */
    public static LabEstate start(Estate inventory, LabCommandHandler handler, Path dataDir, LabOptions options)
            throws IOException {
        return start(inventory, handler, dataDir, options, Clock.systemUTC());
    }

    public static LabEstate start(Estate inventory, LabCommandHandler handler, Path dataDir, LabOptions options,
                                  Clock clock) throws IOException {
        LabEstate lab = new LabEstate(inventory, handler, dataDir, options, clock);
        Map<String, Integer> wanted = new LinkedHashMap<>();
        inventory.hosts().forEach(host -> wanted.put(host.name(), options.ephemeralPorts() ? 0 : host.port()));
        lab.listen(wanted);
        return lab;
    }

    /**
     * The lab with its ports chosen but nothing listening yet, so that the app can start without waiting for
     * the host keys and SSH servers: {@link #listen()} opens them later (in the background). With ephemeral
     * ports, free ports are picked now and held (a bound socket each, so the kernel hands them to no one else,
     * also not to another test JVM's connections) until {@link #listen()} binds each host's server in its place;
     * should another program still take one in that instant (or a fixed port be taken), {@link #listen()} fails and names the host and port.
     *
     * @throws IOException when the data folder cannot be written or no free port is left
     */
    public static LabEstate prepare(Estate inventory, LabCommandHandler handler, Path dataDir, LabOptions options)
            throws IOException {
        LabEstate lab = new LabEstate(inventory, handler, dataDir, options, Clock.systemUTC());
        for (Host host : inventory.hosts()) {
            lab.ports.put(host.name(), options.ephemeralPorts() ? lab.reservePort(host.name()) : host.port());
        }
        lab.effective = effectiveEstate(inventory, lab.ports);
        return lab;
    }

    /** Opens the listeners of a {@link #prepare prepared} lab on the ports it chose. */
    public void listen() throws IOException {
        listen(Map.copyOf(ports));
    }

    /** Completes when every host listens and the client files are written; fails with the reason it could not. */
    public CompletableFuture<LabEstate> listening() {
        return listening;
    }

    private synchronized void listen(Map<String, Integer> wanted) throws IOException {
        if (listening.isDone()) {
            throw new IllegalStateException("Lab estate: already started");
        }
        try {
            this.clientPublicKey = LabKeys.clientKey(clientKeyFile()).getPublic();
            for (Host host : inventory.hosts()) {
                hostKeys.put(host.name(), LabKeys.hostKey(labDir, host.name()));
                if (faults.isDown(host.name()) && wanted.get(host.name()) != 0) {
                    continue; // taken down from the lab page before the lab was up; hostUp starts it
                }
                SshServer server = startServer(host, wanted.get(host.name()));
                servers.put(host.name(), server);
                ports.put(host.name(), server.getPort());
            }
            this.effective = effectiveEstate(inventory, ports);
            writeClientFiles();
        } catch (IOException | RuntimeException e) {
            close();
            listening.completeExceptionally(e);
            throw e;
        }
        listening.complete(this);
        log.info("Lab estate: {} hosts listening on {} (ports {})", servers.size(), LOOPBACK, ports.values());
    }

    /**
     * A free port, held by a socket that is bound but does not listen: connections to it are refused, as to a host
     * not yet up, and without SO_REUSEADDR no other socket can bind it, nor does the kernel give it to a connection.
     */
    private int reservePort(String host) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        reservedPorts.put(host, socket);
        return socket.getLocalPort();
    }

    /** Lets go of the socket holding a host's chosen port, the moment before its server binds the port. */
    private void releasePort(String host) {
        Socket reserved = reservedPorts.remove(host);
        if (reserved != null) {
            try {
                reserved.close();
            } catch (IOException e) {
                log.debug("Lab host {}: closing the socket that held its port", host, e);
            }
        }
    }

    /** The inventory with the address and port every host really listens on. */
    public Estate effectiveEstate() {
        return effective;
    }

    /** {@code <data>/lab/}, absolute: where the lab keeps its files. */
    public Path labDir() {
        return labDir;
    }

    public Path knownHostsFile() {
        return labDir.resolve("known_hosts");
    }

    /** The client's private key (OpenSSH format, 0600); the public key is beside it with {@code .pub}. */
    public Path clientKeyFile() {
        return labDir.resolve("client_ed25519");
    }

    public Path inventoryFile() {
        return labDir.resolve("inventory.yaml");
    }

    public Path ansibleInventoryFile() {
        return labDir.resolve("ansible-inventory.ini");
    }

    public Path journalFile() {
        return labDir.resolve("journal.jsonl");
    }

    public LabJournal journal() {
        return journal;
    }

    public LabFaults faults() {
        return faults;
    }

    public int port(String host) {
        Integer port = ports.get(host);
        if (port == null) {
            throw new IllegalArgumentException("Lab estate: unknown lab host '" + host + "'");
        }
        return port;
    }

    /** The host key fingerprint (SHA256:...) clients see for the host. */
    public String hostKeyFingerprint(String host) {
        return KeyUtils.getFingerPrint(hostPublicKey(host));
    }

    /** {@code host: command line} of every command running now. */
    public List<String> runningCommands() {
        return active.describe();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Map.Entry<String, SshServer> entry : servers.entrySet()) {
            stopServer(entry.getKey(), entry.getValue());
        }
        servers.clear();
        List.copyOf(reservedPorts.keySet()).forEach(this::releasePort);
        pool.shutdownNow();
        timer.shutdownNow();
    }

    private SshServer startServer(Host host, int port) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(LOOPBACK);
        server.setPort(port);
        server.setKeyPairProvider(hostKeys.get(host.name()));
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) ->
                username.equals(host.user()) && KeyUtils.compareKeys(clientPublicKey, key));
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setShellFactory(null);
        server.setCommandFactory((channel, commandLine) -> new LabExecCommand(host.name(), commandLine, handler,
                faults, journal, pool, timer, clock, active));
        releasePort(host.name());
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("Lab host " + host.name() + ": cannot listen on " + LOOPBACK + ":" + port
                    + " (" + e.getMessage() + ")", e);
        }
        return server;
    }

    private void stopServer(String host, SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            log.warn("Lab host {}: its SSH server did not stop cleanly", host, e);
        }
    }

    private PublicKey hostPublicKey(String host) {
        SimpleGeneratorHostKeyProvider provider = hostKeys.get(host);
        if (provider == null) {
            throw new IllegalArgumentException("Lab estate: unknown lab host '" + host + "'");
        }
        return LabKeys.hostPublicKey(provider, host);
    }

    private void writeClientFiles() throws IOException {
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        hostKeys.keySet().forEach(host -> publicKeys.put(host, hostPublicKey(host)));
        LabFiles.write(knownHostsFile(), LabFiles.knownHosts(effective, publicKeys));
        LabFiles.write(inventoryFile(), LabFiles.inventoryYaml(effective));
        LabFiles.write(ansibleInventoryFile(), LabFiles.ansibleInventory(effective, clientKeyFile(), knownHostsFile()));
    }

    private static Estate effectiveEstate(Estate inventory, Map<String, Integer> ports) {
        List<Host> hosts = inventory.hosts().stream()
                .map(h -> new Host(h.name(), LOOPBACK, ports.get(h.name()), h.user(), h.sudo(), h.site(),
                        h.replicationAddress()))
                .toList();
        return new Estate(inventory.sites(), hosts, inventory.queueManagers(), inventory.clusters(),
                inventory.channelPartners());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Host down and up for {@link LabFaults}: the listener goes away, then comes back on the same port. */
    private final class Listeners implements LabFaults.Listeners {
        @Override
        public void stop(String host) {
            synchronized (LabEstate.this) {
                SshServer server = servers.remove(host);
                if (server != null) {
                    stopServer(host, server);
                }
            }
        }

        @Override
        public void start(String host) {
            synchronized (LabEstate.this) {
                if (closed) {
                    throw new IllegalStateException("Lab estate is closed; host " + host + " cannot come up");
                }
                if (!listening.isDone() || servers.containsKey(host)) {
                    return; // not listening yet: listen() opens it; or already up
                }
                try {
                    servers.put(host, startServer(inventory.host(host), ports.get(host)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
