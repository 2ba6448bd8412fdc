package io.mqrunbooks.bench;

import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.LabEstate;
import io.mqrunbooks.lab.LabOptions;
import io.mqrunbooks.lab.LabWiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running lab estate for the fan-out: its {@code DIR/lab} folder, stopped on close. */
public interface BenchLab extends AutoCloseable {

    Path labDir();

    /** The lab's process, or -1 when it runs inside this JVM. */
    long pid();

    @Override
    void close() throws Exception;

    /** How the bench gets a lab for an inventory file. */
    interface Launcher {
        BenchLab start(Path dataDir, Path inventory) throws Exception;
    }

    /** The standalone lab of docs/lab-standalone.md: {@code java -jar JAR lab --data DIR --inventory FILE --ephemeral-ports}. */
    static Launcher standalone(Path jar) {
        return (dataDir, inventory) -> {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("lab.log");
            Process process = new ProcessBuilder("java", "-jar", jar.toString(), "lab", "--data", dataDir.toString(),
                    "--inventory", inventory.toString(), "--ephemeral-ports")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(log) || !Files.readString(log).contains("Stop with Ctrl+C.")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the standalone lab exited " + process.exitValue() + ": " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the standalone lab did not start within 180 s: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            Path labDir = dataDir.resolve("lab");
            return new BenchLab() {
                @Override
                public Path labDir() {
                    return labDir;
                }

                @Override
                public long pid() {
                    return process.pid();
                }

                @Override
                public void close() throws InterruptedException {
                    process.destroy();
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
            };
        };
    }

    /** The same lab inside this JVM (the harness test). */
    static Launcher inProcess() {
        return (dataDir, inventory) -> {
            Estate estate = LabWiring.loadInventory(inventory);
            LabEstate lab = LabEstate.start(estate, LabWiring.simulatedMq(estate, Clock.systemUTC()), dataDir,
                    LabOptions.ephemeral());
            return new BenchLab() {
                @Override
                public Path labDir() {
                    return lab.inventoryFile().getParent();
                }

                @Override
                public long pid() {
                    return -1;
                }

                @Override
                public void close() {
                    lab.close();
                }
            };
        };
    }

    /**
     * Runs the fan-out for each N on a lab of its own: the figures, where the time and CPU went, and (at the
     * first N) where one host's time goes.
     */
    static List<BenchTable> fanOut(Launcher launcher, List<Integer> sizes, int runs, int warmUpSessions, Path workDir,
                                   Path playbook, String ansiblePlaybook, int breakdownSamples) throws Exception {
        return fanOut(launcher, sizes, runs, warmUpSessions, workDir, playbook, ansiblePlaybook, breakdownSamples,
                tables -> { });
    }

    /** The same, handing the tables so far to {@code progress} after each N. */
    static List<BenchTable> fanOut(Launcher launcher, List<Integer> sizes, int runs, int warmUpSessions, Path workDir,
                                   Path playbook, String ansiblePlaybook, int breakdownSamples,
                                   java.util.function.Consumer<List<BenchTable>> progress) throws Exception {
        List<FanOutBench.Result> results = new java.util.ArrayList<>();
        BenchTable breakdown = null;
        for (int hosts : sizes) {
            Path dir = workDir.resolve("fanout-" + hosts);
            Path inventory = dir.resolve("inventory.yaml");
            BenchInventory.write(inventory, hosts);
            try (BenchLab lab = launcher.start(dir.resolve("data"), inventory)) {
                FanOutBench bench = new FanOutBench(new FanOutBench.Settings(lab.labDir(), lab.pid(), playbook,
                        ansiblePlaybook, dir.resolve("work"), runs, warmUpSessions));
                results.add(bench.run());
                System.err.println("bench: fan-out N=" + hosts + " done");
                if (breakdown == null) {
                    breakdown = bench.breakdown(breakdownSamples);
                }
            } catch (Exception e) {
                // The other sizes still count; this one says why it has no figures.
                System.err.println("bench: fan-out N=" + hosts + " failed:");
                e.printStackTrace(System.err);
                boolean measured = !results.isEmpty() && results.get(results.size() - 1).hosts() == hosts;
                if (!measured) {
                    results.add(FanOutBench.Result.failed(hosts, String.valueOf(e.getMessage())));
                }
            }
            progress.accept(tables(results, runs, breakdown));
        }
        return tables(results, runs, breakdown);
    }

    private static List<BenchTable> tables(List<FanOutBench.Result> results, int runs, BenchTable breakdown) {
        List<BenchTable> tables = new java.util.ArrayList<>(List.of(FanOutBench.table(results, runs),
                FanOutBench.costTable(results)));
        if (breakdown != null) {
            tables.add(breakdown);
        }
        return tables;
    }
}
