package io.mqrunbooks.bench;

import io.mqrunbooks.bench.BenchEngine.Database;
import io.mqrunbooks.bench.BenchEngine.JobExecutorSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Engine overhead: runs of {@code steps} asynchronous service steps whose delegates take no time. One run
 * alone gives the latency the engine adds to each step (every step waits for the previous one); many runs
 * at once give the throughput and the JVM CPU each step costs.
 */
public final class EngineBench {

    /** What one database and job executor setting measured (medians over the rounds). */
    public record Row(Database database, JobExecutorSettings settings, int steps, int concurrentRuns,
                      double msPerStepAlone, double stepsPerSecond, double runsPerSecond, double cpuMsPerStep) {
    }

    private EngineBench() {
    }

    public static Row measure(Database database, Path h2Dir, JobExecutorSettings settings, Path resources, int steps,
                              int concurrentRuns, int rounds) throws Exception {
        try (BenchEngine bench = BenchEngine.start(database, h2Dir, settings, resources)) {
            RuntimeService runtime = bench.engine().getRuntimeService();
            runAtOnce(runtime, steps, Math.max(2, concurrentRuns / 2));
            List<Long> alone = new ArrayList<>();
            List<Long> atOnce = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                alone.add(runAtOnce(runtime, steps, 1));
                long cpuBefore = processCpuNanos();
                atOnce.add(runAtOnce(runtime, steps, concurrentRuns));
                cpu.add(processCpuNanos() - cpuBefore);
            }
            double aloneNanos = Stats.median(alone);
            double atOnceNanos = Stats.median(atOnce);
            double totalSteps = (double) steps * concurrentRuns;
            return new Row(database, settings, steps, concurrentRuns, aloneNanos / 1e6 / steps,
                    totalSteps / (atOnceNanos / 1e9), concurrentRuns / (atOnceNanos / 1e9),
                    Stats.median(cpu) / 1e6 / totalSteps);
        }
    }

    /** Starts {@code runs} runs and waits until every one has ended; returns the wall time. */
    static long runAtOnce(RuntimeService runtime, int steps, int runs) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(runs);
        BenchEngine.RUNS_ENDED.set(ended);
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            runtime.startProcessInstanceByKey("benchStepsProcess",
                    Variables.putValue("steps", steps).putValue("stepsDone", 0));
        }
        if (!ended.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(ended.getCount() + " of " + runs + " runs of " + steps
                    + " steps did not end within 10 minutes");
        }
        return System.nanoTime() - started;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static BenchTable table(List<Row> rows) {
        BenchTable table = new BenchTable("Engine overhead: runs of no-op asynchronous service steps",
                "Database", "Job executor", "ms per step, one run alone", "Steps/s, runs at once",
                "Runs/s (runs × steps)", "JVM CPU ms per step");
        for (Row row : rows) {
            table.row(row.database().label(), row.settings().describe(), Stats.number(row.msPerStepAlone(), 1),
                    Stats.number(row.stepsPerSecond(), 0),
                    Stats.number(row.runsPerSecond(), 2) + " (" + row.concurrentRuns() + " × " + row.steps() + ")",
                    Stats.number(row.cpuMsPerStep(), 2));
        }
        return table;
    }
}
