package io.mqrunbooks.bench;

import io.mqrunbooks.bench.BenchEngine.Database;
import io.mqrunbooks.bench.BenchEngine.JobExecutorSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Waiting at scale: many runs at once in a poll-then-wait-1s loop (the RDQM synchronization wait). A wait
 * is a timer row in the database, not a thread, so threads and memory should not grow with the runs.
 */
public final class WaitingBench {

    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    /** One look at the JVM: threads, resident memory, heap in use, timers waiting in the database. */
    public record Sample(int threads, long rssKib, long heapUsedKib, long waitingTimers) {
    }

    public record Result(int runs, int pollsNeeded, Sample before, Sample duringPeak, Sample after, long wallNanos,
                         long maxWaitingTimers) {
    }

    private WaitingBench() {
    }

    public static Result measure(Path h2Dir, Path resources, int runs, int pollsNeeded) throws Exception {
        try (BenchEngine bench = BenchEngine.start(Database.H2, h2Dir, JobExecutorSettings.TUNED, resources)) {
            ProcessEngine engine = bench.engine();
            settle();
            Sample before = sample(engine);
            CountDownLatch ended = new CountDownLatch(runs);
            BenchEngine.RUNS_ENDED.set(ended);
            long started = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                engine.getRuntimeService().startProcessInstanceByKey("benchWaitProcess",
                        Variables.putValue("polls", 0).putValue("pollsNeeded", pollsNeeded).putValue("synchronized", false));
            }
            List<Sample> during = new ArrayList<>();
            long deadline = started + TimeUnit.SECONDS.toNanos(60L + 10L * pollsNeeded);
            while (!ended.await(1, TimeUnit.SECONDS)) {
                during.add(sample(engine));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(ended.getCount() + " of " + runs + " waiting runs had not ended after "
                            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
                }
            }
            long wall = System.nanoTime() - started;
            if (during.isEmpty()) {
                during.add(sample(engine));
            }
            settle();
            Sample after = sample(engine);
            Sample peak = new Sample(during.stream().mapToInt(Sample::threads).max().orElseThrow(),
                    during.stream().mapToLong(Sample::rssKib).max().orElseThrow(),
                    during.stream().mapToLong(Sample::heapUsedKib).max().orElseThrow(),
                    during.stream().mapToLong(Sample::waitingTimers).max().orElseThrow());
            return new Result(runs, pollsNeeded, before, peak, after, wall, peak.waitingTimers());
        }
    }

    /** Heap in use is only comparable after a collection. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    static Sample sample(ProcessEngine engine) throws IOException {
        String status = Files.readString(Path.of("/proc/self/status"));
        long timers = engine.getManagementService().createJobQuery().timers().count();
        return new Sample(Integer.parseInt(first(THREADS, status)), Long.parseLong(first(RSS, status)),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024, timers);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("/proc/self/status has no line matching " + pattern);
        }
        return matcher.group(1);
    }

    public static BenchTable table(Result result) {
        BenchTable table = new BenchTable("Waiting at scale: " + result.runs() + " runs in a 1 s timer loop at once ("
                + result.pollsNeeded() + " polls each, H2, tuned job executor)",
                "When", "Threads", "RSS", "Heap used", "Timers waiting");
        table.row("before (engine started, idle)", result.before().threads(), Stats.mebibytes(result.before().rssKib()),
                Stats.mebibytes(result.before().heapUsedKib()), result.before().waitingTimers());
        table.row("during (highest of 1 s samples)", result.duringPeak().threads(), Stats.mebibytes(result.duringPeak().rssKib()),
                Stats.mebibytes(result.duringPeak().heapUsedKib()), result.duringPeak().waitingTimers());
        table.row("after (all ended, after GC)", result.after().threads(), Stats.mebibytes(result.after().rssKib()),
                Stats.mebibytes(result.after().heapUsedKib()), result.after().waitingTimers());
        table.note("All " + result.runs() + " runs ended in " + Stats.seconds(result.wallNanos()) + " (each waits at least "
                + (result.pollsNeeded() - 1) + " × 1 s). Heap 'during' is before any collection, so it includes garbage.");
        return table;
    }
}
