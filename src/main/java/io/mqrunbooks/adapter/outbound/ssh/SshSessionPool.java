package io.mqrunbooks.adapter.outbound.ssh;

import com.jcraft.jsch.Session;
import io.mqrunbooks.application.port.out.SshException;
import io.mqrunbooks.application.port.out.SshException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The adapter's authenticated SSH sessions, so that a host's commands run as exec channels over one
 * connection instead of a handshake each. A session carries up to {@code max-channels-per-session} commands
 * at once; past that, or when no session is usable, a new one is connected (and verified against known_hosts
 * like any new session), and commands arriving meanwhile share it once it is up. A session is only ever reused for the same address,
 * port, user, client key and known_hosts file contents it was verified with. Sessions without a command
 * are closed after {@code session-idle-timeout}, dead ones when seen, all of them on {@link #close()}.
 * With reuse off every lease is a new session, closed when the command ends.
 */
final class SshSessionPool implements AutoCloseable {

    /**
     * What a session was opened and verified for: the inventory host (whose name its errors carry), its
     * address, port and user, and in {@code credentials} the client key's and known_hosts' file versions, so a
     * rotated key or an edited known_hosts never rides on a session made before.
     */
    record Key(String host, String address, int port, String user, List<Object> credentials) {

        boolean sameEndpoint(Key other) {
            return host.equals(other.host) && address.equals(other.address) && port == other.port && user.equals(other.user);
        }
    }

    /** Connects and authenticates a new session, or throws the {@link SshException} an operator reads. */
    interface Connector {
        Session connect();
    }

    /** A session lent to one command; release it exactly once. */
    final class Lease {
        private final Pooled pooled;
        private final boolean reused;

        private Lease(Pooled pooled, boolean reused) {
            this.pooled = pooled;
            this.reused = reused;
        }

        Session session() {
            return pooled.session;
        }

        /**
         * True when the session was up before this command came: it may have died since without a word (a host
         * powered off sends no FIN), unlike one whose handshake has just been answered.
         */
        boolean reused() {
            return reused;
        }

        /** {@code healthy} false takes the session out of use: closed as soon as its other commands end. */
        void release(boolean healthy) {
            SshSessionPool.this.release(pooled, healthy, false);
        }

        /**
         * The server refused a channel on this live session: it allows fewer at once than the adapter was told
         * (OpenSSH's MaxSessions). The session keeps the commands it has and takes no more than that from now on.
         */
        void releaseRefused() {
            SshSessionPool.this.release(pooled, true, true);
        }
    }

    /** A session (or one being connected) and what runs over it; guarded by the pool's lock. */
    private static final class Pooled {
        final Key key;
        final CompletableFuture<Session> connected = new CompletableFuture<>();
        Session session;
        int channels = 1;
        int capacity;
        long idleSince = System.nanoTime();
        boolean retired;

        Pooled(Key key, int capacity) {
            this.key = key;
            this.capacity = capacity;
        }

        boolean dead() {
            return session != null && !session.isConnected();
        }

        boolean takesAnother() {
            return !retired && channels < capacity && !dead();
        }
    }

    private final boolean reuse;
    private final Duration idleTimeout;
    private final int maxChannels;
    private final Map<Key, List<Pooled>> sessions = new HashMap<>();
    private final ScheduledExecutorService idleCloser;
    private boolean closed;

    SshSessionPool(SshProperties properties) {
        this.reuse = properties.reuseSessions();
        this.idleTimeout = properties.sessionIdleTimeout();
        this.maxChannels = properties.maxChannelsPerSession();
        if (reuse) {
            idleCloser = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ssh-idle-sessions");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(50, Math.min(idleTimeout.toMillis() / 2, 5000));
            idleCloser.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
        } else {
            idleCloser = null;
        }
    }

    /**
     * A session for one command: a live one for this key with a free channel (waiting for it if it is still
     * being connected), or, when there is none or {@code newSession} is asked for, a new one from {@code connector},
     * connected outside the lock because a handshake takes time.
     */
    Lease lease(Key key, boolean newSession, Connector connector) {
        String hostName = key.host();
        List<Pooled> toClose = new ArrayList<>();
        Pooled pooled = null;
        Pooled connecting = null;
        boolean reused = false;
        try {
            synchronized (this) {
                requireOpen(hostName, key);
                removeUnusable(key, toClose);
                if (reuse && !newSession) {
                    for (Pooled candidate : sessions.getOrDefault(key, List.of())) {
                        if (candidate.takesAnother()) {
                            candidate.channels++;
                            pooled = candidate;
                            reused = candidate.session != null;
                            break;
                        }
                    }
                }
                if (pooled == null) {
                    connecting = new Pooled(key, maxChannels);
                    if (reuse) {
                        sessions.computeIfAbsent(key, k -> new ArrayList<>()).add(connecting);
                    }
                }
            }
        } finally {
            disconnect(toClose);
        }
        if (connecting != null) {
            return connectNew(hostName, connecting, connector);
        }
        return reused ? new Lease(pooled, true) : awaitConnected(hostName, pooled);
    }

    private Lease connectNew(String hostName, Pooled pooled, Connector connector) {
        Session session;
        try {
            session = connector.connect();
        } catch (RuntimeException e) {
            synchronized (this) {
                remove(pooled);
            }
            pooled.connected.completeExceptionally(e);
            throw e;
        }
        boolean shutDown;
        synchronized (this) {
            pooled.session = session;
            shutDown = closed;
        }
        if (shutDown) {
            session.disconnect();
            SshException e = shutDown(hostName, pooled.key);
            pooled.connected.completeExceptionally(e);
            throw e;
        }
        pooled.connected.complete(session);
        return new Lease(pooled, false);
    }

    /** Another command is connecting the session this one will share; its failure is this command's too. */
    private Lease awaitConnected(String hostName, Pooled pooled) {
        try {
            pooled.connected.get();
            return new Lease(pooled, false);
        } catch (ExecutionException e) {
            synchronized (this) {
                pooled.channels--;
            }
            if (e.getCause() instanceof SshException failed) {
                throw new SshException(failed.kind(), hostName, failed.getMessage(), failed);
            }
            throw new SshException(Kind.OTHER, hostName, "SSH connection to host " + hostName + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                pooled.channels--;
            }
            throw new SshException(Kind.OTHER, hostName, "interrupted while waiting for the SSH session to host "
                    + hostName, e);
        }
    }

    /** Sessions open now (for tests and the bench). */
    synchronized int openSessions() {
        return sessions.values().stream().mapToInt(List::size).sum();
    }

    /** Closes every session, also those a command is still using: their commands fail as dropped. */
    @Override
    public void close() {
        List<Pooled> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            sessions.values().forEach(all::addAll);
            sessions.clear();
        }
        if (idleCloser != null) {
            idleCloser.shutdownNow();
        }
        disconnect(all);
    }

    private void release(Pooled pooled, boolean healthy, boolean refused) {
        boolean close;
        synchronized (this) {
            if (refused) {
                pooled.capacity = Math.max(1, Math.min(pooled.capacity, pooled.channels - 1));
            }
            pooled.channels--;
            pooled.idleSince = System.nanoTime();
            pooled.retired |= !healthy;
            close = !reuse || closed || pooled.dead() || (pooled.retired && pooled.channels == 0);
            if (close) {
                remove(pooled);
            }
        }
        if (close) {
            pooled.session.disconnect();
        }
    }

    private void closeIdle() {
        List<Pooled> idle = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            for (List<Pooled> list : sessions.values()) {
                for (Iterator<Pooled> it = list.iterator(); it.hasNext(); ) {
                    Pooled pooled = it.next();
                    if (pooled.channels == 0 && (pooled.retired || pooled.dead()
                            || now - pooled.idleSince >= idleTimeout.toNanos())) {
                        it.remove();
                        idle.add(pooled);
                    }
                }
            }
            sessions.values().removeIf(List::isEmpty);
        }
        disconnect(idle);
    }

    /**
     * Drops this key's dead sessions, and takes out of use the sessions of the same host made with other
     * credentials (a rotated key, an edited known_hosts): they close once idle.
     */
    private void removeUnusable(Key key, List<Pooled> toClose) {
        for (Map.Entry<Key, List<Pooled>> entry : sessions.entrySet()) {
            boolean stale = !entry.getKey().equals(key) && entry.getKey().sameEndpoint(key);
            for (Iterator<Pooled> it = entry.getValue().iterator(); it.hasNext(); ) {
                Pooled pooled = it.next();
                pooled.retired |= stale;
                if (pooled.channels == 0 && (pooled.retired || pooled.dead())) {
                    it.remove();
                    toClose.add(pooled);
                }
            }
        }
        sessions.values().removeIf(List::isEmpty);
    }

    private void remove(Pooled pooled) {
        List<Pooled> list = sessions.get(pooled.key);
        if (list != null && list.remove(pooled) && list.isEmpty()) {
            sessions.remove(pooled.key);
        }
    }

    private void requireOpen(String hostName, Key key) {
        if (closed) {
            throw shutDown(hostName, key);
        }
    }

    private static SshException shutDown(String hostName, Key key) {
        return new SshException(Kind.OTHER, hostName, "the SSH adapter is shutting down; nothing was sent to host "
                + hostName + " (" + key.address() + ":" + key.port() + ")");
    }

    /** Sessions still being connected are closed by whoever connects them, once they see the pool closed. */
    private static void disconnect(List<Pooled> sessions) {
        sessions.stream().filter(pooled -> pooled.session != null).forEach(pooled -> pooled.session.disconnect());
    }
}
