package io.mqrunbooks.ops.crash;

import io.mqrunbooks.testsupport.LabControlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The standalone lab ({@code java -jar mq-runbooks.jar lab}) as a long-lived process of its own: the
 * simulated MQ state lives in its memory, so it must outlive every app JVM the drill kills.
 */
final class LabProcess implements AutoCloseable {

    /** SSH servers for every host, then the control endpoint's small Spring web context, on a busy machine. */
    static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** Logged once every host listens and the client files (inventory, key, known_hosts) are written. */
    private static final String HOSTS_LISTENING = "hosts listening on";
    /** Printed last, once the control endpoint answers too. */
    private static final String READY = "Stop with Ctrl+C.";

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final Duration limit;
    private final long deadline;
    private volatile boolean controlUp;

    private LabProcess(Process process, Path dataDir, Path log, Duration limit) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /**
     * Starts the lab and returns once its hosts listen and its client files are written: an app node may start
     * then, beside the rest of the lab's start (its control endpoint), which {@link #control()} waits for; both
     * within {@code limit} of the launch.
     */
    static LabProcess start(Path jar, Path dataDir, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        // The journal of an earlier drill in the same folder would count as this drill's commands, and the lab
        // would restore that drill's MQ state (hosts down, queue managers moved) from its state file.
        Files.deleteIfExists(dataDir.resolve("lab/journal.jsonl"));
        Files.deleteIfExists(dataDir.resolve("lab/state.jsonl"));
        Path log = dataDir.resolve("lab-process.log");
        // The nodes wait for the lab's hosts to listen. As for the nodes, the client compiler and the serial collector:
        // they halve the lab's start on two cores (CPU to ready 18 s -> 9 s, wall about half, at load 20).
        Process process = new ProcessBuilder(List.of(Harness.java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "lab", "--data", dataDir.toString(), "--ephemeral-ports"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Harness.endWithThisJvm(process);
        LabProcess lab = new LabProcess(process, dataDir, log, limit);
        lab.awaitLog(HOSTS_LISTENING);
        return lab;
    }

    private void awaitLog(String line) throws IOException, InterruptedException {
        while (!Files.exists(log) || !Files.readString(log).contains(line)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the lab stopped (exit " + process.exitValue() + "): " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the lab did not start within " + limit + ": " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    Path inventory() {
        return dataDir.resolve("lab/inventory.yaml");
    }

    Path clientKey() {
        return dataDir.resolve("lab/client_ed25519");
    }

    Path knownHosts() {
        return dataDir.resolve("lab/known_hosts");
    }

    Path journal() {
        return dataDir.resolve("lab/journal.jsonl");
    }

    /** The lab's control endpoint (faults, the simulated MQ, reset, state), once it is up. */
    LabControlClient control() throws IOException, InterruptedException {
        if (!controlUp) {
            awaitLog(READY);
            controlUp = true;
        }
        return LabControlClient.of(dataDir.resolve("lab"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
