package io.mqrunbooks.ops.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The crash drill: one engine node on MariaDB, killed with SIGKILL at seeded random moments while drill
 * runs are under way, restarted each time; then every run is checked against what it would have reached
 * without a crash, and the lab's journal for side effects that ran twice.
 *
 * <p>Standalone (longer than CI allows), after {@code ./mvnw -o -q -B package -DskipTests} and
 * {@code ./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt}:
 * <pre>
 * java -cp target/test-classes:$(cat target/test-classpath.txt) io.mqrunbooks.ops.crash.CrashDrill \
 *     --runs 200 --kills 20 --seed 42 --minutes 30
 * </pre>
 */
public final class CrashDrill {

    /** How the drill runs. */
    /**
     * How the drill runs. A kill comes once the node has sent a seeded random number (1 to
     * {@code maxCommandsBetweenKills}) of commands to the lab since it came up, plus a seeded random
     * 0 to {@code maxExtraDelayMillis} ms: tied to the node's own progress, so each kill lands in the
     * middle of runs however fast or slow the machine is, often between a command and its commit.
     */
    record Settings(int runs, int kills, long seed, int maxInFlight, int maxCommandsBetweenKills, int maxExtraDelayMillis,
                    Duration limit, String database) {
    }

    /** One kill: when it came and what was under way. */
    record Kill(int number, int commandsSinceReady, int extraDelayMillis, double afterReadySeconds, long runsStarted,
                long runsEnded, int journalCommands, double restartSeconds) {
    }

    /** Everything the drill measured. */
    record Result(Settings settings, List<Kill> kills, List<Drill.RunOutcome> outcomes, List<JournalCheck.Duplicate> duplicates,
                  long incidents, int journalCommands, int disconnectedCommands, int failedCalls, int gatesApproved,
                  int startRequests, double firstStartSeconds, double seconds, boolean finished) {

        long runsAsWithoutCrash() {
            return outcomes.stream().filter(Drill.RunOutcome::asWithoutCrash).count();
        }

        long resumedSteps() {
            return outcomes.stream().mapToLong(Drill.RunOutcome::resumedSteps).sum();
        }

        long repeatedStatusChecks() {
            return outcomes.stream().mapToLong(o -> o.statusChecks() - 4L).sum();
        }

        boolean passed() {
            return finished && duplicates.isEmpty() && incidents == 0 && runsAsWithoutCrash() == outcomes.size()
                    && kills.size() == settings.kills();
        }
    }

    private CrashDrill() {
    }

    static Result run(Settings settings, Path target, Path testClasses) throws Exception {
        long began = System.nanoTime();
        Path workDir = Files.createDirectories(target.resolve("crash-drill"));
        Path jar = Harness.packagedJar(target);
        Path drillClasses = Harness.drillClasses(testClasses, workDir);
        Harness.recreateDatabase(settings.database());
        Random random = new Random(settings.seed());
        try (LabProcess lab = LabProcess.start(jar, workDir.resolve("lab-" + settings.seed()), Duration.ofSeconds(60));
             AppNode node = new AppNode("node-a", jar, drillClasses, workDir, settings.database(), lab)) {
            node.start();
            double firstStart = node.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            Drill.setUp(node);
            Drill drill = new Drill(List.of(node), Drill.plan("CR", settings.runs()), settings.maxInFlight());
            long deadline = began + settings.limit().toNanos();

            List<Kill> kills = new ArrayList<>();
            AtomicReference<Throwable> killerFailure = new AtomicReference<>();
            Thread killer = new Thread(() -> {
                try {
                    int base = commandCount(lab.journal());
                    for (int k = 1; k <= settings.kills(); k++) {
                        int commands = 1 + random.nextInt(settings.maxCommandsBetweenKills());
                        int extra = random.nextInt(settings.maxExtraDelayMillis() + 1);
                        while (commandCount(lab.journal()) - base < commands) {
                            if (System.nanoTime() > deadline || drill.endedRuns() == settings.runs()) {
                                return;
                            }
                            Thread.sleep(20);
                        }
                        Thread.sleep(extra);
                        double up = node.uptime().toMillis() / 1000.0;
                        int journalLines = commandCount(lab.journal());
                        long started = drill.startedRuns();
                        long ended = drill.endedRuns();
                        node.kill();
                        long restart = System.nanoTime();
                        node.start();
                        node.awaitReady(Duration.ofSeconds(300));
                        base = commandCount(lab.journal());
                        kills.add(new Kill(k, commands, extra, up, started, ended, journalLines,
                                (System.nanoTime() - restart) / 1e9));
                    }
                } catch (Throwable e) {
                    killerFailure.set(e);
                }
            }, "crash-drill-killer");
            killer.start();
            boolean finished = drill.runUntilDone(deadline);
            killer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (killerFailure.get() != null) {
                throw new IllegalStateException("killing and restarting the node failed", killerFailure.get());
            }
            if (killer.isAlive()) {
                killer.interrupt();
            }
            // The run list is final only once the last kill's restart is done.
            if (!node.alive()) {
                node.start();
            }
            node.awaitReady(Duration.ofSeconds(300));
            finished = finished && drill.runUntilDone(deadline);

            JournalCheck journal = JournalCheck.read(lab.journal());
            List<Drill.RunOutcome> outcomes = drill.outcomes(node, journal);
            int disconnected = (int) Files.readAllLines(lab.journal()).stream()
                    .filter(line -> line.contains("\"outcome\":\"DISCONNECTED\"")).count();
            return new Result(settings, kills, outcomes, journal.duplicates(), drill.incidents(node),
                    journal.commands(), disconnected, drill.failedCalls(), drill.gatesApproved(), drill.startRequests(),
                    firstStart, (System.nanoTime() - began) / 1e9, finished);
        }
    }

    private static int commandCount(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        try (var lines = Files.lines(journal)) {
            return (int) lines.count();
        }
    }

    static String report(Result result, String command) {
        StringBuilder out = new StringBuilder();
        Settings s = result.settings();
        out.append("Crash drill ").append(Instant.now()).append('\n')
                .append("command: ").append(command).append('\n')
                .append(String.format("seed %d, runs %d, kills %d (each after 1..%d lab commands from the restarted node"
                                + " plus 0..%d ms), at most %d runs in flight, MariaDB database %s%n", s.seed(), s.runs(),
                        s.kills(), s.maxCommandsBetweenKills(), s.maxExtraDelayMillis(), s.maxInFlight(), s.database()))
                .append(String.format("first start %.1f s, whole drill %.1f s%n%n", result.firstStartSeconds(), result.seconds()));
        out.append(String.format("%-5s %-9s %-9s %-16s %-12s %-12s %-14s %-8s%n", "kill", "commands", "+ms",
                "after ready (s)", "runs started", "runs ended", "journal lines", "restart (s)"));
        for (Kill kill : result.kills()) {
            out.append(String.format("%-5d %-9d %-9d %-16.1f %-12d %-12d %-14d %-8.1f%n", kill.number(),
                    kill.commandsSinceReady(), kill.extraDelayMillis(), kill.afterReadySeconds(), kill.runsStarted(),
                    kill.runsEnded(), kill.journalCommands(), kill.restartSeconds()));
        }
        out.append('\n').append(String.format("%-18s %-8s %-10s %-10s %-44s %-10s %-8s %s%n", "run", "host", "state", "outcome",
                "crtmqm/strmqm/endmqm/dltmqm (journal)", "dspmq", "resumed", "evidence"));
        for (Drill.RunOutcome o : result.outcomes()) {
            out.append(String.format("%-18s %-8s %-10s %-10s %-44s %-10d %-8d %s%n", o.run().businessKey(), o.run().host(),
                    o.state(), o.outcome(), o.sideEffects().values() + (o.sideEffectsAsExpected() ? " in order, exit 0" : " UNEXPECTED"),
                    o.statusChecks(), o.resumedSteps(), o.evidence()));
        }
        out.append('\n')
                .append(String.format("runs: %d, finished as without a crash: %d%n", result.outcomes().size(), result.runsAsWithoutCrash()))
                .append(String.format("kills: %d (SIGKILL), incidents: %d%n", result.kills().size(), result.incidents()))
                .append(String.format("duplicate side effects: %d%n", result.duplicates().size()));
        result.duplicates().forEach(d -> out.append("  ").append(d).append('\n'));
        out.append(String.format("steps resumed after a kill that found their work already done: %d%n", result.resumedSteps()))
                .append(String.format("status checks beyond one per step (re-run attempts): %d%n", result.repeatedStatusChecks()))
                .append(String.format("lab commands: %d, cut off by a kill (DISCONNECTED): %d%n", result.journalCommands(),
                        result.disconnectedCommands()))
                .append(String.format("REST: %d start requests, %d gates approved, %d calls refused while the node was down%n",
                        result.startRequests(), result.gatesApproved(), result.failedCalls()))
                .append("result: ").append(result.passed() ? "PASSED" : "FAILED").append('\n');
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        int runs = 200;
        int kills = 20;
        long seed = System.currentTimeMillis() % 100_000;
        int minutes = 30;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value);
                case "--kills" -> kills = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--minutes" -> minutes = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --runs N --kills N --seed N --minutes N)");
            }
        }
        Settings settings = new Settings(runs, kills, seed, 8, 40, 400,
                Duration.ofMinutes(minutes), "mqrunbooks_ci_crash");
        Result result = run(settings, Path.of("target"), Path.of("target/test-classes"));
        String report = report(result, "CrashDrill " + String.join(" ", args));
        Files.writeString(Path.of("target/crash-report.txt"), report);
        System.out.print(report);
        System.exit(result.passed() ? 0 : 1);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
