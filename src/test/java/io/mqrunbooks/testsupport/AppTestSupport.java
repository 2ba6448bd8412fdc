package io.mqrunbooks.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings every Spring Boot test of the whole app shares: a fresh data folder, the lab on ephemeral
 * ports, and, when CI asks for it with {@code -Dmqrb.test.db=mariadb}, the real MariaDB instead of H2.
 */
public final class AppTestSupport {

    private AppTestSupport() {
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("mqrb-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        Path dataDir = newDataDir();
        registry.add("mqrunbooks.data-dir", dataDir::toString);
        registry.add("mqrunbooks.lab.ephemeral-ports", () -> "true");
        registry.add("mqrunbooks.lab.revert-to-snapshot-time", () -> "2s");
        TestDatabase.current().register(registry, dataDir);
    }
}
