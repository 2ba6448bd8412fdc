package io.mqrunbooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqrunbooks.adapter.out.mq.control.SshMqControl;
import io.mqrunbooks.adapter.out.mq.mqsc.MqscOverSshAdmin;
import io.mqrunbooks.adapter.out.mq.mqsc.QueueManagerLocator;
import io.mqrunbooks.adapter.out.ssh.JschSshAdapter;
import io.mqrunbooks.adapter.out.ssh.SshProperties;
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

    public RecoveryBench(List<Runbook> runbooks, Duration limit) {
        this.runbooks = runbooks;
        this.limit = limit;
    }

    public static RecoveryBench standard(Path resources) {
        return new RecoveryBench(List.of(
                new Runbook("drActivationProcess", "DR activation, primary lost", resources.resolve("drActivationProcess-primaryLost.json")),
                new Runbook("drActivationProcess", "DR activation, primary still running", resources.resolve("drActivationProcess.json")),
                new Runbook("rdqmFailoverProcess", "RDQM failover", resources.resolve("rdqmFailoverProcess.json"))),
                Duration.ofMinutes(4));
    }

    /**
     * @param base   the engine REST API
     * @param labDir the app's lab folder ({@code <data-dir>/lab}): its control endpoint, key, known_hosts and
     *               effective inventory
     */
    public List<BenchTable> measure(String base, Path labDir) {
        BenchTable summary = new BenchTable("Recovery time on the lab (gates completed by the API at once)",
                "Runbook", "Machine time, declaration to first successful test message", "Phases (engine steps, ms)");
        List<BenchTable> tables = new ArrayList<>();
        tables.add(summary);
        for (Runbook runbook : runbooks) {
            try {
                Measured measured = drive(base, labDir, runbook);
                summary.row(runbook.label() + " (`" + runbook.processKey() + "`)", Stats.millis(measured.machineMillis),
                        String.join("; ", measured.phases));
            } catch (NotMeasured e) {
                summary.row(runbook.label() + " (`" + runbook.processKey() + "`)", "not measured: " + e.getMessage(), "-");
            } catch (IOException | RuntimeException e) {
                summary.row(runbook.label() + " (`" + runbook.processKey() + "`)",
                        "not measured: the REST API failed: " + e.getMessage(), "-");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                summary.row(runbook.label(), "not measured: interrupted", "-");
            }
        }
        return tables;
    }

    private record Measured(double machineMillis, List<String> phases) {
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
        if (Files.exists(labDir.resolve("control-url")) || !disaster.isEmpty()) {
            LabControlClient control = labControl(labDir);
            control.reset();
            disaster.forEach(control::failHost);
        }
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

    private static LabControlClient labControl(Path labDir) throws NotMeasured {
        try {
            return LabControlClient.of(labDir);
        } catch (RuntimeException e) {
            throw new NotMeasured("the lab has no control endpoint to fail hosts with (" + e.getMessage()
                    + "); start the app with --mqrunbooks.lab.control-port=0");
        }
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
            List<String> phases = new ArrayList<>(run.phases());
            phases.add("Test message by the bench on " + queueManager + " (" + host + "), put and got back " + millis);
            return new Measured(run.machineMillis() + millis, phases);
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
        long humanMillis = 0;
        List<String> phases = new ArrayList<>();
        for (JsonNode activity : activities) {
            String name = activity.path("activityName").asText(activity.path("activityId").asText());
            long millis = activity.path("durationInMillis").asLong();
            if (activity.path("activityType").asText().equals("userTask")) {
                humanMillis += millis;
                phases.add(name + " (gate) " + millis);
            } else if (millis > 0) {
                phases.add(name + " " + millis);
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
        double total = Duration.between(declared, testMessage).toMillis() - humanMillis;
        return new Measured(total, phases);
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
