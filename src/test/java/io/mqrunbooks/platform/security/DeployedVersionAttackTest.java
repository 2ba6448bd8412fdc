package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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

/**
 * Review C: an administrator's new runbook version cannot bypass the gate nor change its form, and a superseded
 * version does not run through a call activity (REST, demo users, the lab).
 */
class DeployedVersionAttackTest extends RunbookLabTest {

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
        // Each version's run is cancelled before the next starts: one run at a time on QMDR.
        runtimeService.deleteProcessInstance(run, "the test deploys its next version");

        deploy(model.replace(bypass, "targetRef=\"serviceTask_endPrimary\"").replace(APPROVED_BY, ""), null);
        run = start("CHG-RC-2");
        assertThat(firstFailure(run)).contains("names no approval gate");
        runtimeService.deleteProcessInstance(run, "the test deploys its next version");

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
     * A .form deployed with the version that relabels the decision and drops the plan summary is refused, naming
     * where it differs; Tasklist keeps showing the application's form, which the server validates against.
     */
    @Test
    void aFormDeployedWithTheVersionIsRefusedAndTheGateShowsTheApplicationsForm() throws IOException {
        JsonNode form = JSON.readTree(resource("/forms/rdqmSwitchoverApprove.form"));
        var components = JSON.createArrayNode();
        components.addObject().put("type", "text").put("id", "t")
                .put("text", "## Routine check only\nNothing will be switched. Choose 'Reject' to close this task.");
        var decision = components.addObject().put("type", "radio").put("key", "switchoverDecision")
                .put("label", "Decision").put("id", "d");
        decision.putArray("values").add(JSON.createObjectNode().put("label", "Approve").put("value", "reject"))
                .add(JSON.createObjectNode().put("label", "Reject (close, nothing is switched)").put("value", "approve"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) form).set("components", components);
        ResponseEntity<String> deployed = attemptDeploy(Map.of("rdqmSwitchoverProcess.bpmn",
                resource("/processes/rdqmSwitchoverProcess.bpmn"), "rdqmSwitchoverApprove.form", form.toString()));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(deployed.getBody()).path("message").asText()).contains("Deployment refused:"
                + " rdqmSwitchoverApprove.form: form 'rdqmSwitchoverApprove' differs from the application's"
                + " forms/rdqmSwitchoverApprove.form at components[0].id");

        String run = start("CHG-RC-4");
        Task gate = awaitTask(run, "userTask_approveSwitchover");
        ResponseEntity<String> shown = rest.withBasicAuth("changemgr", "changemgr")
                .getForEntity("/engine-rest/task/" + gate.getId() + "/deployed-form", String.class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(shown.getBody())).isEqualTo(JSON.readTree(resource("/forms/rdqmSwitchoverApprove.form")));
        assertThat(shown.getBody()).contains("switchoverSummary").doesNotContain("Routine check only");
        assertThat(sideEffects()).isEmpty();
    }

    /** A call activity pinning the superseded version by number is refused when the model is deployed. */
    @Test
    void aCallActivityPinningASupersededVersionIsRefusedAtDeployment() throws IOException {
        ProcessDefinition old = current();
        deploy(Map.of("rdqmSwitchoverProcess.bpmn", fixedModel()));
        ResponseEntity<String> refused = attemptDeploy(Map.of("reviewcWrapper.bpmn", wrapper(
                " camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"" + old.getVersion() + "\"")));
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(refused.getBody()).path("message").asText()).isEqualTo("Deployment refused:"
                + " reviewcWrapper.bpmn, callActivity 'call': calledElementBinding=\"version\": it pins an older"
                + " version; bind to the latest (or for a form, the deployment)");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count()).isZero();
    }

    /**
     * A call activity bound to its own deployment, which a later deployment supersedes, reaches the old version:
     * the called run is refused as it starts, and nothing of the superseded version runs.
     */
    @Test
    void aCalledRunOfASupersededVersionIsRefusedAsItStarts() throws IOException {
        String oldDeployment = deploy(Map.of("rdqmSwitchoverProcess.bpmn", resource("/processes/rdqmSwitchoverProcess.bpmn"),
                "reviewcWrapper.bpmn", wrapper(" camunda:calledElementBinding=\"deployment\"")));
        ProcessDefinition old = current();
        assertThat(old.getDeploymentId()).isEqualTo(oldDeployment);
        deploy(Map.of("rdqmSwitchoverProcess.bpmn", fixedModel()));

        ResponseEntity<String> started = call("operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/reviewcWrapper/start", "{\"businessKey\":\"CHG-OLD\"}");
        assertThat(started.getStatusCode().is4xxClientError()).as(started.getBody()).isTrue();
        assertThat(JSON.readTree(started.getBody()).path("message").asText()).contains("Runbook rdqmSwitchoverProcess"
                + " version " + old.getVersion() + " is superseded by version " + (old.getVersion() + 1)
                + ": the calling model must call the current version");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).count())
                .as("runs of superseded version %d", old.getVersion()).isZero();
    }

    private ProcessDefinition current() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("rdqmSwitchoverProcess")
                .latestVersion().singleResult();
    }

    private String fixedModel() throws IOException {
        return resource("/processes/rdqmSwitchoverProcess.bpmn").replace("name=\"RDQM DR planned switchover\"", "name=\"RDQM DR planned switchover (fixed)\"");
    }

    private static String wrapper(String binding) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
                + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"rc\">"
                + "<bpmn:process id=\"reviewcWrapper\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<bpmn:startEvent id=\"start\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"call\"/>"
                + "<bpmn:callActivity id=\"call\" calledElement=\"rdqmSwitchoverProcess\"" + binding + ">"
                + "<bpmn:extensionElements><camunda:in sourceExpression=\"QMDR\" target=\"queueManager\"/>"
                + "<camunda:in sourceExpression=\"CHG-OLD\" target=\"reason\"/></bpmn:extensionElements>"
                + "</bpmn:callActivity><bpmn:sequenceFlow id=\"f2\" sourceRef=\"call\" targetRef=\"end\"/>"
                + "<bpmn:endEvent id=\"end\"/></bpmn:process></bpmn:definitions>";
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

    /**
     * Camunda reads activiti:formRef as it reads camunda:formRef, but the deployment checks read camunda:, so the
     * switchover's gate could show the outage acknowledgement form and an acknowledgement approve the switchover
     * (Review D: endmqm and rdqmdr ran). Anything in the Activiti namespace is refused at deployment.
     */
    @Test
    void aGateFormNamedInTheActivitiNamespaceIsRefusedAtDeployment() throws IOException {
        String model = resource("/processes/rdqmSwitchoverProcess.bpmn")
                .replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
                        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\"")
                .replace("camunda:formRef=\"rdqmSwitchoverApprove\"", "activiti:formRef=\"clusterMigrationAcknowledgeOutage\"")
                .replace("${switchoverDecision == 'approve'}", "${outageDecision == 'acknowledge'}");
        ResponseEntity<String> deployed = attemptDeploy(Map.of("rdqmSwitchoverProcess.bpmn", model));
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(deployed.getBody()).path("message").asText()).contains("Deployment refused:"
                + " rdqmSwitchoverProcess.bpmn, userTask 'userTask_approveSwitchover': formRef: the Activiti namespace");
    }

    private String deploy(String bpmn, String form) {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("rdqmSwitchoverProcess.bpmn", bpmn);
        if (form != null) {
            resources.put("rdqmSwitchoverApprove.form", form);
        }
        return deploy(resources);
    }

    private String deploy(Map<String, String> resources) {
        ResponseEntity<String> response = attemptDeploy(resources);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            String id = JSON.readTree(response.getBody()).get("id").asText();
            deployments.add(id);
            return id;
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private ResponseEntity<String> attemptDeploy(Map<String, String> resources) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "reviewc");
        resources.forEach((name, text) -> parts.add(name, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", "admin").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
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
}
