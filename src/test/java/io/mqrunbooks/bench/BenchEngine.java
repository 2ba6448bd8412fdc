package io.mqrunbooks.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.SecretScrubber;
import io.mqrunbooks.evidence.camunda.EvidenceEnginePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.flywaydb.core.Flyway;

/**
 * An engine configured as the app runs it (full history, Spin, the evidence plugin writing every step to the
 * evidence tables of the same database), with the job executor settings under test and the bench's no-op
 * delegates. One HikariCP pool serves engine and evidence, as in the app.
 */
public final class BenchEngine implements AutoCloseable {

    public static final String MARIADB_DATABASE = "mqrunbooks_ci_bench";

    /** Where the engine's tables live. */
    public enum Database {
        H2, MARIADB;

        static Database parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "h2" -> H2;
                case "mariadb" -> MARIADB;
                default -> throw new IllegalArgumentException("database '" + text + "' is not one of h2, mariadb");
            };
        }

        public String label() {
            return this == H2 ? "H2 (file)" : "MariaDB 127.0.0.1:3306";
        }
    }

    /**
     * The job executor's knobs: thread pool, queue, jobs fetched per acquisition, idle wait after an empty
     * acquisition and the back-off ceiling. {@link #DEFAULTS} are Camunda's (and the Spring Boot starter's).
     */
    public record JobExecutorSettings(String name, int threads, int maxThreads, int queueSize, int maxJobsPerAcquisition,
                                      long waitTimeMillis, long maxWaitMillis) {
        public static final JobExecutorSettings DEFAULTS = new JobExecutorSettings("Camunda defaults", 3, 10, 3, 3, 5000, 60000);
        public static final JobExecutorSettings TUNED = new JobExecutorSettings("tuned", 4, 4, 16, 16, 100, 1000);

        public String describe() {
            return name + " (pool " + threads + (maxThreads != threads ? "-" + maxThreads : "") + ", queue " + queueSize
                    + ", " + maxJobsPerAcquisition + " jobs/acquisition, wait " + waitTimeMillis + " ms)";
        }
    }

    /** Run end and step counters the delegates report to. */
    static final AtomicReference<CountDownLatch> RUNS_ENDED = new AtomicReference<>(new CountDownLatch(0));

    /** The MariaDB server's own counters the bench reads around a measurement (SHOW GLOBAL STATUS). */
    static final List<String> SERVER_COUNTERS = List.of("Questions", "Com_commit", "Innodb_log_writes", "Innodb_data_fsyncs");

    private final ProcessEngine engine;
    private final HikariDataSource dataSource;
    private final CountingDataSource counted;
    private final Database database;

    private BenchEngine(ProcessEngine engine, HikariDataSource dataSource, CountingDataSource counted, Database database) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.counted = counted;
        this.database = database;
    }

    public ProcessEngine engine() {
        return engine;
    }

    /** What engine and evidence store asked the database so far, counted on our side. */
    CountingDataSource.Counts clientCounts() {
        return counted.counts();
    }

    /** Statements per SQL text so far, counted on our side (a step's profile). */
    Map<String, Long> statementsBySql() {
        return counted.bySql();
    }

    /**
     * The server's counters ({@link #SERVER_COUNTERS}) now, MariaDB only (empty for H2). They are the whole
     * server's: another program using it at the same time would count too.
     */
    Map<String, Long> serverCounters() throws SQLException {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        if (database != Database.MARIADB) {
            return values;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("', '", SERVER_COUNTERS) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }

    /** Empties the bench's MariaDB database (its own, never the app's or CI's). */
    public static void recreateMariaDbDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + MARIADB_DATABASE);
            statement.execute("CREATE DATABASE " + MARIADB_DATABASE);
        }
    }

    public static BenchEngine start(Database database, Path h2Dir, JobExecutorSettings settings, Path resources)
            throws IOException {
        HikariConfig pool = new HikariConfig();
        if (database == Database.MARIADB) {
            // The driver options of application-prod.yaml; -Dbench.mariadb.options= measures without them.
            pool.setJdbcUrl("jdbc:mariadb://127.0.0.1:3306/" + MARIADB_DATABASE + "?nullDatabaseMeansCurrent=true"
                    + System.getProperty("bench.mariadb.options", "&useServerPrepStmts=true"));
            pool.setUsername("root");
            pool.setPassword("");
        } else {
            pool.setJdbcUrl("jdbc:h2:file:" + h2Dir.toAbsolutePath().resolve("engine") + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
            pool.setUsername("sa");
            pool.setPassword("");
        }
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setMaximumPoolSize(Math.max(10, settings.maxThreads() + 4));
        pool.setPoolName("bench-" + database.name().toLowerCase(java.util.Locale.ROOT));
        HikariDataSource dataSource = new HikariDataSource(pool);
        CountingDataSource counted = new CountingDataSource(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        EvidenceStore evidence = new EvidenceStore(counted, new SecretScrubber());

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bench-" + System.nanoTime());
        configuration.setDataSource(counted);
        if (database == Database.MARIADB) {
            configuration.setDatabaseType("mysql");
        }
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
        configuration.setJobExecutorDeploymentAware(false);
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(settings.threads());
        jobExecutor.setMaxPoolSize(settings.maxThreads());
        jobExecutor.setQueueSize(settings.queueSize());
        jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
        jobExecutor.setWaitTimeInMillis(Math.toIntExact(settings.waitTimeMillis()));
        jobExecutor.setMaxWait(settings.maxWaitMillis());
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(true);
        configuration.setBeans(Map.of(
                "noOpStepDelegate", (JavaDelegate) execution ->
                        execution.setVariable("stepsDone", (Integer) execution.getVariable("stepsDone") + 1),
                "pollSynchronizationDelegate", (JavaDelegate) execution -> {
                    int polls = (Integer) execution.getVariable("polls") + 1;
                    execution.setVariable("polls", polls);
                    execution.setVariable("synchronized", polls >= (Integer) execution.getVariable("pollsNeeded"));
                },
                "runEndedListener", (ExecutionListener) execution -> RUNS_ENDED.get().countDown()));
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(),
                new EvidenceEnginePlugin(evidence, new SecretScrubber())));
        ProcessEngine engine = configuration.buildProcessEngine();
        try (InputStream steps = Files.newInputStream(resources.resolve("bench-steps.bpmn"));
             InputStream wait = Files.newInputStream(resources.resolve("bench-wait.bpmn"))) {
            engine.getRepositoryService().createDeployment().name("bench")
                    .addInputStream("bench-steps.bpmn", steps).addInputStream("bench-wait.bpmn", wait)
                    .enableDuplicateFiltering(true).deploy();
        }
        return new BenchEngine(engine, dataSource, counted, database);
    }

    @Override
    public void close() {
        if (System.getProperty("bench.sql.stacks") != null) {
            System.err.println("bench: statements by origin\n" + counted.stacks());
        }
        engine.close();
        dataSource.close();
    }
}
