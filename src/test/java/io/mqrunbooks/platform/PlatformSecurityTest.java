package io.mqrunbooks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.platform.security.Groups;
import io.mqrunbooks.testsupport.LabAppTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Roles, REST authentication and the four-eyes rule, through the REST API as a user would call it and
 * through the Java API. Demo users of the lab profile: operator, changemgr, auditor, lead (both roles). The
 * whole app as the end-to-end tests run it, in their Spring context.
 */
class PlatformSecurityTest extends LabAppTest {

    private static final String PROCESS = "platformTestProcess";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    @Test
    void engineRestRefusesAnonymousRequests() {
        ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestRefusesWrongPassword() {
        ResponseEntity<String> response = rest.withBasicAuth("nobody", "wrong")
                .getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void authenticatedOperatorSeesDeployedDefinitions() {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth("operator", "operator")
                .exchange("/engine-rest/process-definition", HttpMethod.GET, null,
                        new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting(d -> d.get("key")).contains(PROCESS);
    }

    @Test
    void everyRoleSeesTheSelfRefreshingAllTasksFilter() {
        for (String user : List.of("operator", "changemgr", "auditor")) {
            ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, user)
                    .exchange("/engine-rest/filter?resourceType=Task", HttpMethod.GET, null,
                            new ParameterizedTypeReference<>() { });
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(user).singleElement().satisfies(filter -> {
                assertThat(filter.get("name")).isEqualTo("All tasks");
                assertThat(((Map<?, ?>) filter.get("properties")).get("refresh")).isEqualTo(true);
            });
        }
    }

    @Test
    void productApiRefusesAnonymousRequests() {
        ResponseEntity<String> response = rest.getForEntity("/api/runs", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(response.getBody()).contains("Authentication required");
    }

    @Test
    void auditorCannotStartARunbook() {
        ResponseEntity<String> response = start("auditor", "AUDIT-TRY");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("auditor may not call POST /engine-rest/process-definition/key/"
                + PROCESS + "/start");
    }

    @Test
    void initiatorCannotApproveOwnRunThroughRestButAnotherChangeManagerCan() {
        String processInstanceId = startedId(start("lead", "CHG-REST-1"));
        String gate = taskId(processInstanceId);

        ResponseEntity<String> ownApproval = complete("lead", gate);
        assertThat(ownApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownApproval.getBody()).contains(
                "Four-eyes rule: lead started run CHG-REST-1 and cannot approve its gate 'Approve the change'."
                        + " Another change manager must complete it.");

        ResponseEntity<String> ownClaim = post("lead", "/engine-rest/task/" + gate + "/claim", "{\"userId\":\"lead\"}");
        assertThat(ownClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownClaim.getBody()).contains("Four-eyes rule");

        assertThat(complete("changemgr", gate).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey())
                .isEqualTo("userTask_confirmWork");
    }

    @Test
    void operatorCannotCompleteAGateAndAuditorCannotCompleteAnyTask() {
        String processInstanceId = startedId(start("operator", "CHG-REST-2"));
        String gate = taskId(processInstanceId);

        ResponseEntity<String> operatorApproval = complete("operator", gate);
        assertThat(operatorApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operatorApproval.getBody()).contains("operator");
        assertThat(complete("auditor", gate).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(complete("changemgr", gate).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String operatorTask = taskId(processInstanceId);
        assertThat(complete("auditor", operatorTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete("changemgr", operatorTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete("operator", operatorTask).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    }

    @Test
    void initiatorCannotApproveOwnRunThroughJavaApi() {
        identityService.setAuthentication("lead", List.of(Groups.OPERATORS, Groups.CHANGE_MANAGERS));
        ProcessInstance run = runtimeService.startProcessInstanceByKey(PROCESS, "CHG-JAVA-1");
        Task gate = taskService.createTaskQuery().processInstanceId(run.getId()).singleResult();

        assertThatThrownBy(() -> taskService.complete(gate.getId()))
                .isInstanceOf(AuthorizationException.class)
                .hasMessage("Four-eyes rule: lead started run CHG-JAVA-1 and cannot approve its gate"
                        + " 'Approve the change'. Another change manager must complete it.");
        assertThat(runtimeService.getVariable(run.getId(), RunVariables.INITIATOR)).isEqualTo("lead");

        identityService.setAuthentication("changemgr", List.of(Groups.CHANGE_MANAGERS));
        taskService.complete(gate.getId());
        // the operator's task that follows is not the change manager's to read
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().processInstanceId(run.getId()).singleResult().getName())
                .isEqualTo("Confirm the work is done");
    }

    private ResponseEntity<String> start(String user, String businessKey) {
        return post(user, "/engine-rest/process-definition/key/" + PROCESS + "/start",
                "{\"businessKey\":\"" + businessKey + "\"}");
    }

    private ResponseEntity<String> complete(String user, String taskId) {
        return post(user, "/engine-rest/task/" + taskId + "/complete", "{}");
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private static String startedId(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        String body = response.getBody();
        int at = body.indexOf("\"id\"");
        int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
        return body.substring(start, body.indexOf('"', start));
    }

    private String taskId(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }
}
