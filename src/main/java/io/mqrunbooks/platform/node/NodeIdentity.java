package io.mqrunbooks.platform.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This engine node's identity, held for as long as the node runs (docs/operations.md "Node identity and restarts").
 *
 * <p>The node keeps its {@code engine_node} row locked in a transaction it holds open on a connection of its own.
 * The database drops that lock the moment the connection ends (a killed process's sockets are closed by its
 * operating system), so while a node runs no second node can take its identity, and a node restarted after a
 * crash takes it at once. Holding the identity, the node releases the job locks under its name: only its own
 * dead incarnation can have left them, and without the release they would wait out the lock time (five minutes
 * by default) before any job executor ran them again.
 */
public final class NodeIdentity implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentity.class);
    /** MariaDB's lock wait timeout (NOWAIT answers it too), MySQL's NOWAIT refusal, H2's lock timeout. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_LOCK_NOWAIT = 3572;
    private static final int H2_LOCK_TIMEOUT = 50200;
    /**
     * MariaDB drops the holding connection after this long without a statement: a node whose host died (no socket
     * closed) frees its identity then. The heartbeat runs well within it.
     */
    static final int HOLDER_IDLE_TIMEOUT_SECONDS = 90;

    private final DataSource dataSource;
    private final String nodeId;
    private final String incarnation;
    private final int jobsReleased;
    private Connection holder;
    private ScheduledExecutorService heartbeat;

    private NodeIdentity(DataSource dataSource, String nodeId, String incarnation, Connection holder, int jobsReleased) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.incarnation = incarnation;
        this.holder = holder;
        this.jobsReleased = jobsReleased;
    }

    /**
     * Takes {@code nodeId} for this process, then releases the jobs locked under it (by the engine tables of
     * {@code engineTablePrefix}) and records the start in {@code engine_node_start}.
     *
     * @throws NodeIdentityInUseException while another running node holds the identity
     */
    public static NodeIdentity claim(DataSource dataSource, String nodeId, String engineTablePrefix, Clock clock) {
        return claim(dataSource, nodeId, engineTablePrefix, clock, Duration.ZERO);
    }

    /**
     * As {@link #claim(DataSource, String, String, Clock)}, trying again for up to {@code wait} while the identity
     * is held: a predecessor whose host died holds it until the database drops its connection
     * ({@link #HOLDER_IDLE_TIMEOUT_SECONDS} on MariaDB).
     */
    public static NodeIdentity claim(DataSource dataSource, String nodeId, String engineTablePrefix, Clock clock,
                                     Duration wait) {
        String incarnation = UUID.randomUUID().toString();
        try {
            insertRowIfAbsent(dataSource, nodeId);
            long deadline = System.nanoTime() + wait.toNanos();
            Connection holder = lock(dataSource, nodeId);
            while (holder == null && System.nanoTime() < deadline) {
                LOG.warn("Node identity '{}' is held by another node ({}); trying again until {} s have passed", nodeId,
                        lastStart(dataSource, nodeId), wait.toSeconds());
                sleep(Duration.ofNanos(Math.min(Duration.ofSeconds(5).toNanos(), deadline - System.nanoTime())));
                holder = lock(dataSource, nodeId);
            }
            if (holder == null) {
                throw new NodeIdentityInUseException(nodeId, lastStart(dataSource, nodeId));
            }
            int released;
            try {
                released = releaseJobLocks(dataSource, nodeId, engineTablePrefix);
                recordStart(dataSource, nodeId, incarnation, released, clock);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(holder);
                throw e;
            }
            if (released > 0) {
                LOG.warn("Node '{}' started (incarnation {}): released {} job(s) locked by its previous incarnation; "
                        + "they run now instead of after their lock expires", nodeId, incarnation, released);
            } else {
                LOG.info("Node '{}' started (incarnation {}): no job was locked by a previous incarnation", nodeId,
                        incarnation);
            }
            return new NodeIdentity(dataSource, nodeId, incarnation, holder, released);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take node identity '" + nodeId + "': " + e.getMessage(), e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public String incarnation() {
        return incarnation;
    }

    public int jobsReleased() {
        return jobsReleased;
    }

    /**
     * Checks every {@code every} that the node still holds its identity. A connection the database dropped (an
     * idle timeout, a server restart) loses the lock; the node takes it again at once, and if another node took it
     * meanwhile, {@code onLost} runs (the node stops executing jobs rather than share its identity).
     */
    public synchronized void startHeartbeat(Duration every, Runnable onLost) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-identity-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(() -> beat(onLost), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void beat(Runnable onLost) {
        if (holder == null) {
            return;
        }
        try (PreparedStatement select = holder.prepareStatement("SELECT node_id FROM engine_node WHERE node_id = ? FOR UPDATE")) {
            select.setString(1, nodeId);
            select.executeQuery().close();
            return;
        } catch (SQLException e) {
            LOG.warn("Node '{}' lost the connection that holds its identity ({}); taking it again", nodeId, e.getMessage());
            closeQuietly(holder);
            holder = null;
        }
        try {
            holder = lock(dataSource, nodeId);
        } catch (SQLException e) {
            LOG.warn("Node '{}' could not take its identity again yet: {}", nodeId, e.getMessage());
            return;
        }
        if (holder == null) {
            LOG.error("Node '{}' lost its identity to another running node ({}); this node stops executing jobs",
                    nodeId, lastStartQuietly());
            heartbeat.shutdown();
            onLost.run();
        }
    }

    private String lastStartQuietly() {
        try {
            return lastStart(dataSource, nodeId);
        } catch (SQLException e) {
            return "its start record unreadable: " + e.getMessage();
        }
    }

    /** Ends the hold: the identity is free for this node's next start. */
    @Override
    public synchronized void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (holder != null) {
            closeQuietly(holder);
            holder = null;
        }
    }

    private static void insertRowIfAbsent(DataSource dataSource, String nodeId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM engine_node WHERE node_id = ?")) {
                exists.setString(1, nodeId);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO engine_node (node_id) VALUES (?)")) {
                insert.setString(1, nodeId);
                insert.executeUpdate();
            } catch (SQLException e) {
                // Two nodes started together: the other one inserted it.
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
        }
    }

    /** The row locked on a connection of its own, or null while another connection holds it. */
    private static Connection lock(DataSource dataSource, String nodeId) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            // Read committed: the open transaction keeps no snapshot that would hold back MariaDB's purge.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            String database = connection.getMetaData().getDatabaseProductName();
            if (database.contains("MariaDB") || database.contains("MySQL")) {
                try (Statement timeout = connection.createStatement()) {
                    timeout.execute("SET SESSION wait_timeout = " + HOLDER_IDLE_TIMEOUT_SECONDS);
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT node_id FROM engine_node WHERE node_id = ? FOR UPDATE NOWAIT")) {
                select.setString(1, nodeId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("engine_node has no row for '" + nodeId + "'");
                    }
                }
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (heldElsewhere(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean heldElsewhere(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            int code = next.getErrorCode();
            if (code == MARIADB_LOCK_WAIT_TIMEOUT || code == MYSQL_LOCK_NOWAIT || code == H2_LOCK_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    /** The jobs locked under this node's name: its dead incarnation's, the only other holder of the name. */
    private static int releaseJobLocks(DataSource dataSource, String nodeId, String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            // REV_ moves on as with any update of a job, so the engine's optimistic locking sees the change.
            try (PreparedStatement release = connection.prepareStatement("UPDATE " + prefix + "ACT_RU_JOB"
                    + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?")) {
                release.setString(1, nodeId);
                return release.executeUpdate();
            }
        }
    }

    private static void recordStart(DataSource dataSource, String nodeId, String incarnation, int released, Clock clock)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO engine_node_start"
                    + " (node_id, incarnation, host, pid, started_at, jobs_released) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, nodeId);
                insert.setString(2, incarnation);
                insert.setString(3, localHost());
                insert.setLong(4, ProcessHandle.current().pid());
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.setInt(6, released);
                insert.executeUpdate();
            }
        }
    }

    /** The last recorded start of {@code nodeId}, for the message that names who holds it. */
    static String lastStart(DataSource dataSource, String nodeId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT host, pid, started_at, incarnation"
                     + " FROM engine_node_start WHERE node_id = ? ORDER BY id DESC")) {
            select.setMaxRows(1);
            select.setString(1, nodeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return "no start recorded";
                }
                return "last started on host " + row.getString(1) + ", pid " + row.getLong(2) + ", at "
                        + row.getTimestamp(3).toInstant() + ", incarnation " + row.getString(4);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a node identity", e);
        }
    }

    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection may be gone already; closing it is what matters.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Same.
        }
    }
}
