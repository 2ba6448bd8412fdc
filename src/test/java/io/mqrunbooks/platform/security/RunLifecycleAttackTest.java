package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Security review (secreview): a run's lifecycle through the engine's REST API, as the demo users. Each test
 * states what the product's rules require and fails while the hole is open.
 */
class RunLifecycleAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;

    /**
     * A runbook's model is replaced by a new version when it is fixed (a gate added, a plan variable approved, a
     * pre-flight check). The superseded version must not be startable any more: Tasklist offers only the latest,
     * but {@code process-definition/{id}/start} names any version, and the guard checks only the old version's
     * own form.
     */
    @Test
    void aSupersededVersionOfARunbookCannotBeStartedByItsId() throws IOException {
        ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("rdqmSwitchoverProcess").latestVersion().singleResult();
        String fixed;
        try (InputStream in = getClass().getResourceAsStream("/processes/rdqmSwitchoverProcess.bpmn")) {
            fixed = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("name=\"RDQM DR planned switchover\"", "name=\"RDQM DR planned switchover (fixed)\"");
        }
        String deployment = repositoryService.createDeployment().name("rdqmSwitchover fix")
                .addString("rdqmSwitchoverProcess.bpmn", fixed).deploy().getId();
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("rdqmSwitchoverProcess")
                    .latestVersion().singleResult().getVersion()).isEqualTo(current.getVersion() + 1);

            ResponseEntity<String> stale = call("operator", HttpMethod.POST, "/engine-rest/process-definition/"
                    + current.getId() + "/start", "{\"businessKey\":\"CHG-STALE\",\"variables\":{"
                    + "\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"CHG-STALE\"}}}");

            assertThat(stale.getStatusCode().is4xxClientError())
                    .as("starting superseded version %d of rdqmSwitchoverProcess answered %s %s", current.getVersion(),
                            stale.getStatusCode(), stale.getBody()).isTrue();
            assertThat(JSON.readTree(stale.getBody()).path("message").asText()).contains("rdqmSwitchoverProcess")
                    .contains("version");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(current.getId()).count())
                    .as("runs of the superseded version").isZero();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
