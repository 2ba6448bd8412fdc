package io.mqrunbooks.testsupport;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the persistence tests run on: H2 (a file under the test's data folder) by default, or
 * the MariaDB server on 127.0.0.1:3306 when {@code -Dmqrb.test.db=mariadb} (CI's second pass).
 */
public enum TestDatabase {
    H2,
    MARIADB;

    /** The MariaDB databases CI recreates before its MariaDB pass (.ci/run) are named mqrunbooks_ci* (see {@link #mariaDbUrl}). */
    public static final String MARIADB_DATABASE = "mqrunbooks_ci";

    /**
     * The URL of a test database on MariaDB. Surefire runs test classes in parallel JVMs (forks, {@code pom.xml});
     * fork 1 uses {@code database} itself and fork N the database {@code database_fN}, so no two JVMs share one and no
     * JVM's job executor takes another's jobs.
     */
    public static String mariaDbUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:3306/" + database + forkSuffix()
                + "?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true&transactionIsolation=READ_COMMITTED";
    }

    /** {@code ""} in fork 1 or outside Surefire, {@code _fN} in fork N (Surefire sets {@code mqrb.test.fork}). */
    static String forkSuffix() {
        String fork = System.getProperty("mqrb.test.fork", "").strip();
        if (fork.isEmpty() || fork.equals("1")) {
            return "";
        }
        if (!fork.matches("[0-9]{1,2}")) {
            throw new IllegalStateException("mqrb.test.fork must be a fork number, was '" + fork + "'");
        }
        return "_f" + fork;
    }

    public static TestDatabase current() {
        return "mariadb".equalsIgnoreCase(System.getProperty("mqrb.test.db", "h2")) ? MARIADB : H2;
    }

    /**
     * The app's database: on MariaDB {@code mqrunbooks_ci}, or the one a test class names in the property
     * {@code mqrunbooks.test.mariadb-database} (a {@code @TestPropertySource}: a context of its own that must not share
     * the end-to-end context's database, whose job executor would take its jobs).
     */
    public void register(DynamicPropertyRegistry registry, Path dataDir) {
        register(registry, dataDir, "${mqrunbooks.test.mariadb-database:" + MARIADB_DATABASE + "}");
    }

    private void register(DynamicPropertyRegistry registry, Path dataDir, String mariaDbDatabase) {
        if (this == MARIADB) {
            registry.add("spring.datasource.url", () -> mariaDbUrl(mariaDbDatabase));
            registry.add("spring.datasource.username", () -> "root");
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.datasource.driver-class-name", () -> "org.mariadb.jdbc.Driver");
            registry.add("camunda.bpm.database.type", () -> "mysql");
            registry.add("MQRB_DB_TYPE", () -> "mysql");
        } else {
            registry.add("MQRB_DB_TYPE", () -> "h2");
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("db/engine")
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        }
    }

    /**
     * For tests that set their own H2 datasource: switches to MariaDB only in CI's MariaDB pass, on a
     * database of their own (e.g. a production-profile test must not see the lab's demo users).
     */
    public void registerIfMariaDb(DynamicPropertyRegistry registry, String ownDatabase) {
        if (this == MARIADB) {
            register(registry, null, ownDatabase);
        }
    }
}
