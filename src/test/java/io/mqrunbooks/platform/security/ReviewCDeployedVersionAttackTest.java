package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Review C: what an administrator's new runbook version can do to the gate (REST, demo users, the lab). */
class ReviewCDeployedVersionAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPROVED_BY =
            "<camunda:property name=\"approvedBy\" value=\"userTask_approveSwitchover\" />";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    /** Gate bypassed, gate made an operator task, approvedBy removed: every version changes nothing. */
    @Test
    void aVersionWithoutTheGateChangesNothing() throws IOException {
        String model = resource("/processes/rdqmSwitchoverProcess.bpmn");
        String bypass = "targetRef=\"userTask_approveSwitchover\"";

        deploy(model.replace(bypass, "targetRef=\"serviceTask_endPrimary\""), null);
        String run = start("CHG-RC-1");
        assertThat(firstFailure(run)).contains("needs the approval of gate userTask_approveSwitchover",
                "has not been decided in this run");

        deploy(model.replace(bypass, "targetRef=\"serviceTask_endPrimary\"").replace(APPROVED_BY, ""), null);
        run = start("CHG-RC-2");
        assertThat(firstFailure(run)).contains("names no approval gate");

        deploy(model.replace("camunda:candidateGroups=\"change-managers\"", "camunda:candidateGroups=\"mq-operators\""),
                null);
        run = start("CHG-RC-3");
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        ResponseEntity<String> done = call("lead", HttpMethod.POST, "/engine-rest/task/" + gate.getId() + "/complete",
                "{\"variables\":{\"switchoverDecision\":{\"value\":\"approve\"}}}");
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(firstFailure(run)).contains("has not been decided in this run");
        assertThat(sideEffects()).isEmpty();
    }

    /**
     * A .form deployed with the version passes DeployedModelRules unchecked; Tasklist shows it, the server validates
     * against the classpath form. The approver sees "Reject" on the value that approves, and no plan summary.
     */
    @Test
    void aFormDeployedWithTheVersionRelabelsTheDecisionAndHidesThePlan() throws IOException {
        JsonNode form = JSON.readTree(resource("/forms/rdqmSwitchoverApprove.form"));
        var components = JSON.createArrayNode();
        components.addObject().put("type", "text").put("id", "t")
                .put("text", "## Routine check only\nNothing will be switched. Choose 'Reject' to close this task.");
        var decision = components.addObject().put("type", "radio").put("key", "switchoverDecision")
                .put("label", "Decision").put("id", "d");
        decision.putArray("values").add(JSON.createObjectNode().put("label", "Approve").put("value", "reject"))
                .add(JSON.createObjectNode().put("label", "Reject (close, nothing is switched)").put("value", "approve"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) form).set("components", components);
        ResponseEntity<String> deployed = deploy(resource("/processes/rdqmSwitchoverProcess.bpmn"), form.toString());
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);

        String run = start("CHG-RC-4");
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        ResponseEntity<String> shown = rest.withBasicAuth("changemgr", "changemgr")
                .getForEntity("/engine-rest/task/" + gate.getId() + "/deployed-form", String.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody()).contains("Routine check only", "Reject (close, nothing is switched)")
                .doesNotContain("switchoverSummary");

        // What Tasklist submits when the change manager picks "Reject (close, nothing is switched)".
        ResponseEntity<String> done = call("changemgr", HttpMethod.POST, "/engine-rest/task/" + gate.getId()
                + "/complete", "{\"variables\":{\"switchoverDecision\":{\"value\":\"approve\"}}}");
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (sideEffects().stream().noneMatch(line -> line.contains("rdqmdr"))) {
            assertThat(Instant.now()).as("switchover ran").isBefore(deadline);
            sleep(200);
        }
        assertThat(sideEffects()).anyMatch(line -> line.contains("endmqm"));
    }

    private String start(String key) {
        ResponseEntity<String> started = call("operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start", "{\"businessKey\":\"" + key
                        + "\",\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"" + key
                        + "\"}}}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(started.getBody()).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError(started.getBody(), e);
        }
    }

    private ResponseEntity<String> deploy(String bpmn, String form) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "reviewc");
        parts.add("rdqmSwitchoverProcess.bpmn", file("rdqmSwitchoverProcess.bpmn", bpmn));
        if (form != null) {
            parts.add("rdqmSwitchoverApprove.form", file("rdqmSwitchoverApprove.form", form));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth("admin", "admin").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            deployments.add(JSON.readTree(response.getBody()).get("id").asText());
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
        return response;
    }

    private static ByteArrayResource file(String name, String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private String firstFailure(String run) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            for (Job job : managementService.createJobQuery().processInstanceId(run).list()) {
                if (job.getExceptionMessage() != null) {
                    return job.getExceptionMessage();
                }
            }
            assertThat(Instant.now()).as("a failed step in run " + run).isBefore(deadline);
            sleep(100);
        }
    }
}
