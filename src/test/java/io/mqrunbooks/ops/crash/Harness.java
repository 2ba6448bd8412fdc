package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** What both harnesses need: the packaged jar, a fresh MariaDB database, free ports. */
final class Harness {

    private Harness() {
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** {@code target/mq-runbooks-*.jar}, built by Maven's package phase; the harness builds nothing. */
    static Path packagedJar(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("mq-runbooks-.*\\.jar")
                    && !p.getFileName().toString().endsWith(".original")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one target/mq-runbooks-*.jar (run 'mvn package' first), found " + jars);
            }
            return jars.get(0);
        }
    }

    /** A harness stopped from outside (Ctrl+C, a build timeout) leaves no lab or node behind. */
    static void endWithThisJvm(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "end-" + process.pid()));
    }

    /** The journal's last entry, or null while it is empty. */
    static JsonNode lastEntry(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return null;
        }
        List<String> lines = Files.readAllLines(journal);
        return lines.isEmpty() ? null : DrillRest.JSON.readTree(lines.get(lines.size() - 1));
    }

    /** Whether a side-effecting command came after the first {@code lines} lines of the journal. */
    static boolean sideEffectAfter(Path journal, long lines) throws IOException {
        if (!Files.exists(journal)) {
            return false;
        }
        try (Stream<String> entries = Files.lines(journal)) {
            return entries.skip(lines).anyMatch(line -> {
                try {
                    return JournalCheck.sideEffectKind(DrillRest.JSON.readTree(line)) != null;
                } catch (IOException e) {
                    // a line still being written: not one yet
                    return false;
                }
            });
        }
    }

    /** The journal's last command as "host: command line (outcome)", for a kill's report. */
    static String lastLine(Path journal) throws IOException {
        JsonNode entry = lastEntry(journal);
        return entry == null ? "none" : entry.path("host").asText() + ": " + entry.path("commandLine").asText() + " ("
                + entry.path("outcome").asText() + ")";
    }

    /** The 1, 5 and 15 minute load averages, for figures measured on a shared machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * {@code mqrunbooks_ci_<purpose>_<checkout>}: the checkout is six hex digits of this working directory's path,
     * so builds of two checkouts sharing one MariaDB (helpers on one machine) never drop each other's database.
     */
    static String database(String purpose) {
        String checkout = Path.of("").toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(checkout.getBytes(StandardCharsets.UTF_8));
            return "mqrunbooks_ci_" + purpose + "_" + HexFormat.of().formatHex(digest).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void recreateDatabase(String database) {
        if (!database.matches("mqrunbooks_ci_[a-z0-9_]+")) {
            throw new IllegalArgumentException("refusing to drop database '" + database + "'");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate MariaDB database " + database
                    + " on 127.0.0.1:3306 as root: " + e.getMessage(), e);
        }
    }

    /** How many job locks of its killed incarnation the node's last start released ({@code engine_node_start}). */
    static int jobsReleasedAtLastStart(String database, String nodeId) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, "root", "");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT jobs_released FROM engine_node_start WHERE node_id = ? ORDER BY id DESC LIMIT 1")) {
            select.setString(1, nodeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no start of " + nodeId + " recorded in " + database);
                }
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the starts of " + nodeId + " in " + database + ": "
                    + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
