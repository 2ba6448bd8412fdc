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
 * on, runs started and gates approved through either node. Node B is killed (SIGKILL) at a seeded random
 * moment mid-way and not restarted; node A must finish every run, each side effect exactly once.
 * Report: {@code target/two-node-report.txt}.
 */
@Tag("crash")
class TwoNodeIT {

    private static final String DATABASE = "mqrunbooks_ci_twonode";

    @Test
    void twoNodesRunEveryStepOnceAndOneSurvivesTheOthersKill() throws Exception {
        int runs = Integer.getInteger("twonode.runs", 24);
        long seed = Long.getLong("twonode.seed", 20261121L);
        long began = System.nanoTime();
        Path target = Path.of("target");
        Path workDir = Files.createDirectories(target.resolve("two-node-drill"));
        Path jar = Harness.packagedJar(target);
        Path drillClasses = Harness.drillClasses(Path.of("target/test-classes"), workDir);
        Harness.recreateDatabase(DATABASE);
        Random random = new Random(seed);

        try (LabProcess lab = LabProcess.start(jar, workDir.resolve("lab"), Duration.ofSeconds(60));
             AppNode nodeA = new AppNode("node-a", jar, drillClasses, workDir, DATABASE, lab);
             AppNode nodeB = new AppNode("node-b", jar, drillClasses, workDir, DATABASE, lab)) {
            // One after the other: the first creates the schema, the second finds it.
            nodeA.start();
            double startA = nodeA.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            nodeB.start();
            double startB = nodeB.awaitReady(Duration.ofSeconds(180)).toMillis() / 1000.0;
            Drill.setUp(nodeA);
            Drill drill = new Drill(List.of(nodeA, nodeB), Drill.plan("TN", runs), 12);
            long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("twonode.minutes", 3)).toNanos();

            // Kill B once a seeded share of the runs (between a quarter and a half) has ended.
            long killWhenEnded = runs / 4 + random.nextInt(Math.max(1, runs / 4));
            while (drill.endedRuns() < killWhenEnded && System.nanoTime() < deadline) {
                drill.pass();
                Thread.sleep(250);
            }
            long endedAtKill = drill.endedRuns();
            long startedAtKill = drill.startedRuns();
            double bUptime = nodeB.uptime().toMillis() / 1000.0;
            nodeB.kill();
            long killedAt = System.nanoTime();
            boolean finished = drill.runUntilDone(deadline);
            double afterKill = (System.nanoTime() - killedAt) / 1e9;

            JournalCheck journal = JournalCheck.read(lab.journal());
            List<Drill.RunOutcome> outcomes = drill.outcomes(nodeA, journal);
            Map<String, Integer> jobsByNode = new TreeMap<>();
            for (JsonNode entry : nodeA.admin().get("/engine-rest/history/job-log" + DrillRest.query(Map.of(
                    "processDefinitionKey", Drill.PROCESS, "successLog", "true", "maxResults", "1000000")))) {
                jobsByNode.merge(entry.path("hostname").asText(), 1, Integer::sum);
            }
            long incidents = drill.incidents(nodeA);
            long asWithoutCrash = outcomes.stream().filter(Drill.RunOutcome::asWithoutCrash).count();

            StringBuilder report = new StringBuilder("Two-node drill ").append(Instant.now()).append('\n')
                    .append("command: ./mvnw -B verify -Dit.test=TwoNodeIT -Dtwonode.seed=").append(seed).append('\n')
                    .append(String.format("MariaDB database %s, seed %d, runs %d; node-a ready in %.1f s, node-b in %.1f s%n",
                            DATABASE, seed, runs, startA, startB))
                    .append(String.format("node-b killed (SIGKILL) after %.1f s up, with %d runs started and %d ended;"
                            + " node-a ended the rest in %.1f s%n", bUptime, startedAtKill, endedAtKill, afterKill))
                    .append("successful jobs by node (history job log hostname): ").append(jobsByNode).append("\n\n")
                    .append(String.format("%-18s %-8s %-10s %-10s %-44s %-6s %s%n", "run", "host", "state", "outcome",
                            "crtmqm/strmqm/endmqm/dltmqm (journal)", "dspmq", "evidence"));
            for (Drill.RunOutcome o : outcomes) {
                report.append(String.format("%-18s %-8s %-10s %-10s %-44s %-6d %s%n", o.run().businessKey(), o.run().host(),
                        o.state(), o.outcome(), o.sideEffects().values()
                                + (o.sideEffectsAsExpected() ? " in order, exit 0" : " UNEXPECTED"),
                        o.statusChecks(), o.evidence()));
            }
            report.append(String.format("%nruns: %d, ended as expected: %d, incidents: %d, duplicate side effects: %d%n",
                    outcomes.size(), asWithoutCrash, incidents, journal.duplicates().size()));
            journal.duplicates().forEach(d -> report.append("  ").append(d).append('\n'));
            report.append(String.format("lab commands: %d; REST: %d start requests, %d gates approved, %d calls refused;"
                            + " whole drill %.1f s%n", journal.commands(), drill.startRequests(), drill.gatesApproved(),
                    drill.failedCalls(), (System.nanoTime() - began) / 1e9));
            Files.writeString(target.resolve("two-node-report.txt"), report);
            System.out.print(report);

            assertThat(finished).as("every run ended within the limit\n" + report).isTrue();
            assertThat(journal.duplicates()).as(report.toString()).isEmpty();
            assertThat(incidents).as(report.toString()).isZero();
            assertThat(outcomes).as(report.toString()).hasSize(runs).allMatch(Drill.RunOutcome::asWithoutCrash);
            assertThat(jobsByNode).as("both job executors worked\n" + report).containsKeys("node-a", "node-b");
        }
    }
}
