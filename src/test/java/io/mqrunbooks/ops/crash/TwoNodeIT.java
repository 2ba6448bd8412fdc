package io.mqrunbooks.ops.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Camunda's homogeneous cluster: two nodes of the packaged jar on one MariaDB database, both job executors
 * on, the real runbooks ({@link DrillPlan}) started and their tasks completed through either node. Node B is
 * killed (SIGKILL) at a seeded random moment mid-way and not restarted; node A must finish every run, each side
 * effect exactly once. One round by default;
 * {@code -Dtwonode.rounds=}, {@code -Dtwonode.stages=}, {@code -Dtwonode.seed=}, {@code -Dtwonode.minutes=} for more.
 * Report: {@code target/two-node-report.txt}.
 */
@Tag("crash")
class TwoNodeIT {

    @Test
    void twoNodesRunEveryRunbookStepOnceAndOneSurvivesTheOthersKill() throws Exception {
        int rounds = Integer.getInteger("twonode.rounds", 1);
        int stages = Integer.getInteger("twonode.stages", 5);
        long seed = Long.getLong("twonode.seed", 20261121L);
        long began = System.nanoTime();
        Path target = Path.of("target");
        Path workDir = Files.createDirectories(target.resolve("two-node-drill"));
        Path jar = Harness.packagedJar(target);
        String database = Harness.database("twonode");
        Harness.recreateDatabase(database);
        Random random = new Random(seed);

        try (LabProcess lab = LabProcess.start(jar, workDir.resolve("lab"), LabProcess.START_LIMIT);
             AppNode nodeA = new AppNode("node-a", jar, workDir, database, lab);
             AppNode nodeB = new AppNode("node-b", jar, workDir, database, lab)) {
            // One after the other: the first creates the schema, the second finds it.
            nodeA.start();
            double startA = nodeA.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            nodeB.start();
            double startB = nodeB.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            Drill.setUp(nodeA);
            Drill drill = new Drill(List.of(nodeA, nodeB), DrillPlan.rounds("TN", rounds, stages), lab.control());
            long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("twonode.minutes", 5)).toNanos();

            // Kill B once a seeded share of the runs (between a quarter and a half) has ended.
            int planned = drill.runsPlanned();
            long killWhenEnded = planned / 4 + random.nextInt(Math.max(1, planned / 4));
            while (drill.endedRuns() < killWhenEnded && System.nanoTime() < deadline && drill.unexpected().isEmpty()) {
                drill.pass();
                Thread.sleep(250);
            }
            long endedAtKill = drill.endedRuns();
            long startedAtKill = drill.startedRuns();
            List<String> inFlight = drill.inFlight(nodeB);
            String lastCommand = Harness.lastLine(lab.journal());
            double bUptime = nodeB.uptime().toMillis() / 1000.0;
            nodeB.kill();
            long killedAt = System.nanoTime();
            boolean finished = drill.runUntilDone(deadline);
            double afterKill = (System.nanoTime() - killedAt) / 1e9;

            DrillReport result = DrillReport.of(drill, nodeA, lab.journal(), finished);
            Map<String, Integer> jobsByNode = new TreeMap<>();
            for (JsonNode entry : nodeA.admin().get("/engine-rest/history/job-log?successLog=true&maxResults=1000000")) {
                jobsByNode.merge(entry.path("hostname").asText(), 1, Integer::sum);
            }

            StringBuilder report = new StringBuilder("Two-node drill ").append(Instant.now()).append('\n')
                    .append("command: ./mvnw -B verify -Dit.test=TwoNodeIT -Dtwonode.seed=").append(seed).append('\n')
                    .append(String.format("MariaDB database %s, seed %d, rounds %d (%d runs); node-a ready in %.1f s,"
                            + " node-b in %.1f s; load average %s%n", database, seed, rounds, planned, startA, startB,
                            Harness.loadAverage()))
                    .append(String.format("node-b killed (SIGKILL) after %.1f s up, with %d runs started and %d ended;"
                            + " node-a ended the rest in %.1f s%n", bUptime, startedAtKill, endedAtKill, afterKill))
                    .append("  last lab command before the kill: ").append(lastCommand).append('\n')
                    .append("  in flight: ").append(inFlight.isEmpty() ? "(nothing: every run waited on a person)"
                            : String.join("; ", inFlight)).append('\n')
                    .append("successful jobs by node (history job log hostname): ").append(jobsByNode).append("\n\n")
                    .append(result.text())
                    .append(String.format("whole drill %.1f s%nresult: %s%n", (System.nanoTime() - began) / 1e9,
                            result.passed() && jobsByNode.keySet().containsAll(List.of("node-a", "node-b")) ? "PASSED" : "FAILED"));
            Files.writeString(target.resolve("two-node-report.txt"), report);
            System.out.print(report);

            assertThat(finished).as("every run ended within the limit\n" + report).isTrue();
            assertThat(result.unexpected()).as(report.toString()).isEmpty();
            assertThat(result.duplicates()).as(report.toString()).isEmpty();
            assertThat(result.incidents()).as(report.toString()).isZero();
            assertThat(result.runs()).as(report.toString()).hasSize(planned).allMatch(Drill.RunOutcome::asExpected);
            assertThat(result.rounds()).as(report.toString()).hasSize(rounds).allMatch(Drill.RoundOutcome::asExpected);
            assertThat(jobsByNode).as("both job executors worked\n" + report).containsKeys("node-a", "node-b");
        }
    }
}
