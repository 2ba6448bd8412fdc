package io.mqrunbooks.ops.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One engine node: the packaged jar as shipped, in the production profile on MariaDB, pointed at the standalone
 * lab's inventory, key and known_hosts. It can be started, killed with SIGKILL and started again; every
 * incarnation logs to its own file.
 */
final class AppNode implements AutoCloseable {

    static final String ADMIN = "drilladmin";
    static final String ADMIN_PASSWORD = "Dr1ll-Admin#Pw";
    static final int LOCK_TIME_MILLIS = 60_000;

    private final String name;
    private final Path jar;
    private final Path workDir;
    private final String database;
    private final LabProcess lab;
    private final int port;
    private Process process;
    private int incarnation;
    private long startedAt;

    AppNode(String name, Path jar, Path workDir, String database, LabProcess lab) {
        this.name = name;
        this.jar = jar;
        this.workDir = workDir;
        this.database = database;
        this.lab = lab;
        this.port = Harness.freePort();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int incarnation() {
        return incarnation;
    }

    DrillRest admin() {
        return new DrillRest(port, ADMIN, ADMIN_PASSWORD);
    }

    synchronized void start() throws IOException {
        incarnation++;
        Path log = workDir.resolve(name + "-" + incarnation + ".log");
        List<String> command = new ArrayList<>(List.of(Harness.java(), "-Xmx640m", "-XX:+UseSerialGC",
                // Quicker start-up: every kill is followed by one.
                "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                // A job locked by a killed node is taken over once its lock expires (default 5 minutes). The lock
                // runs from acquisition, so it must outlast the job's wait in the executor's queue plus the step:
                // on the loaded build machine 10 s and 30 s locks expired under running steps and a second
                // thread ran the same step at once (two strmqm, two crtmqm; docs/operations.md).
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                "--camunda.bpm.job-execution.wait-time-in-millis=100",
                // A due poll timer is found within 0.25 s (the runbooks poll every second here): with 1 s the
                // drill's 1 s timers fired 0.43 s late on average (job history, docs/benchmarks.md).
                "--camunda.bpm.job-execution.max-wait=250",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // Its identity across restarts: a restarted node releases the job locks its killed incarnation
                // left at once instead of waiting out the lock (docs/operations.md "Node identity and restarts").
                "--mqrunbooks.node.id=" + name,
                "--spring.datasource.hikari.maximum-pool-size=30",
                // The runbooks' own poll intervals and watch periods (settings an operator may set too; the
                // delegates copy them into each run). Nobody's API call moves a timer (docs/security.md).
                "--mqrunbooks.waits.poll-interval=PT1S",
                "--mqrunbooks.dr-activation.poll-interval=PT1S",
                "--mqrunbooks.cluster-migration.traffic-watch-period=PT1S",
                "--mqrunbooks.cluster-migration.traffic-sample-interval=PT1S",
                "--mqrunbooks.cluster-migration.status-poll-interval=PT1S",
                "--mqrunbooks.cluster-migration.monitoring-period=PT1S",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Configured as the image is: the variables of docker/compose.yaml and docker/Dockerfile, no others.
        builder.environment().putAll(ProductionEnvironment.of(Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "prod"),
                Map.entry("MQRB_DB_URL", "jdbc:mariadb://127.0.0.1:3306/" + database),
                Map.entry("MQRB_DB_USER", "root"),
                Map.entry("MQRB_DB_PASSWORD", ""),
                Map.entry("MQRB_ADMIN_USER", ADMIN),
                Map.entry("MQRB_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("MQRB_DATA_DIR", workDir.resolve(name + "-data").toString()),
                Map.entry("MQRUNBOOKS_INVENTORY", lab.inventory().toString()),
                Map.entry("MQRUNBOOKS_SSH_PRIVATE_KEY_FILE", lab.clientKey().toString()),
                Map.entry("MQRUNBOOKS_SSH_KNOWN_HOSTS_FILE", lab.knownHosts().toString()),
                // Plain HTTP, as docker/compose.yaml runs by default.
                Map.entry("MQRB_TLS_ENABLED", "false"),
                Map.entry("MQRB_TLS_KEYSTORE", ""),
                Map.entry("MQRB_TLS_KEYSTORE_PASSWORD", ""),
                Map.entry("MQRB_TLS_KEYSTORE_TYPE", "PKCS12"),
                // No notifications, as docker/compose.yaml by default.
                Map.entry("MQRB_PUBLIC_URL", "http://localhost:8080"),
                Map.entry("MQRB_MAIL_ENABLED", "false"),
                Map.entry("MQRB_MAIL_HOST", ""),
                Map.entry("MQRB_MAIL_PORT", "587"),
                Map.entry("MQRB_MAIL_USERNAME", ""),
                Map.entry("MQRB_MAIL_PASSWORD", ""),
                Map.entry("MQRB_MAIL_STARTTLS", "true"),
                Map.entry("MQRB_MAIL_FROM", "mq-runbooks@localhost"),
                Map.entry("MQRB_NOTIFY_WEBHOOK_URL", "")), ProductionEnvironment.DOCKER));
        process = builder.start();
        Harness.endWithThisJvm(process);
        startedAt = System.nanoTime();
    }

    /** Waits until {@code /actuator/health} answers 200; returns how long the start took. */
    Duration awaitReady(Duration limit) throws InterruptedException, IOException {
        DrillRest rest = admin();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!rest.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue() + "), see "
                        + workDir.resolve(name + "-" + incarnation + ".log") + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + limit + ":\n" + tail());
            }
            // Every kill waits for this: a coarser poll would add its half to each restart.
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** {@code kill -9}: no shutdown hook, no connection closed cleanly, no transaction committed. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve(name + "-" + incarnation + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            kill();
        }
    }
}
