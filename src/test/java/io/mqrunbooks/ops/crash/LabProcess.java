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

    private final Process process;
    private final Path dataDir;

    private LabProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** SSH servers for every host, then the control endpoint's small Spring web context, on a busy machine. */
    static final Duration START_LIMIT = Duration.ofSeconds(120);

    static LabProcess start(Path jar, Path dataDir, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        // The journal of an earlier drill in the same folder would count as this drill's commands, and the lab
        // would restore that drill's MQ state (hosts down, queue managers moved) from its state file.
        Files.deleteIfExists(dataDir.resolve("lab/journal.jsonl"));
        Files.deleteIfExists(dataDir.resolve("lab/state.jsonl"));
        Path log = dataDir.resolve("lab-process.log");
        Process process = new ProcessBuilder(List.of(Harness.java(), "-Xmx256m", "-jar", jar.toString(), "lab",
                "--data", dataDir.toString(), "--ephemeral-ports"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Harness.endWithThisJvm(process);
        LabProcess lab = new LabProcess(process, dataDir);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Stop with Ctrl+C.")) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the lab stopped (exit " + process.exitValue() + "): " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                lab.close();
                throw new IllegalStateException("the lab did not start within " + limit + ": " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return lab;
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

    /** The lab's control endpoint (faults, the simulated MQ, reset, state). */
    LabControlClient control() {
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
