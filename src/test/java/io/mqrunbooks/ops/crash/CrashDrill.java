package io.mqrunbooks.ops.crash;

import io.mqrunbooks.testsupport.LabControlClient;
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
 * The crash drill: one engine node on MariaDB runs rounds of the real runbooks ({@link DrillPlan}) against the
 * standalone lab and is killed with SIGKILL at seeded random moments, restarted each time; then every run is
 * checked against what it would have reached without a crash, every round's lab state and journal against the
 * plan, and the journal for side effects that ran twice.
 *
 * <p>Standalone (longer than CI allows), after {@code ./mvnw -o -q -B package -DskipTests} and
 * {@code ./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * -Dmdep.includeScope=test}:
 * <pre>
 * java -cp target/test-classes:$(cat target/test-classpath.txt) io.mqrunbooks.ops.crash.CrashDrill \
 *     --rounds 10 --stages 5 --kills 20 --seed 42 --minutes 40
 * </pre>
 */
public final class CrashDrill {

    /** How many commands a kill waits, at most, for a side-effecting one to fall after. */
    static final int SIDE_EFFECT_SEARCH = 40;

    /**
     * How the drill runs. The kills are spread evenly over the rounds; a kill comes once the node has sent a
     * seeded random number (1 to {@code maxCommandsBetweenKills}) of commands to the lab since it came up or its
     * round began and then the next side-effecting command (if one comes within {@link #SIDE_EFFECT_SEARCH}),
     * plus a seeded random 0 to {@code maxExtraDelayMillis} ms: tied to the node's own progress, so each kill lands
     * in the middle of runs however fast or slow the machine is, mostly between a side effect and its commit.
     * {@code stages}: members of PAYCLUS the staged migration migrates in each round (see {@link DrillPlan}).
     */
    record Settings(int rounds, int stages, int kills, long seed, int maxCommandsBetweenKills, int maxExtraDelayMillis,
                    Duration limit, String database) {
    }

    /** One kill: when it came and what was under way. */
    record Kill(int number, int round, int commandsSinceReady, int extraDelayMillis, double afterReadySeconds,
                long runsStarted, long runsEnded, long journalLines, String lastCommand, List<String> inFlight,
                double restartSeconds, int jobsReleased) {
    }

    /** Everything the drill measured. */
    record Result(Settings settings, List<Kill> kills, DrillReport report, double firstStartSeconds, double seconds) {

        boolean passed() {
            return report.passed() && kills.size() == settings.kills();
        }
    }

    private CrashDrill() {
    }

    static Result run(Settings settings, Path target) throws Exception {
        long began = System.nanoTime();
        Path workDir = Files.createDirectories(target.resolve("crash-drill"));
        Path jar = Harness.packagedJar(target);
        Harness.recreateDatabase(settings.database());
        Random random = new Random(settings.seed());
        try (LabProcess lab = LabProcess.start(jar, workDir.resolve("lab-" + settings.seed()), LabProcess.START_LIMIT);
             AppNode node = new AppNode("node-a", jar, workDir, settings.database(), lab)) {
            node.start();
            double firstStart = node.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            Drill.setUp(node);
            LabControlClient control = lab.control();
            Drill drill = new Drill(List.of(node), DrillPlan.rounds("CR", settings.rounds(), settings.stages()), control);
            long deadline = began + settings.limit().toNanos();

            List<Kill> kills = new ArrayList<>();
            AtomicReference<Throwable> killerFailure = new AtomicReference<>();
            Thread killer = new Thread(() -> {
                try {
                    long base = control.journalCount();
                    int baseRound = drill.currentRound();
                    for (int k = 1; k <= settings.kills(); k++) {
                        int commands = 1 + random.nextInt(settings.maxCommandsBetweenKills());
                        int extra = random.nextInt(settings.maxExtraDelayMillis() + 1);
                        // Spread over the rounds: kill k waits for its round, then counts from that round's start.
                        int killRound = 1 + (k - 1) * settings.rounds() / settings.kills();
                        while (drill.currentRound() < killRound) {
                            if (System.nanoTime() > deadline || drill.endedRuns() == drill.runsPlanned()) {
                                return;
                            }
                            Thread.sleep(20);
                        }
                        if (drill.currentRound() != baseRound) {
                            base = drill.journalStartOfCurrentRound();
                            baseRound = drill.currentRound();
                        }
                        while (control.journalCount() - base < commands) {
                            if (System.nanoTime() > deadline || drill.endedRuns() == drill.runsPlanned()) {
                                return;
                            }
                            Thread.sleep(20);
                        }
                        // Read now: once the kill is aimed, nothing may stand between the side effect and the kill.
                        List<String> inFlight = drill.inFlight(node);
                        // Aim at the next side-effecting command (within 40 commands): the kill then falls between
                        // a change on a host and the commit of the step that made it, where a re-run must see it.
                        long searchedTo = control.journalCount();
                        long giveUpAt = searchedTo + SIDE_EFFECT_SEARCH;
                        while (true) {
                            long now = control.journalCount();
                            if (Harness.sideEffectAfter(lab.journal(), searchedTo) || now >= giveUpAt) {
                                break;
                            }
                            if (System.nanoTime() > deadline || drill.endedRuns() == drill.runsPlanned()) {
                                return;
                            }
                            searchedTo = now;
                            Thread.sleep(5);
                        }
                        Thread.sleep(extra);
                        double up = node.uptime().toMillis() / 1000.0;
                        long journalLines = control.journalCount();
                        String last = Harness.lastLine(lab.journal());
                        long started = drill.startedRuns();
                        long ended = drill.endedRuns();
                        int round = drill.currentRound();
                        node.kill();
                        long restart = System.nanoTime();
                        node.start();
                        node.awaitReady(Duration.ofSeconds(300));
                        base = control.journalCount();
                        kills.add(new Kill(k, round, commands, extra, up, started, ended, journalLines, last, inFlight,
                                (System.nanoTime() - restart) / 1e9,
                                Harness.jobsReleasedAtLastStart(settings.database(), node.name())));
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
                killer.join(60_000);
            }
            // The run list is final only once the last kill's restart is done.
            if (!node.alive()) {
                node.start();
            }
            node.awaitReady(Duration.ofSeconds(300));
            finished = finished || drill.runUntilDone(deadline);

            DrillReport report = DrillReport.of(drill, node, lab.journal(), finished);
            return new Result(settings, kills, report, firstStart, (System.nanoTime() - began) / 1e9);
        }
    }

    static String report(Result result, String command) {
        StringBuilder out = new StringBuilder();
        Settings s = result.settings();
        out.append("Crash drill ").append(Instant.now()).append('\n')
                .append("command: ").append(command).append('\n')
                .append(String.format("seed %d, rounds %d (staged migration: %d of 5 members), kills %d (each after 1..%d lab"
                                + " commands from the restart or the round's start, then the next side-effecting command,"
                                + " plus 0..%d ms), MariaDB database %s, load average %s%n",
                        s.seed(), s.rounds(), s.stages(),
                        s.kills(), s.maxCommandsBetweenKills(), s.maxExtraDelayMillis(), s.database(), Harness.loadAverage()))
                .append(String.format("first start %.1f s, whole drill %.1f s%n%n", result.firstStartSeconds(), result.seconds()));
        out.append("Kills (SIGKILL), each followed by a restart:\n");
        for (Kill kill : result.kills()) {
            out.append(String.format("  kill %d in round %d: after %d lab commands + %d ms (%.1f s after ready), %d runs"
                            + " started, %d ended, journal line %d (last: %s); restart %.1f s, %d job lock(s) of the killed incarnation"
                            + " released at once%n", kill.number(), kill.round(),
                    kill.commandsSinceReady(), kill.extraDelayMillis(), kill.afterReadySeconds(), kill.runsStarted(),
                    kill.runsEnded(), kill.journalLines(), kill.lastCommand(), kill.restartSeconds(), kill.jobsReleased()));
            out.append("      due or running when the kill was armed: ").append(kill.inFlight().isEmpty()
                    ? "(nothing: every run waited on a person)"
                    : String.join("; ", kill.inFlight())).append('\n');
        }
        out.append('\n').append(result.report().text());
        out.append(String.format("kills: %d of %d%n", result.kills().size(), s.kills()))
                .append("result: ").append(result.passed() ? "PASSED" : "FAILED").append('\n');
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        int rounds = 10;
        int stages = 5;
        int kills = 20;
        long seed = System.currentTimeMillis() % 100_000;
        int minutes = 40;
        int maxCommands = 150;
        // Not the IT's database: a standalone drill and a build of the same checkout must not drop each other's.
        String database = Harness.database("crashdrill");
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--stages" -> stages = Integer.parseInt(value);
                case "--kills" -> kills = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--minutes" -> minutes = Integer.parseInt(value);
                case "--max-commands" -> maxCommands = Integer.parseInt(value);
                case "--database" -> database = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --rounds N --stages 1..5 --kills N --seed N --minutes N --max-commands N --database mqrunbooks_ci_NAME)");
            }
        }
        Settings settings = new Settings(rounds, stages, kills, seed, maxCommands, 40, Duration.ofMinutes(minutes),
                database);
        Result result = run(settings, Path.of("target"));
        String report = report(result, "CrashDrill " + String.join(" ", args));
        write(Path.of("target/crash-report.txt"), report);
        System.out.print(report);
        System.exit(result.passed() ? 0 : 1);
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
