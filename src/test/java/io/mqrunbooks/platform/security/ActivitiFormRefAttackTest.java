package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
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
 * Review D: the approvedBy check (b2bb3fc) reads the gate's formRef in the camunda: namespace only; the engine, the
 * model API and SealedRunsParseListener also read it from activiti:. An administrator's version whose switchover gate
 * shows the outage acknowledgement form deploys, and "acknowledge" counts as the switchover's approval.
 */
class ActivitiFormRefAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aSwitchoverGateShowingTheAcknowledgementFormInTheActivitiNamespaceIsRefusedAtDeployment() throws IOException {
        ResponseEntity<String> deployed = deploy(acknowledgementGate());
        if (deployed.getStatusCode() == HttpStatus.OK) {
            deployments.add(JSON.readTree(deployed.getBody()).get("id").asText());
        }
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private String acknowledgementGate() throws IOException {
        String model;
        try (InputStream in = getClass().getResourceAsStream("/processes/rdqmSwitchoverProcess.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return model.replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
                        "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:activiti=\"http://activiti.org/bpmn\"")
                .replace("camunda:formRef=\"rdqmSwitchoverApprove\"",
                        "activiti:formRef=\"clusterMigrationAcknowledgeOutage\"")
                .replace("${switchoverDecision == 'approve'}", "${outageDecision == 'acknowledge'}");
    }

    private ResponseEntity<String> deploy(String bpmn) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "reviewd");
        parts.add("rdqmSwitchoverProcess.bpmn", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "rdqmSwitchoverProcess.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", "admin").exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
