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
        // every test logs in from 127.0.0.1: IdentityAttackTest's guesses (14 refused in one test) stay under it
        registry.add("mqrunbooks.security.login-throttle.max-refused", () -> "20");
        TestDatabase.current().register(registry, dataDir);
    }

    /**
     * The production profile's variables (docs/production.md) with the lab's inventory and an H2 file standing in
     * for MariaDB; in CI's MariaDB pass the production tests share a database of their own, with no demo users.
     * Returns the data folder.
     */
    public static Path registerProduction(DynamicPropertyRegistry registry, String adminUser, String adminPassword) {
        Path dataDir = newDataDir();
        registry.add("MQRB_DATA_DIR", dataDir::toString);
        registry.add("MQRB_ADMIN_USER", () -> adminUser);
        registry.add("MQRB_ADMIN_PASSWORD", () -> adminPassword);
        registry.add("MQRB_DB_URL", () -> "jdbc:h2:file:" + dataDir.resolve("db/prod") + ";DB_CLOSE_ON_EXIT=FALSE");
        registry.add("MQRB_DB_USER", () -> "sa");
        registry.add("MQRB_DB_PASSWORD", () -> "");
        registry.add("spring.datasource.driver-class-name", () -> "org.h2.Driver");
        registry.add("MQRB_DB_TYPE", () -> "h2");
        registry.add("mqrunbooks.inventory", () -> "classpath:lab/lab-estate.yaml");
        TestDatabase.current().registerIfMariaDb(registry, "mqrunbooks_ci_prod");
        return dataDir;
    }
}
