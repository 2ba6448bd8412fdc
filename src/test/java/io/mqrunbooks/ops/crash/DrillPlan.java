package io.mqrunbooks.ops.crash;

import io.mqrunbooks.testsupport.LabControlClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the drills run: rounds of the real runbooks against the lab estate (src/main/resources/lab/lab-estate.yaml).
 * Each round starts from a reset lab and runs its lanes at the same time; a lane is a sequence of runs on hosts
 * no other lane touches, so every side-effecting command in the lab's journal belongs to exactly one lane. The
 * expected commands are those the in-process lab tests assert for the same runs ({@code *LabTest}).
 */
final class DrillPlan {

    static final String BASELINE_LANE = "baseline";
    static final String NIGHTLY_PROCESS = "drBaselineNightlyProcess";

    /** Something the harness does to the lab as a person or a fault would, outside the runbook. */
    record LabStep(String description, Consumer<LabControlClient> action) {
    }

    /**
     * One run of a runbook. {@code businessKey} is null for the timer-started nightly baseline.
     * {@code expectedOutcome} is a regular expression for the {@code outcome} variable.
     * {@code installVersion}: the IBM MQ level the operator installs at the cluster migration's install task;
     * {@code stagesToRun}: members a staged migration migrates before the change manager stops it.
     */
    record Run(int round, String lane, String processKey, String businessKey, Map<String, Object> variables,
               List<LabStep> before, String expectedOutcome, List<String> expectedSideEffects, String installVersion,
               int stagesToRun) {

        Run(int round, String lane, String processKey, String businessKey, Map<String, Object> variables,
            List<LabStep> before, String expectedOutcome, List<String> expectedSideEffects) {
            this(round, lane, processKey, businessKey, variables, before, expectedOutcome, expectedSideEffects, null, 0);
        }

        boolean timerStarted() {
            return businessKey == null;
        }

        String name() {
            return businessKey != null ? businessKey : "R" + round + "-NIGHTLY";
        }
    }

    /**
     * Runs one after the other on {@code hosts}; {@code after}: a lane that must have ended first.
     * {@code finalStates}: "host/queue manager" to the dspmq status (and ", DR role") the lane leaves behind.
     */
    record Lane(String name, List<String> hosts, String after, List<Run> runs, Map<String, String> finalStates,
                List<String> hostsDownAtEnd) {
    }

    record Round(int number, List<Lane> lanes) {

        List<Run> runs() {
            return lanes.stream().flatMap(lane -> lane.runs().stream()).toList();
        }
    }

    private DrillPlan() {
    }

    /**
     * {@code rounds} identical rounds; business keys start with {@code prefix} ("CR", "TN"); {@code stages}: how
     * many of PAYCLUS's five members the staged migration migrates before it is stopped.
     */
    static List<Round> rounds(String prefix, int rounds, int stages) {
        if (stages < 1 || stages > 5) {
            throw new IllegalArgumentException("the staged migration migrates 1 to 5 members of PAYCLUS, not " + stages);
        }
        List<Round> plan = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            String key = prefix + "-R" + r + "-";
            plan.add(new Round(r, List.of(baseline(r), rdqm(r, key), drActivation(r, key, "QM1"), drActivationHostDown(r, key),
                    drActivationCold(r, key), cluster(r, key, stages), multiInstance(r, key))));
        }
        return plan;
    }

    /**
     * The nightly baseline, fired by moving its timer's due date to now; it reads every primary with a backup
     * (dr1, mqeast1..3), so the lanes that change those wait for it. It runs no side-effecting command: the warm
     * and cold backups are stopped, so levelling them is recorded for their activation (docs/runbook-dr-baseline.md).
     */
    private static Lane baseline(int round) {
        return new Lane(BASELINE_LANE, List.of(), null, List.of(new Run(round, BASELINE_LANE, NIGHTLY_PROCESS, null, Map.of(),
                List.of(), "completed", List.of())), Map.of(), List.of());
    }

    /**
     * Seed 004 on QMDR: switchover to dr2; dr2 lost, failover back to dr1; dr2 replaced (its stale QMDR deleted,
     * secondary rebuilt); the pair deleted and created again from the inventory. It ends as it began.
     */
    private static Lane rdqm(int round, String key) {
        String lane = "rdqm";
        List<Run> runs = List.of(
                new Run(round, lane, "rdqmSwitchoverProcess", key + "QMDR-SWITCHOVER", vars("queueManager", "QMDR",
                        "reason", "drill: planned switchover to dr2"), List.of(), "completed", List.of(
                        "dr1: endmqm -w QMDR", "dr1: rdqmdr -m QMDR -s", "dr2: rdqmdr -m QMDR -p", "dr2: strmqm QMDR")),
                new Run(round, lane, "rdqmFailoverProcess", key + "QMDR-FAILOVER", vars("queueManager", "QMDR",
                        "reason", "drill: dr2 lost"), List.of(new LabStep("dr2 lost (SSH down, MQ state lost)",
                        lab -> lab.failHost("dr2"))), "completed", List.of("dr1: rdqmdr -m QMDR -p", "dr1: strmqm QMDR")),
                new Run(round, lane, "rdqmNodeReplacementProcess", key + "QMDR-REPLACE-DR2", vars("queueManager", "QMDR",
                        "lostNode", "dr2", "reason", "drill: dr2 replaced"), List.of(new LabStep(
                        "dr2 back with its stale QMDR", lab -> lab.recoverHost("dr2"))), "completed", List.of(
                        "dr2: dltmqm QMDR", "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR")),
                new Run(round, lane, "rdqmDeleteProcess", key + "QMDR-DELETE", vars("queueManager", "QMDR",
                        "reason", "drill: delete the pair"), List.of(), "completed", List.of(
                        "dr1: endmqm -w QMDR", "dr1: dltmqm QMDR", "dr2: dltmqm QMDR")),
                new Run(round, lane, "rdqmCreateProcess", key + "QMDR-CREATE", vars("queueManager", "QMDR",
                        "reason", "drill: create the pair"), List.of(), "completed", List.of(
                        "dr1: crtmqm -rr p -rt a -rl 127.0.2.14 -ri 127.0.2.15 -rn dr2 -rp 7001 -p 1502 QMDR",
                        "dr2: crtmqm -rr s -rl 127.0.2.15 -ri 127.0.2.14 -rn dr1 -rp 7001 QMDR", "dr1: strmqm QMDR")));
        return new Lane(lane, List.of("dr1", "dr2"), BASELINE_LANE, runs, states(
                "dr1/QMDR", "Running, Primary", "dr2/QMDR", "Ended immediately, Secondary"), List.of());
    }

    /** Seed 000, warm backup of the same name, primary still running: ended and proven ended before strmqm. */
    private static Lane drActivation(int round, String key, String queueManager) {
        String lane = "dr-" + queueManager;
        Run run = activation(round, lane, key, queueManager, List.of(), List.of("mqeast1: endmqm -i QM1", "mqwest1: strmqm QM1"));
        return new Lane(lane, List.of("mqeast1", "mqwest1"), BASELINE_LANE, List.of(run), states(
                "mqeast1/QM1", "Ended immediately", "mqwest1/QM1", "Running"), List.of());
    }

    /**
     * Seed 000, distinct DR name: a baseline on demand for QM2 (level after the nightly run: no task), then its
     * primary host is lost and QM2_DR is activated with the stored baseline.
     */
    private static Lane drActivationHostDown(int round, String key) {
        String lane = "dr-QM2";
        Run baseline = new Run(round, lane, "drBaselineProcess", key + "QM2-BASELINE", vars("queueManagers", "QM2",
                "reason", "drill: baseline before the weekend"), List.of(), "completed", List.of());
        Run activation = activation(round, lane, key, "QM2", List.of(new LabStep("mqeast2 lost (SSH down, MQ state lost)",
                lab -> lab.failHost("mqeast2"))), List.of("mqwest2: strmqm QM2_DR"));
        return new Lane(lane, List.of("mqeast2", "mqwest2"), BASELINE_LANE, List.of(baseline, activation), states(
                "mqeast2/QM2", "Ended unexpectedly", "mqwest2/QM2_DR", "Running"), List.of("mqeast2"));
    }

    /** Seed 000, cold backup: the operator restores media at the task (the harness calls restoreMedia first). */
    private static Lane drActivationCold(int round, String key) {
        String lane = "dr-QM3";
        Run run = activation(round, lane, key, "QM3", List.of(), List.of("mqeast3: endmqm -i QM3", "mqwest3: strmqm QM3"));
        return new Lane(lane, List.of("mqeast3", "mqwest3"), BASELINE_LANE, List.of(run), states(
                "mqeast3/QM3", "Ended immediately", "mqwest3/QM3", "Running"), List.of());
    }

    private static Run activation(int round, String lane, String key, String queueManager, List<LabStep> before,
                                  List<String> sideEffects) {
        String businessKey = key + queueManager + "-ACTIVATE";
        return new Run(round, lane, "drActivationProcess", businessKey, vars("queueManager", queueManager,
                "reason", "drill: east data centre lost", "incidentReference", businessKey, "declaredBy", "Drill duty manager",
                "clientChannel", "APP.SVRCONN"), before, "completed", sideEffects);
    }

    /**
     * Seed 002: PR1 to 9.4.1.0 alone, then PAYCLUS to 9.4.2.0, full repositories first; the change manager stops
     * the staged migration after {@code stages} members (5: all of them).
     */
    private static Lane cluster(int round, String key, int stages) {
        String lane = "cluster";
        List<String> members = List.of("FR1", "FR2", "PR1", "PR2", "PR3");
        List<String> staged = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (String member : members.subList(0, stages)) {
            String host = member.toLowerCase();
            staged.add(host + ": endmqm -w " + member);
            staged.add(host + ": strmqm " + member);
            done.add(member + ": migrated (completed: " + member + " runs 9.4.2.0 and is resumed in its clusters)");
        }
        String stagedOutcome = stages == members.size() ? "completed: " + String.join("; ", done)
                : "stopped: " + String.join("; ", done) + "; untouched: " + String.join(", ", members.subList(stages, members.size()));
        List<Run> runs = List.of(
                new Run(round, lane, "clusterQueueManagerMigrationProcess", key + "PR1-MIGRATE", vars("queueManager", "PR1",
                        "targetVersion", "9.4.1.0", "reason", "drill: MQ 9.4.1 upgrade"), List.of(),
                        Pattern.quote("completed: PR1 runs 9.4.1.0 and is resumed in its clusters"),
                        List.of("pr1: endmqm -w PR1", "pr1: strmqm PR1"), "9.4.1.0", 0),
                new Run(round, lane, "stagedClusterMigrationProcess", key + "PAYCLUS-STAGED", vars("clusterName", "PAYCLUS",
                        "targetVersion", "9.4.2.0", "reason", "drill: MQ 9.4.2 upgrade"), List.of(), Pattern.quote(stagedOutcome), staged, "9.4.2.0", stages));
        return new Lane(lane, List.of("fr1", "fr2", "pr1", "pr2", "pr3"), null, runs, states(
                "fr1/FR1", "Running", "fr2/FR2", "Running", "pr1/PR1", "Running", "pr2/PR2", "Running", "pr3/PR3", "Running"),
                List.of());
    }

    /** Seed 003: MIQM's active instance on mi1 ends with -s, the standby on mi2 takes over. */
    private static Lane multiInstance(int round, String key) {
        String lane = "multi-instance";
        Run run = new Run(round, lane, "multiInstanceSwitchoverProcess", key + "MIQM-SWITCHOVER", vars("queueManager", "MIQM",
                "endMode", "immediate", "reason", "drill: patch mi1"), List.of(), "completed",
                List.of("mi1: endmqm -i -s MIQM"));
        return new Lane(lane, List.of("mi1", "mi2"), null, List.of(run), states(
                "mi1/MIQM", "Running elsewhere", "mi2/MIQM", "Running"), List.of());
    }

    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    private static Map<String, String> states(String... hostQmAndState) {
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < hostQmAndState.length; i += 2) {
            states.put(hostQmAndState[i], hostQmAndState[i + 1]);
        }
        return states;
    }
}
