package io.mqrunbooks.bench;

import io.mqrunbooks.bench.BenchEngine.Database;
import io.mqrunbooks.bench.BenchEngine.JobExecutorSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                      double msPerStepAlone, double stepsPerSecond, double runsPerSecond, double cpuMsPerStep,
                      Profile alone, Profile atOnce) {
    }

    /**
     * What each step asked of the database, per step: counted on our side (SQL statements, the executions
     * that carried them, where a JDBC batch is one, commits) and, on MariaDB, the server's own counters
     * (statements received, COMMITs, redo log writes, fsyncs; empty for H2).
     */
    public record Profile(double statements, double executions, double commits, Map<String, Double> server) {

        static Profile of(CountingDataSource.Counts counts, Map<String, Long> serverRises, double steps) {
            Map<String, Double> server = new LinkedHashMap<>();
            serverRises.forEach((name, rise) -> server.put(name, rise / steps));
            return new Profile(counts.statements() / steps, counts.executions() / steps, counts.commits() / steps, server);
        }

        String client() {
            return Stats.number(statements, 1) + " (" + Stats.number(executions, 1) + ") / " + Stats.number(commits, 2);
        }

        String serverText() {
            if (server.isEmpty()) {
                return "(H2: no server)";
            }
            return Stats.number(server.get("Questions"), 1) + " / " + Stats.number(server.get("Com_commit"), 2) + " / "
                    + Stats.number(server.get("Innodb_log_writes"), 2) + " / " + Stats.number(server.get("Innodb_data_fsyncs"), 2);
        }
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
            CountingDataSource.Counts aloneCounts = new CountingDataSource.Counts(0, 0, 0, 0);
            CountingDataSource.Counts atOnceCounts = aloneCounts;
            Map<String, Long> aloneServer = new LinkedHashMap<>();
            Map<String, Long> atOnceServer = new LinkedHashMap<>();
            Map<String, Long> sqlBefore = bench.statementsBySql();
            Map<String, Long> sqlAlone = new java.util.TreeMap<>();
            for (int round = 0; round < rounds; round++) {
                Map<String, Long> serverBefore = bench.serverCounters();
                CountingDataSource.Counts before = bench.clientCounts();
                sqlBefore = bench.statementsBySql();
                alone.add(runAtOnce(runtime, steps, 1));
                aloneCounts = add(aloneCounts, bench.clientCounts().minus(before));
                add(sqlAlone, sqlBefore, bench.statementsBySql());
                Map<String, Long> serverMiddle = bench.serverCounters();
                add(aloneServer, serverBefore, serverMiddle);
                before = bench.clientCounts();
                long cpuBefore = processCpuNanos();
                atOnce.add(runAtOnce(runtime, steps, concurrentRuns));
                cpu.add(processCpuNanos() - cpuBefore);
                atOnceCounts = add(atOnceCounts, bench.clientCounts().minus(before));
                add(atOnceServer, serverMiddle, bench.serverCounters());
            }
            writeSqlProfile(database, settings, sqlAlone, (double) steps * rounds);
            double aloneNanos = Stats.median(alone);
            double atOnceNanos = Stats.median(atOnce);
            double totalSteps = (double) steps * concurrentRuns;
            return new Row(database, settings, steps, concurrentRuns, aloneNanos / 1e6 / steps,
                    totalSteps / (atOnceNanos / 1e9), concurrentRuns / (atOnceNanos / 1e9),
                    Stats.median(cpu) / 1e6 / totalSteps,
                    Profile.of(aloneCounts, aloneServer, (double) steps * rounds),
                    Profile.of(atOnceCounts, atOnceServer, totalSteps * rounds));
        }
    }

    private static CountingDataSource.Counts add(CountingDataSource.Counts sum, CountingDataSource.Counts more) {
        return new CountingDataSource.Counts(sum.statements() + more.statements(), sum.executions() + more.executions(),
                sum.commits() + more.commits(), sum.rollbacks() + more.rollbacks());
    }

    /** Adds the rises of the server's counters between two readings to {@code sums}. */
    private static void add(Map<String, Long> sums, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((name, value) -> sums.merge(name, value - before.getOrDefault(name, value), Long::sum));
    }

    /**
     * With {@code -Dbench.sql.profile=FILE}: appends what one run alone asked per step, by SQL text, to FILE
     * (which statements a step is made of; the connection calls that may cost a round trip are in brackets).
     */
    private static void writeSqlProfile(Database database, JobExecutorSettings settings, Map<String, Long> bySql,
                                        double steps) throws java.io.IOException {
        String file = System.getProperty("bench.sql.profile");
        if (file == null || file.isBlank()) {
            return;
        }
        StringBuilder text = new StringBuilder("## " + database.label() + ", " + settings.describe() + ": per step, one run alone\n");
        bySql.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(String.format(java.util.Locale.ROOT, "%8.3f  %s%n", e.getValue() / steps, e.getKey())));
        java.nio.file.Files.writeString(Path.of(file), text + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
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
                "Runs/s (runs × steps)", "JVM CPU ms per step",
                "Per step, one run alone: SQL statements (executions) / commits",
                "Per step, one run alone, server: statements / COMMITs / log writes / fsyncs",
                "Per step, runs at once, server: statements / COMMITs / log writes / fsyncs");
        for (Row row : rows) {
            table.row(row.database().label(), row.settings().describe(), Stats.number(row.msPerStepAlone(), 1),
                    Stats.number(row.stepsPerSecond(), 0),
                    Stats.number(row.runsPerSecond(), 2) + " (" + row.concurrentRuns() + " × " + row.steps() + ")",
                    Stats.number(row.cpuMsPerStep(), 2), row.alone().client(), row.alone().serverText(),
                    row.atOnce().serverText());
        }
        return table;
    }
}
