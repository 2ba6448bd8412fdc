package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.testsupport.LabControlClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the plan's rounds through REST as real users would: an operator starts each lane's next run, a change
 * manager (four-eyes: another user) decides the gates, a second operator does the operator tasks (and, for a
 * media restore or an MQ install, the work on the host first, through the lab's control endpoint), and the poll
 * timers are fired early by moving their due date to now as the administrator. Every call that fails because a
 * node is down is tried again on the next pass. Whether a run was started is always read back from the engine's
 * history, so a start request cut off by a kill is never sent twice for a run that did start.
 *
 * <p>A round ends when all its runs have ended and nothing is in flight; then the lab is reset for the next one.
 * The lab's journal line count at each round's start and end attributes every command to its round.
 */
final class Drill {

    static final String OPERATOR = "drilloperator";
    static final String LEAD = "drilllead";
    static final String APPROVER = "drillapprover";
    /** Every drill user's password: Camunda's password policy refuses one containing the user's id. */
    static final String PASSWORD = "Dr1ll-User#Pw";
    static final String OPERATORS = "mq-operators";
    static final String CHANGE_MANAGERS = "change-managers";
    /** The runbooks poll every 10 to 30 s; a timer the drill has seen for this long is fired at once. */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String ALL = "maxResults=1000000";

    /** What the lab looked like and where its journal stood when a round began and ended. */
    static final class RoundRecord {
        final int number;
        final long journalStart;
        final Map<String, String> initialState;
        final Instant began = Instant.now();
        long journalEnd = -1;
        Map<String, String> finalState = Map.of();
        List<String> hostsDownAtEnd = List.of();
        Instant ended;

        RoundRecord(int number, long journalStart, Map<String, String> initialState) {
            this.number = number;
            this.journalStart = journalStart;
            this.initialState = initialState;
        }

        double seconds() {
            return Duration.between(began, ended == null ? Instant.now() : ended).toMillis() / 1000.0;
        }
    }

    private final List<AppNode> nodes;
    private final List<DrillPlan.Round> rounds;
    private final LabControlClient lab;
    private final List<RoundRecord> records = new CopyOnWriteArrayList<>();
    private final Set<String> labStepsDone = new HashSet<>();
    private final Map<Integer, String> nightlyByRound = new ConcurrentHashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusedCalls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicInteger startRequests = new AtomicInteger();
    private final AtomicInteger gatesDecided = new AtomicInteger();
    private final AtomicInteger operatorTasks = new AtomicInteger();
    private final List<String> labSteps = Collections.synchronizedList(new ArrayList<>());
    private volatile Map<String, JsonNode> instances = Map.of();
    private volatile int current;
    private int rotation;

    Drill(List<AppNode> nodes, List<DrillPlan.Round> rounds, LabControlClient lab) {
        this.nodes = nodes;
        this.rounds = rounds;
        this.lab = lab;
        records.add(new RoundRecord(rounds.get(0).number(), lab.journalCount(), states(lab.state())));
    }

    /** As the administrator from the environment: the drill's three users. */
    static void setUp(AppNode node) throws DrillRest.CallFailed {
        DrillRest admin = node.admin();
        createUser(admin, OPERATOR, "Olga", "Drill-Operator", OPERATORS);
        createUser(admin, LEAD, "Lars", "Drill-Lead-Operator", OPERATORS);
        createUser(admin, APPROVER, "Arne", "Drill-Approver", CHANGE_MANAGERS);
    }

    private static void createUser(DrillRest admin, String id, String first, String last, String group)
            throws DrillRest.CallFailed {
        ObjectNode body = DrillRest.object();
        body.putObject("profile").put("id", id).put("firstName", first).put("lastName", last)
                .put("email", id + "@drill.mq-runbooks.invalid");
        body.putObject("credentials").put("password", PASSWORD);
        admin.post("/engine-rest/user/create", body);
        admin.put("/engine-rest/group/" + group + "/members/" + id);
    }

    static DrillRest as(DrillRest any, String user) {
        return any.as(user, PASSWORD);
    }

    /** One pass: start what is due, decide open tasks, move to the next round. True when done. */
    boolean pass() {
        if (current >= rounds.size()) {
            return true;
        }
        AppNode node = nextNode();
        if (node == null) {
            return false;
        }
        DrillRest admin = node.admin();
        try {
            Map<String, JsonNode> byId = readInstances(admin);
            DrillPlan.Round round = rounds.get(current);
            assignNightly(round);
            if (round.runs().stream().allMatch(this::ended)) {
                if (byId.values().stream().anyMatch(Drill::active)) {
                    return false;
                }
                endRound();
                return current >= rounds.size();
            }
            startDueRuns(admin, round);
            decideTasks(as(admin, APPROVER), CHANGE_MANAGERS, gatesDecided);
            decideTasks(as(admin, LEAD), OPERATORS, operatorTasks);
            return false;
        } catch (DrillRest.CallFailed nodeDown) {
            failedCalls.incrementAndGet();
            return false;
        }
    }

    boolean runUntilDone(long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (pass()) {
                return true;
            }
            if (!unexpected.isEmpty()) {
                return false;
            }
            Thread.sleep(250);
        }
        return false;
    }

    // ------------------------------------------------------------------ rounds and runs

    private void endRound() {
        RoundRecord record = records.get(current);
        JsonNode state = lab.state();
        record.finalState = states(state);
        List<String> down = new ArrayList<>();
        state.path("hostsDown").forEach(host -> down.add(host.asText()));
        record.hostsDownAtEnd = down;
        record.journalEnd = lab.journalCount();
        record.ended = Instant.now();
        if (current + 1 < rounds.size()) {
            lab.reset();
            records.add(new RoundRecord(rounds.get(current + 1).number(), lab.journalCount(), states(lab.state())));
        }
        current++;
    }

    private void startDueRuns(DrillRest admin, DrillPlan.Round round) throws DrillRest.CallFailed {
        for (DrillPlan.Lane lane : round.lanes()) {
            if (lane.after() != null && !round.lanes().stream().filter(l -> l.name().equals(lane.after()))
                    .allMatch(l -> l.runs().stream().allMatch(this::ended))) {
                continue;
            }
            DrillPlan.Run next = lane.runs().stream().filter(run -> !ended(run)).findFirst().orElse(null);
            if (next == null || instanceOf(next) != null) {
                continue;
            }
            if (labStepsDone.add(next.name())) {
                for (DrillPlan.LabStep step : next.before()) {
                    step.action().accept(lab);
                    labSteps.add("before " + next.name() + ": " + step.description());
                }
            }
            if (next.timerStarted()) {
                triggerNightly(admin);
            } else {
                ObjectNode start = DrillRest.object().put("businessKey", next.businessKey());
                start.set("variables", DrillRest.variables(next.variables()));
                startRequests.incrementAndGet();
                as(admin, OPERATOR).post("/engine-rest/process-definition/key/" + next.processKey() + "/start", start);
            }
        }
    }

    /** Every run in history (the drill's database holds nothing else), kept as the snapshot the pass works on. */
    private Map<String, JsonNode> readInstances(DrillRest admin) throws DrillRest.CallFailed {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode instance : admin.get("/engine-rest/history/process-instance?" + ALL)) {
            byId.put(instance.path("id").asText(), instance);
        }
        instances = byId;
        return byId;
    }

    /**
     * The nightly baseline starts on its timer at 02:00; the drill starts it now, as an operator may by hand (nobody's
     * API call moves a timer, docs/security.md).
     */
    private void triggerNightly(DrillRest admin) throws DrillRest.CallFailed {
        startRequests.incrementAndGet();
        as(admin, OPERATOR).post("/engine-rest/process-definition/key/" + DrillPlan.NIGHTLY_PROCESS + "/start",
                DrillRest.object());
    }

    /** A nightly run that was not there before belongs to the round under way; a second one is reported. */
    private void assignNightly(DrillPlan.Round round) {
        for (JsonNode instance : instances.values()) {
            String id = instance.path("id").asText();
            if (!DrillPlan.NIGHTLY_PROCESS.equals(instance.path("processDefinitionKey").asText())
                    || nightlyByRound.containsValue(id)) {
                continue;
            }
            if (!nightlyByRound.containsKey(round.number())) {
                nightlyByRound.put(round.number(), id);
            } else if (reported.add(id)) {
                unexpected.add("a second nightly baseline run " + id + " in round " + round.number());
            }
        }
    }

    JsonNode instanceOf(DrillPlan.Run run) {
        if (run.timerStarted()) {
            String id = nightlyByRound.get(run.round());
            return id == null ? null : instances.get(id);
        }
        return instances.values().stream().filter(i -> run.businessKey().equals(i.path("businessKey").asText())
                && i.path("superProcessInstanceId").isNull()).findFirst().orElse(null);
    }

    private boolean ended(DrillPlan.Run run) {
        JsonNode instance = instanceOf(run);
        return instance != null && !active(instance);
    }

    private static boolean active(JsonNode instance) {
        String state = instance.path("state").asText();
        return state.equals("ACTIVE") || state.equals("SUSPENDED");
    }

    /** The plan's run a process instance (or a run it called) belongs to. */
    DrillPlan.Run runOf(String processInstanceId) {
        JsonNode instance = instances.get(processInstanceId);
        if (instance == null) {
            return null;
        }
        String root = instance.path("rootProcessInstanceId").asText(processInstanceId);
        for (DrillPlan.Round round : rounds) {
            for (DrillPlan.Run run : round.runs()) {
                JsonNode candidate = instanceOf(run);
                if (candidate != null && candidate.path("id").asText().equals(root)) {
                    return run;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ people and timers

    private void decideTasks(DrillRest user, String group, AtomicInteger counter) throws DrillRest.CallFailed {
        for (JsonNode task : user.get("/engine-rest/task?candidateGroup=" + group)) {
            String id = task.path("id").asText();
            String key = task.path("taskDefinitionKey").asText();
            DrillPlan.Run run = runOf(task.path("processInstanceId").asText());
            if (run == null) {
                continue;
            }
            // Only the tasks whose answer depends on them cost a call for their variables.
            JsonNode variables = DrillPeople.READS_VARIABLES.contains(key)
                    ? user.get("/engine-rest/task/" + id + "/variables") : DrillRest.object();
            DrillPeople.Answer answer = DrillPeople.answer(key, run, name -> text(variables, name));
            if (answer == null) {
                if (reported.add(id)) {
                    unexpected.add(run.name() + " reached task " + key + " ('" + task.path("name").asText()
                            + "'), which no run of the plan should reach");
                }
                continue;
            }
            if (answer.labWork() != null) {
                doLabWork(variables, answer.labWork(), run);
            }
            ObjectNode complete = DrillRest.object();
            complete.set("variables", DrillRest.variables(answer.variables()));
            try {
                user.post("/engine-rest/task/" + id + "/complete", complete);
                counter.incrementAndGet();
            } catch (DrillRest.CallFailed refused) {
                if (refused.status == 0) {
                    throw refused;
                }
                // Gone (completed by a request a kill cut off) or refused: the next pass shows which.
                failedCalls.incrementAndGet();
                refusedCalls.add(run.name() + " " + key + ": " + refused.getMessage());
            }
        }
    }

    private void doLabWork(JsonNode variables, DrillPeople.LabWork work, DrillPlan.Run run) {
        switch (work) {
            case RESTORE_MEDIA -> {
                lab.restoreMedia(text(variables, "backupHost"), text(variables, "backupQueueManager"));
                labSteps.add(run.name() + ": media restored for " + text(variables, "backupQueueManager") + " on "
                        + text(variables, "backupHost"));
            }
            case INSTALL_VERSION -> {
                lab.installVersion(text(variables, "host"), run.installVersion());
                labSteps.add(run.name() + ": IBM MQ " + run.installVersion() + " installed on " + text(variables, "host"));
            }
            default -> throw new IllegalArgumentException(work.name());
        }
    }

    private static String text(JsonNode variables, String name) {
        JsonNode value = variables.path(name).path("value");
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("task variable " + name + " missing: " + variables);
        }
        return value.asText();
    }

    private static Instant time(JsonNode node, String field) {
        String text = node.path(field).asText(null);
        return text == null ? null : OffsetDateTime.parse(text, ENGINE_DATE).toInstant();
    }

    private synchronized AppNode nextNode() {
        for (int i = 0; i < nodes.size(); i++) {
            AppNode node = nodes.get(rotation++ % nodes.size());
            if (node.alive()) {
                return node;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ progress, for the killer and the report

    int runsPlanned() {
        return rounds.stream().mapToInt(round -> round.runs().size()).sum();
    }

    long startedRuns() {
        return rounds.stream().flatMap(round -> round.runs().stream()).filter(run -> instanceOf(run) != null).count();
    }

    long endedRuns() {
        return rounds.stream().flatMap(round -> round.runs().stream()).filter(this::ended).count();
    }

    /** The journal's line count when the round under way began. */
    long journalStartOfCurrentRound() {
        List<RoundRecord> begun = records;
        return begun.get(begun.size() - 1).journalStart;
    }

    int currentRound() {
        return current < rounds.size() ? rounds.get(current).number() : rounds.size();
    }

    /**
     * What the engine had to do at this moment: each job due now (an async step waiting for or running on a job
     * executor thread, or a timer that fired), as "run: activity". A step under way is not in history before its
     * transaction commits, so the jobs are the only place to see it.
     */
    List<String> inFlight(AppNode node) {
        List<String> busy = new ArrayList<>();
        try {
            DrillRest admin = node.admin();
            readInstances(admin);
            Map<String, String> activities = new HashMap<>();
            for (JsonNode definition : admin.get("/engine-rest/job-definition?" + ALL)) {
                activities.put(definition.path("id").asText(), definition.path("activityId").asText());
            }
            for (JsonNode job : admin.get("/engine-rest/job?executable=true&" + ALL)) {
                DrillPlan.Run run = runOf(job.path("processInstanceId").asText());
                busy.add((run == null ? "?" : run.name()) + ": " + activities.get(job.path("jobDefinitionId").asText()));
            }
        } catch (DrillRest.CallFailed e) {
            busy.add("(not known: " + e.getMessage() + ")");
        }
        return busy;
    }

    List<String> unexpected() {
        return unexpected;
    }

    /** What the drill did through REST and the lab's control endpoint, as the report counts it. */
    record Traffic(int startRequests, int gatesDecided, int operatorTasks, int failedCalls,
                   List<String> labSteps, List<String> refusedCalls) {
    }

    Traffic traffic() {
        return new Traffic(startRequests.get(), gatesDecided.get(), operatorTasks.get(),
                failedCalls.get(), List.copyOf(labSteps), List.copyOf(refusedCalls));
    }

    /** "host/queue manager" to "status" or "status, DR role", from the lab's {@code /state}. */
    static Map<String, String> states(JsonNode state) {
        Map<String, String> states = new TreeMap<>();
        for (JsonNode qm : state.path("queueManagers")) {
            JsonNode role = qm.path("drRole");
            states.put(qm.path("host").asText() + "/" + qm.path("name").asText(), qm.path("status").asText()
                    + (role.isNull() || role.isMissingNode() ? "" : ", " + role.asText()));
        }
        return states;
    }

    // ------------------------------------------------------------------ what the runs ended as

    /** One run as the engine, the evidence store and the lab's journal show it afterwards. */
    record RunOutcome(DrillPlan.Run run, String state, String outcome, int instances, boolean evidenceIntact,
                      String evidence, List<String> incidents, List<String> failedAttempts, List<String> unendedAttempts,
                      Instant started, Instant ended) {

        double seconds() {
            return started == null || ended == null ? Double.NaN : Duration.between(started, ended).toMillis() / 1000.0;
        }

        boolean asExpected() {
            return "COMPLETED".equals(state) && outcome != null && outcome.matches(run.expectedOutcome()) && evidenceIntact
                    && incidents.isEmpty();
        }
    }

    /** One lane of one round: the side-effecting commands on its hosts, against the plan's. */
    record LaneOutcome(int round, DrillPlan.Lane lane, List<String> expected, List<JournalCheck.SideEffect> actual) {

        boolean asExpected() {
            return actual.stream().map(JournalCheck.SideEffect::text).toList().equals(expected)
                    && actual.stream().allMatch(JournalCheck.SideEffect::succeededOrCutOff);
        }
    }

    /** One round: the lab's final state against the plan's, duplicates, commands on no lane's hosts. */
    record RoundOutcome(RoundRecord record, JournalCheck journal, List<LaneOutcome> lanes, List<String> stateDifferences,
                        List<JournalCheck.SideEffect> unattributed) {

        boolean asExpected() {
            return lanes.stream().allMatch(LaneOutcome::asExpected) && stateDifferences.isEmpty() && unattributed.isEmpty()
                    && journal.duplicates().isEmpty();
        }
    }

    List<RunOutcome> runOutcomes(AppNode node) throws DrillRest.CallFailed {
        DrillRest admin = node.admin();
        Map<String, JsonNode> byId = readInstances(admin);
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode variable : admin.get("/engine-rest/history/variable-instance?variableName=outcome&" + ALL)) {
            String instance = variable.path("processInstanceId").asText();
            // the run's own outcome, not one a called run's output mapping or a sub-scope wrote
            if (instance.equals(variable.path("activityInstanceId").asText()) || !outcomes.containsKey(instance)) {
                outcomes.put(instance, variable.path("value").asText(null));
            }
        }
        Map<String, List<String>> incidents = new HashMap<>();
        for (JsonNode incident : admin.get("/engine-rest/history/incident?" + ALL)) {
            DrillPlan.Run run = runOf(incident.path("processInstanceId").asText());
            incidents.computeIfAbsent(run == null ? "?" : run.name(), k -> new ArrayList<>())
                    .add(incident.path("activityId").asText() + ": " + incident.path("incidentMessage").asText());
        }
        Map<String, List<String>> failures = new HashMap<>();
        for (JsonNode entry : admin.get("/engine-rest/history/job-log?failureLog=true&" + ALL)) {
            DrillPlan.Run run = runOf(entry.path("processInstanceId").asText());
            failures.computeIfAbsent(run == null ? "?" : run.name(), k -> new ArrayList<>())
                    .add(entry.path("activityId").asText() + ": " + entry.path("jobExceptionMessage").asText());
        }
        List<RunOutcome> result = new ArrayList<>();
        for (DrillPlan.Round round : rounds) {
            for (DrillPlan.Run run : round.runs()) {
                JsonNode root = instanceOf(run);
                if (root == null) {
                    result.add(new RunOutcome(run, "NOT STARTED", null, 0, false, "no run",
                            incidents.getOrDefault(run.name(), List.of()), failures.getOrDefault(run.name(), List.of()),
                            List.of(), null, null));
                    continue;
                }
                String rootId = root.path("id").asText();
                List<String> ids = byId.values().stream().filter(i -> rootId.equals(i.path("rootProcessInstanceId").asText()))
                        .map(i -> i.path("id").asText()).toList();
                int records = 0;
                List<String> broken = new ArrayList<>();
                List<String> unended = new ArrayList<>();
                for (String id : ids) {
                    JsonNode verification = admin.get("/api/runs/" + id + "/verify");
                    records += verification.path("recordsChecked").asInt();
                    if (!verification.path("intact").asBoolean(false)) {
                        broken.add(verification.toString());
                    }
                    // The evidence of an attempt a kill cut off survives it (own transaction): started, never ended.
                    for (JsonNode step : admin.get("/api/runs/" + id).path("timeline")) {
                        if ("failed attempt".equals(step.path("status").asText())) {
                            unended.add(step.path("stepName").asText(step.path("stepId").asText()));
                        }
                    }
                }
                result.add(new RunOutcome(run, root.path("state").asText(), outcomes.get(rootId), ids.size(), broken.isEmpty(),
                        broken.isEmpty() ? records + " records intact" : "BROKEN: " + broken,
                        incidents.getOrDefault(run.name(), List.of()), failures.getOrDefault(run.name(), List.of()),
                        unended, time(root, "startTime"), time(root, "endTime")));
            }
        }
        return result;
    }

    List<RoundOutcome> roundOutcomes(Path journalFile) throws IOException {
        List<RoundOutcome> result = new ArrayList<>();
        for (RoundRecord record : records) {
            DrillPlan.Round round = rounds.stream().filter(r -> r.number() == record.number).findFirst().orElseThrow();
            JournalCheck journal = JournalCheck.read(journalFile, record.journalStart,
                    record.journalEnd < 0 ? Long.MAX_VALUE : record.journalEnd);
            List<LaneOutcome> lanes = new ArrayList<>();
            Set<String> laneHosts = new HashSet<>();
            Map<String, String> expectedState = new TreeMap<>(record.initialState);
            List<String> expectedDown = new ArrayList<>();
            for (DrillPlan.Lane lane : round.lanes()) {
                laneHosts.addAll(lane.hosts());
                lanes.add(new LaneOutcome(record.number, lane, lane.runs().stream()
                        .flatMap(run -> run.expectedSideEffects().stream()).toList(), journal.sideEffectsOn(lane.hosts())));
                expectedState.putAll(lane.finalStates());
                expectedDown.addAll(lane.hostsDownAtEnd());
            }
            List<String> differences = new ArrayList<>();
            if (record.ended == null) {
                differences.add("round not finished");
            } else {
                Set<String> keys = new TreeSet<>(expectedState.keySet());
                keys.addAll(record.finalState.keySet());
                for (String key : keys) {
                    String want = expectedState.get(key);
                    String got = record.finalState.get(key);
                    if (want == null || !want.equals(got)) {
                        differences.add(key + ": expected " + want + ", found " + got);
                    }
                }
                if (!new HashSet<>(expectedDown).equals(new HashSet<>(record.hostsDownAtEnd))) {
                    differences.add("hosts down: expected " + expectedDown + ", found " + record.hostsDownAtEnd);
                }
            }
            List<JournalCheck.SideEffect> unattributed = journal.sideEffects().stream()
                    .filter(effect -> !laneHosts.contains(effect.host())).toList();
            result.add(new RoundOutcome(record, journal, lanes, differences, unattributed));
        }
        return result;
    }

    /** Runs per runbook, the runs a call activity started included. */
    Map<String, Integer> runsPerRunbook() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        instances.values().stream().map(i -> i.path("processDefinitionKey").asText()).sorted()
                .forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts;
    }
}
