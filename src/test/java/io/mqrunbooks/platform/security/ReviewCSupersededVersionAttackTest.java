package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/** Review C: a superseded runbook version, refused at a top-level start, still runs when an admin's model calls it. */
class ReviewCSupersededVersionAttackTest extends RunbookLabTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void anAdministratorsModelRunsASupersededVersionThroughACallActivity() throws Exception {
        ProcessDefinition old = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("rdqmSwitchoverProcess").latestVersion().singleResult();
        String model;
        try (InputStream in = getClass().getResourceAsStream("/processes/rdqmSwitchoverProcess.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        deploy("rdqmSwitchoverProcess.bpmn", model.replace("name=\"RDQM DR planned switchover\"",
                "name=\"RDQM DR planned switchover (fixed)\""));
        String wrapper = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
                + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\" targetNamespace=\"rc\">"
                + "<bpmn:process id=\"reviewcWrapper\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                + "<bpmn:startEvent id=\"start\"/><bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"call\"/>"
                + "<bpmn:callActivity id=\"call\" calledElement=\"rdqmSwitchoverProcess\""
                + " camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"" + old.getVersion() + "\">"
                + "<bpmn:extensionElements><camunda:in sourceExpression=\"QMDR\" target=\"queueManager\"/>"
                + "<camunda:in sourceExpression=\"CHG-OLD\" target=\"reason\"/></bpmn:extensionElements>"
                + "</bpmn:callActivity><bpmn:sequenceFlow id=\"f2\" sourceRef=\"call\" targetRef=\"end\"/>"
                + "<bpmn:endEvent id=\"end\"/></bpmn:process></bpmn:definitions>";
        deploy("reviewcWrapper.bpmn", wrapper);

        ResponseEntity<String> started = call("operator", HttpMethod.POST,
                "/engine-rest/process-definition/key/reviewcWrapper/start", "{\"businessKey\":\"CHG-OLD\"}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        ProcessInstance child = runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId())
                .singleResult();
        assertThat(child).as("a run of superseded version %d", old.getVersion()).isNotNull();
        awaitTask(child.getId(), "userTask_approveSwitchover");
    }

    private void deploy(String name, String text) throws Exception {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "reviewc");
        parts.add(name, new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.withBasicAuth("admin", "admin").exchange("/engine-rest/deployment/create",
                HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        deployments.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).get("id").asText());
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
