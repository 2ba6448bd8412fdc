package io.mqrunbooks.ops.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** What both harnesses need: the packaged jar, the drill's classes, a fresh MariaDB database, free ports. */
final class Harness {

    static final String DRILL_PACKAGE = "io/mqrunbooks/ops/crash/drill";

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

    /** Copies only the drill's compiled delegates into their own loader folder, away from every other test class. */
    static Path drillClasses(Path testClasses, Path workDir) throws IOException {
        Path source = testClasses.resolve(DRILL_PACKAGE);
        Path target = workDir.resolve("drill-classes");
        Path targetPackage = target.resolve(DRILL_PACKAGE);
        Files.createDirectories(targetPackage);
        try (Stream<Path> classes = Files.list(source)) {
            for (Path file : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                Files.copy(file, targetPackage.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    static void recreateDatabase(String database) {
        if (!database.matches("mqrunbooks_ci_[a-z_]+")) {
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
