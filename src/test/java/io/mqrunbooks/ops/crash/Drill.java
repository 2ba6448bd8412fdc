package io.mqrunbooks.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives drill runs through REST as real users would: an operator starts them (never more than
 * {@code maxInFlight} unfinished at once), a change manager (four-eyes: another user) approves their gates,
 * and every call that fails because a node is down is simply tried again on the next pass. Whether a run
 * was started is always read back from the engine's history by its business key, so a start request cut
 * off by a kill is never sent twice for a run that did start.
 */
final class Drill {

    static final String PROCESS = "crashDrillProcess";
    static final String GATE = "userTask_approveEnd";
    static final String OPERATOR = "drilloperator";
    static final String APPROVER = "drillapprover";
    static final String PASSWORD_SUFFIX = "-pw";
    static final List<String> HOSTS = List.of("mqeast1", "mqwest1", "mqeast2", "mqwest2", "mqeast3", "mqwest3", "mi1", "mi2");
    static final List<String> STEP_KINDS = List.of("crtmqm", "strmqm", "endmqm", "dltmqm");

    record RunSpec(int number, String businessKey, String host, String queueManager) {
    }

    private final List<AppNode> nodes;
    private final List<RunSpec> runs;
    private final int maxInFlight;
    private final AtomicInteger failedCalls = new AtomicInteger();
    private final AtomicInteger gatesApproved = new AtomicInteger();
    private final AtomicInteger startRequests = new AtomicInteger();
    private volatile Map<String, JsonNode> history = Map.of();
    private int rotation;

    Drill(List<AppNode> nodes, List<RunSpec> runs, int maxInFlight) {
        this.nodes = nodes;
        this.runs = runs;
        this.maxInFlight = maxInFlight;
    }

    static List<RunSpec> plan(String prefix, int count) {
        List<RunSpec> runs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String qm = String.format("%s%04d", prefix, i);
            runs.add(new RunSpec(i, "DRILL-" + qm, HOSTS.get((i - 1) % HOSTS.size()), qm));
        }
        return runs;
    }

    /** As the administrator from the environment: the drill's two users, and the harness-only model. */
    static void setUp(AppNode node) throws DrillRest.CallFailed, IOException {
        DrillRest admin = node.admin();
        createUser(admin, OPERATOR, "Olga", "Drill-Operator", "mq-operators");
        createUser(admin, APPROVER, "Arne", "Drill-Approver", "change-managers");
        String bpmn;
        try (InputStream in = Drill.class.getResourceAsStream("/crash/crashDrillProcess.bpmn")) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        admin.deploy("crash-drill", "crashDrillProcess.bpmn", bpmn);
    }

    private static void createUser(DrillRest admin, String id, String first, String last, String group)
            throws DrillRest.CallFailed {
        ObjectNode body = DrillRest.object();
        body.putObject("profile").put("id", id).put("firstName", first).put("lastName", last)
                .put("email", id + "@drill.mq-runbooks.invalid");
        body.putObject("credentials").put("password", id + PASSWORD_SUFFIX);
        admin.post("/engine-rest/user/create", body);
        admin.put("/engine-rest/group/" + group + "/members/" + id);
    }

    /** One pass over every run; true when every run has ended. */
    boolean pass() {
        AppNode node = nextNode();
        if (node == null) {
            return false;
        }
        DrillRest admin = node.admin();
        try {
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode instance : admin.get("/engine-rest/history/process-instance"
                    + DrillRest.query(Map.of("processDefinitionKey", PROCESS, "maxResults", "100000")))) {
                byKey.put(instance.path("businessKey").asText(), instance);
            }
            history = byKey;
            long unfinished = byKey.values().stream().filter(i -> i.path("state").asText().equals("ACTIVE")).count();
            DrillRest operator = admin.as(OPERATOR, OPERATOR + PASSWORD_SUFFIX);
            for (RunSpec run : runs) {
                if (unfinished >= maxInFlight) {
                    break;
                }
                if (!byKey.containsKey(run.businessKey())) {
                    ObjectNode start = DrillRest.object().put("businessKey", run.businessKey());
                    start.set("variables", DrillRest.variables(Map.of("host", run.host(),
                            "queueManager", run.queueManager(), "reason", "crash drill run " + run.number())));
                    startRequests.incrementAndGet();
                    operator.post("/engine-rest/process-definition/key/" + PROCESS + "/start", start);
                    unfinished++;
                }
            }
            DrillRest approver = admin.as(APPROVER, APPROVER + PASSWORD_SUFFIX);
            for (JsonNode task : approver.get("/engine-rest/task"
                    + DrillRest.query(Map.of("processDefinitionKey", PROCESS, "taskDefinitionKey", GATE)))) {
                ObjectNode complete = DrillRest.object();
                complete.set("variables", DrillRest.variables(Map.of("decision", "approve",
                        "comment", "approved by the crash drill")));
                try {
                    approver.post("/engine-rest/task/" + task.path("id").asText() + "/complete", complete);
                    gatesApproved.incrementAndGet();
                } catch (DrillRest.CallFailed alreadyGone) {
                    if (alreadyGone.status == 0) {
                        throw alreadyGone;
                    }
                    failedCalls.incrementAndGet();
                }
            }
            return runs.stream().allMatch(run -> byKey.containsKey(run.businessKey())
                    && !byKey.get(run.businessKey()).path("state").asText().equals("ACTIVE"));
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
            Thread.sleep(250);
        }
        return false;
    }

    int startedRuns() {
        return history.size();
    }

    long endedRuns() {
        return history.values().stream().filter(i -> !i.path("state").asText().equals("ACTIVE")).count();
    }

    int failedCalls() {
        return failedCalls.get();
    }

    int gatesApproved() {
        return gatesApproved.get();
    }

    int startRequests() {
        return startRequests.get();
    }

    List<RunSpec> runs() {
        return runs;
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

    /** What each run ended as, read from the engine, the evidence store and the lab's journal. */
    record RunOutcome(RunSpec run, String state, String outcome, Map<String, String> actions, Map<String, Integer> sideEffects,
                      boolean sideEffectsAsExpected, int statusChecks, boolean evidenceIntact, String evidence) {

        boolean asWithoutCrash() {
            return "COMPLETED".equals(state) && "completed".equals(outcome) && sideEffectsAsExpected && evidenceIntact;
        }

        long resumedSteps() {
            return actions.values().stream().filter(a -> a.startsWith("skipped")).count();
        }
    }

    List<RunOutcome> outcomes(AppNode node, JournalCheck journal) throws DrillRest.CallFailed {
        DrillRest admin = node.admin();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode instance : admin.get("/engine-rest/history/process-instance"
                + DrillRest.query(Map.of("processDefinitionKey", PROCESS, "maxResults", "100000")))) {
            byKey.put(instance.path("businessKey").asText(), instance);
        }
        Map<String, Map<String, String>> variables = new HashMap<>();
        for (JsonNode variable : admin.get("/engine-rest/history/variable-instance"
                + DrillRest.query(Map.of("processDefinitionKey", PROCESS, "maxResults", "1000000")))) {
            variables.computeIfAbsent(variable.path("processInstanceId").asText(), id -> new HashMap<>())
                    .put(variable.path("name").asText(), variable.path("value").asText());
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        for (RunSpec run : runs) {
            JsonNode instance = byKey.get(run.businessKey());
            String id = instance == null ? null : instance.path("id").asText();
            Map<String, String> vars = id == null ? Map.of() : variables.getOrDefault(id, Map.of());
            Map<String, String> actions = new LinkedHashMap<>();
            for (String name : List.of("createAction", "startAction", "endAction", "deleteAction")) {
                actions.put(name, vars.getOrDefault(name, "-"));
            }
            List<JournalCheck.SideEffect> effects = journal.sideEffectsOn(run.queueManager());
            Map<String, Integer> counts = new LinkedHashMap<>();
            STEP_KINDS.forEach(kind -> counts.put(kind, 0));
            effects.forEach(effect -> counts.merge(effect.kind(), 1, Integer::sum));
            boolean expected = effects.size() == STEP_KINDS.size();
            for (int i = 0; expected && i < effects.size(); i++) {
                JournalCheck.SideEffect effect = effects.get(i);
                expected = effect.kind().equals(STEP_KINDS.get(i)) && effect.exitCode() == 0 && effect.host().equals(run.host());
            }
            boolean intact = false;
            String evidence = "no run";
            if (id != null) {
                JsonNode verification = admin.get("/api/runs/" + id + "/verify");
                intact = verification.path("intact").asBoolean(false);
                evidence = intact ? verification.path("recordsChecked").asText() + " records intact"
                        : "BROKEN: " + verification;
            }
            outcomes.add(new RunOutcome(run, instance == null ? "NOT STARTED" : instance.path("state").asText(),
                    vars.getOrDefault("outcome", "-"), actions, counts, expected,
                    (int) journal.statusChecksOn(run.queueManager()), intact, evidence));
        }
        return outcomes;
    }

    long incidents(AppNode node) throws DrillRest.CallFailed {
        return node.admin().get("/engine-rest/history/incident"
                + DrillRest.query(Map.of("processDefinitionKey", PROCESS))).size();
    }
}
