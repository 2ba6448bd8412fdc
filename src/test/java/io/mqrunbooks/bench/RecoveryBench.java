package io.mqrunbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.adapter.outbound.mq.control.SshMqControl;
import io.mqrunbooks.adapter.outbound.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.outbound.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.outbound.ssh.JschSshAdapter;
import io.mqrunbooks.adapter.outbound.ssh.SshProperties;
import io.mqrunbooks.application.dractivation.ActivationTarget;
import io.mqrunbooks.application.dractivation.MessageFlowProof;
import io.mqrunbooks.application.port.out.CommandEvidenceSink;
import io.mqrunbooks.estate.Estate;
import io.mqrunbooks.lab.LabWiring;
import io.mqrunbooks.testsupport.LabControlClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recovery time: a recovery runbook driven through the engine REST API as the demo users would, every user
 * task completed the moment it appears with the answers of {@code bench/resources/<processKey>.json}, and the
 * machine time from the declaration (the run's start) to the end of the first successful test message, split
 * by the steps the engine recorded. The answers file may name lab hosts to fail first (through the lab's
 * control endpoint: the disaster), and, for a runbook without a test message step of its own, the queue
 * manager the bench proves message flow on once the run has ended, as DR activation's step does. A runbook
 * that is not deployed, or that stops on an incident, gives "not measured: reason" instead of a figure.
 */
public final class RecoveryBench {

    /**
     * A runbook to drive: its process key and a JSON file with the start form's values and, per user task
     * definition key, the demo user who completes it and the form's values:
     * {@code {"start": {...}, "tasks": {"userTask_x": {"user": "changemgr", "variables": {...}}}}}.
     */
    public record Runbook(String processKey, String label, Path answers) {
    }

    private static final Pattern TEST_MESSAGE = Pattern.compile("(?i)test.?message");
    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Runbook> runbooks;
    private final Duration limit;
    private final int runs;

    /** Each runbook {@code runs} times, each run from a reset lab; the run of median machine time is shown. */
    public RecoveryBench(List<Runbook> runbooks, Duration limit, int runs) {
        this.runbooks = runbooks;
        this.limit = limit;
        this.runs = runs;
    }

    public static RecoveryBench none() {
        return new RecoveryBench(List.of(), Duration.ZERO, 1);
    }

    public static RecoveryBench standard(Path resources, int runs) {
        return new RecoveryBench(List.of(
                new Runbook("drActivationProcess", "DR activation, primary lost", resources.resolve("drActivationProcess-primaryLost.json")),
                new Runbook("drActivationProcess", "DR activation, primary still running", resources.resolve("drActivationProcess.json")),
                new Runbook("rdqmFailoverProcess", "RDQM failover", resources.resolve("rdqmFailoverProcess.json"))),
                Duration.ofMinutes(4), runs);
    }

    /**
     * @param base   the engine REST API
     * @param labDir the app's lab folder ({@code <data-dir>/lab}): its control endpoint, key, known_hosts and
     *               effective inventory
     */
    public List<BenchTable> measure(String base, Path labDir) {
        BenchTable summary = new BenchTable("Recovery time on the lab (gates completed by the API at once, median of "
                + runs + " runs)", "Runbook", "Machine time, declaration to first successful test message (range)",
                "Gates (taken out)", "Longest steps");
        List<BenchTable> tables = new ArrayList<>();
        tables.add(summary);
        for (Runbook runbook : runbooks) {
            String label = runbook.label() + " (`" + runbook.processKey() + "`)";
            try {
                List<Measured> all = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    all.add(drive(base, labDir, runbook));
                }
                all.sort(java.util.Comparator.comparingDouble(Measured::machineMillis));
                Measured measured = all.get(all.size() / 2);
                List<Phase> gates = measured.phases().stream().filter(Phase::gate).toList();
                summary.row(label, Stats.millis(measured.machineMillis()) + " (" + Stats.millis(all.get(0).machineMillis())
                                + "-" + Stats.millis(all.get(all.size() - 1).machineMillis()) + ")",
                        gates.size() + ", " + measured.gateMillis() + " ms",
                        measured.phases().stream().filter(phase -> !phase.gate())
                                .sorted(java.util.Comparator.comparingLong(Phase::millis).reversed()).limit(3)
                                .map(phase -> phase.name() + " " + phase.millis() + " ms")
                                .collect(java.util.stream.Collectors.joining("; ")));
                BenchTable steps = new BenchTable("Recovery phases: " + runbook.label() + " (the median run)",
                        "Step (in order)", "ms");
                measured.phases().forEach(phase -> steps.row(phase.name() + (phase.gate() ? " (gate, taken out)" : ""),
                        phase.millis()));
                tables.add(steps);
            } catch (NotMeasured e) {
                summary.row(label, "not measured: " + e.getMessage(), "-", "-");
            } catch (IOException | RuntimeException e) {
                summary.row(label, "not measured: the REST API failed: " + e.getMessage(), "-", "-");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                summary.row(label, "not measured: interrupted", "-", "-");
            }
        }
        summary.note("Machine time: from the run's start (the declaration) to the end of its first test message step"
                + " (or, for a runbook without one, to the end of the test message the bench sends once the run has"
                + " ended), minus the time the run waited in its gates (user tasks, overlapping ones counted once).");
        return tables;
    }

    /** A step of the run, or a gate (a user task) whose time is taken out. */
    record Phase(String name, long millis, boolean gate) {
    }

    private record Measured(double machineMillis, long gateMillis, List<Phase> phases) {
    }

    /** Why a runbook has no figure; the message is the reason printed in the table. */
    static final class NotMeasured extends Exception {
        NotMeasured(String reason) {
            super(reason);
        }
    }

    private Measured drive(String base, Path labDir, Runbook runbook) throws IOException, InterruptedException, NotMeasured {
        HttpResponse<String> definition = get(base + "/process-definition/key/" + runbook.processKey(), "admin");
        if (definition.statusCode() == 404) {
            throw new NotMeasured("process '" + runbook.processKey() + "' is not deployed (its runbook is not on main)");
        }
        expect(definition, "reading the process definition");
        if (!Files.isRegularFile(runbook.answers())) {
            throw new NotMeasured("no answers for its forms: " + runbook.answers() + " is missing");
        }
        JsonNode answers = json.readTree(Files.readString(runbook.answers()));
        List<String> disaster = new ArrayList<>();
        answers.path("failHosts").forEach(host -> disaster.add(host.asText()));
        // Each runbook starts from the lab's first state, whatever the one before it did.
        LabControlClient control = labControl(base);
        control.reset();
        disaster.forEach(control::failHost);
        ObjectNode start = json.createObjectNode();
        start.set("variables", restVariables(answers.path("start")));
        start.put("businessKey", "BENCH-" + System.currentTimeMillis());
        HttpResponse<String> started = post(base + "/process-definition/key/" + runbook.processKey() + "/start",
                start.toString(), "operator");
        expect(started, "starting the run as operator");
        String id = json.readTree(started.body()).path("id").asText();
        long deadline = System.nanoTime() + limit.toNanos();
        while (get(base + "/process-instance/" + id, "admin").statusCode() != 404) {
            JsonNode incidents = json.readTree(expect(get(base + "/incident?processInstanceId=" + id, "admin"), "reading incidents").body());
            if (incidents.size() > 0) {
                throw new NotMeasured("the run stopped on an incident at " + incidents.get(0).path("activityId").asText()
                        + ": " + incidents.get(0).path("incidentMessage").asText());
            }
            for (JsonNode task : json.readTree(expect(get(base + "/task?processInstanceId=" + id, "admin"), "reading tasks").body())) {
                completeAtOnce(base, task, answers.path("tasks"), runbook.answers());
            }
            if (System.nanoTime() > deadline) {
                throw new NotMeasured("the run had not ended after " + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        Measured run = phases(base, id, answers.has("testMessage"));
        if (!answers.has("testMessage")) {
            return run;
        }
        return withTestMessage(run, labDir, answers.path("testMessage"), answers.path("start").path("reason").asText());
    }

    /** The app's own lab controls ({@code /lab/control}, lab profile), as the lab's demo administrator. */
    private static LabControlClient labControl(String engineRest) throws NotMeasured {
        if (!engineRest.endsWith("/engine-rest")) {
            throw new NotMeasured("cannot find the app's lab controls beside " + engineRest);
        }
        return LabControlClient.ofApp(engineRest.substring(0, engineRest.length() - "/engine-rest".length()),
                "admin", "admin");
    }

    /**
     * The run has ended; the first successful test message follows it, proved as DR activation's step proves it
     * ({@code MessageFlowProof}: put, then got back by correlation id) through the app's own MQ admin adapters,
     * here in the bench's JVM against the app's lab. The time the bench took to see the run end is left out.
     */
    private Measured withTestMessage(Measured run, Path labDir, JsonNode testMessage, String incident) throws NotMeasured {
        String queueManager = testMessage.path("queueManager").asText();
        String queue = testMessage.path("queue").asText("MQRUNBOOKS.TEST");
        Estate estate = LabWiring.loadInventory(labDir.resolve("inventory.yaml"));
        JschSshAdapter ssh = new JschSshAdapter(new SshProperties(labDir.resolve("client_ed25519"), null,
                labDir.resolve("known_hosts"), Duration.ofSeconds(10), 262144, Duration.ofSeconds(60), Duration.ofSeconds(5)),
                CommandEvidenceSink.NONE);
        try {
            SshMqControl control = new SshMqControl(estate, ssh);
            MqscOverSshAdmin admin = new MqscOverSshAdmin(estate, ssh, new QueueManagerLocator(estate, control));
            String host = new QueueManagerLocator(estate, control).currentHost(queueManager);
            long started = System.nanoTime();
            MessageFlowProof.Proof proof = new MessageFlowProof(admin, java.time.Clock.systemUTC()).prove(
                    new ActivationTarget(queueManager, null, null, queueManager, host, null, null, null, 0), queue,
                    Duration.ofSeconds(30), incident);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            List<Phase> phases = new ArrayList<>(run.phases());
            phases.add(new Phase("Test message by the bench on " + queueManager + " (" + host + "), put and got back",
                    millis, false));
            return new Measured(run.machineMillis() + millis, run.gateMillis(), phases);
        } catch (RuntimeException e) {
            throw new NotMeasured("the run ended, but the test message on " + queueManager + " failed: " + e.getMessage());
        } finally {
            ssh.stop();
        }
    }

    /** Completes a task at once as the demo user and with the form values the answers file gives for it. */
    private void completeAtOnce(String base, JsonNode task, JsonNode answers, Path answersFile)
            throws IOException, InterruptedException, NotMeasured {
        String key = task.path("taskDefinitionKey").asText();
        JsonNode answer = answers.path(key);
        if (answer.isMissingNode()) {
            throw new NotMeasured("the run waits in task '" + key + "' (" + task.path("name").asText()
                    + "), for which " + answersFile.getFileName() + " has no answer");
        }
        ObjectNode body = json.createObjectNode();
        body.set("variables", restVariables(answer.path("variables")));
        String user = answer.path("user").asText();
        HttpResponse<String> done = post(base + "/task/" + task.path("id").asText() + "/complete", body.toString(), user);
        if (done.statusCode() / 100 != 2) {
            throw new NotMeasured(user + " could not complete task '" + key + "': HTTP " + done.statusCode() + " " + done.body());
        }
    }

    /** Plain JSON values as the REST API's typed variables. */
    private ObjectNode restVariables(JsonNode plain) {
        ObjectNode variables = json.createObjectNode();
        plain.properties().forEach(field -> {
            ObjectNode variable = variables.putObject(field.getKey());
            JsonNode value = field.getValue();
            variable.set("value", value);
            variable.put("type", value.isBoolean() ? "Boolean" : value.isIntegralNumber() ? "Long" : "String");
        });
        return variables;
    }

    /** The run's steps; up to its test message step, or its end when the bench sends the test message after it. */
    private Measured phases(String base, String id, boolean toTheEnd) throws IOException, InterruptedException, NotMeasured {
        JsonNode run = json.readTree(expect(get(base + "/history/process-instance/" + id, "admin"), "reading the run").body());
        OffsetDateTime declared = OffsetDateTime.parse(run.path("startTime").asText(), REST_DATE);
        JsonNode activities = json.readTree(expect(get(base + "/history/activity-instance?processInstanceId=" + id
                + "&sortBy=startTime&sortOrder=asc", "admin"), "reading the run's steps").body());
        OffsetDateTime testMessage = toTheEnd ? OffsetDateTime.parse(run.path("endTime").asText(), REST_DATE) : null;
        List<OffsetDateTime[]> gateIntervals = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        for (JsonNode activity : activities) {
            String name = activity.path("activityName").asText(activity.path("activityId").asText());
            long millis = activity.path("durationInMillis").asLong();
            String type = activity.path("activityType").asText();
            if (type.equals("userTask")) {
                phases.add(new Phase(name, millis, true));
                gateIntervals.add(new OffsetDateTime[] {OffsetDateTime.parse(activity.path("startTime").asText(), REST_DATE),
                        OffsetDateTime.parse(activity.path("endTime").asText(), REST_DATE)});
            } else if (millis > 0 && !type.equals("multiInstanceBody")) {
                // A multi-instance body spans its instances (here: gates), so it is no step of its own.
                phases.add(new Phase(name, millis, false));
            }
            if (!toTheEnd && TEST_MESSAGE.matcher(activity.path("activityId").asText() + " " + name).find()
                    && !activity.path("endTime").isNull() && !activity.path("endTime").isMissingNode()) {
                testMessage = OffsetDateTime.parse(activity.path("endTime").asText(), REST_DATE);
                break;
            }
        }
        if (testMessage == null) {
            JsonNode outcome = json.readTree(expect(get(base + "/history/variable-instance?processInstanceId=" + id
                    + "&variableName=outcome", "admin"), "reading the outcome").body());
            throw new NotMeasured("the run ended (outcome '" + (outcome.size() > 0 ? outcome.get(0).path("value").asText() : "none")
                    + "') without a step whose id or name says 'test message'");
        }
        long gateMillis = unionMillis(gateIntervals);
        return new Measured(Duration.between(declared, testMessage).toMillis() - gateMillis, gateMillis, phases);
    }

    /** How long at least one of the intervals was open: parallel gates count once. */
    static long unionMillis(List<OffsetDateTime[]> intervals) {
        List<OffsetDateTime[]> sorted = new ArrayList<>(intervals);
        sorted.sort(java.util.Comparator.comparing(interval -> interval[0]));
        long millis = 0;
        OffsetDateTime start = null;
        OffsetDateTime end = null;
        for (OffsetDateTime[] interval : sorted) {
            if (end == null || interval[0].isAfter(end)) {
                if (end != null) {
                    millis += Duration.between(start, end).toMillis();
                }
                start = interval[0];
                end = interval[1];
            } else if (interval[1].isAfter(end)) {
                end = interval[1];
            }
        }
        return end == null ? millis : millis + Duration.between(start, end).toMillis();
    }

    private HttpResponse<String> get(String uri, String user) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(uri)).GET(), user));
    }

    private HttpResponse<String> post(String uri, String body, String user) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), user));
    }

    /** One retry: the JDK client may reuse a kept-alive connection Tomcat has just closed ("received no bytes"). */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedUnderUs) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The demo users' password is their id (lab profile only). */
    private static HttpRequest authorized(HttpRequest.Builder request, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) throws NotMeasured {
        if (response.statusCode() / 100 != 2) {
            throw new NotMeasured(what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
