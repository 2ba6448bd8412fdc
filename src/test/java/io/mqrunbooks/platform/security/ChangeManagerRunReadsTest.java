package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.testsupport.LabAppTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Need to know (docs/security.md "Groups"): a change manager reads, through the engine's REST API, Cockpit's and the
 * run page, only the runs that ask or asked for their approval; operators and auditors read every run. Each read is
 * made as a user would make it, before a run's gate opens (empty or 403) and after (the same reads answer).
 */
class ChangeManagerRunReadsTest extends LabAppTest {

    private static final String PROCESS = "changeManagerReadsTest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngine processEngine;

    @BeforeEach
    void deploy() {
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).name("Change manager reads").camundaHistoryTimeToLive(1)
                        .startEvent("startEvent_requested").name("Requested")
                        .userTask("userTask_prepare").name("Prepare the change").camundaCandidateGroups(Groups.OPERATORS)
                        .userTask("userTask_approve").name("Approve the change")
                        .camundaCandidateGroups(Groups.CHANGE_MANAGERS)
                        .userTask("userTask_confirm").name("Confirm the work").camundaCandidateGroups(Groups.OPERATORS)
                        .endEvent("endEvent_done").name("Done")
                        .done()).deploy();
    }

    @AfterEach
    void undeploy() {
        repositoryService.createDeploymentQuery().deploymentName(PROCESS).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void aChangeManagerReadsARunOnlyOnceItAsksForTheirApproval() throws Exception {
        String run = start("CHG-NTK-1");
        String other = start("CHG-NTK-2");
        String prepare = openTask(run);

        // Before its gate: the run is not a change manager's to read; operators and auditors read it.
        for (String path : listReads(run, prepare)) {
            assertThat(array("changemgr", path)).as("changemgr GET " + path).isEmpty();
            assertThat(array("auditor", path)).as("auditor GET " + path).isNotEmpty();
        }
        for (String path : List.of("process-instance/" + run + "/variables", "task/" + prepare + "/variables",
                "task/" + prepare + "/form-variables", "process-instance/" + run + "/activity-instances",
                "task/" + prepare)) {
            ResponseEntity<String> refused = get("changemgr", "/engine-rest/" + path);
            assertThat(refused.getStatusCode().value()).as("changemgr GET " + path + ": " + refused.getBody())
                    .isIn(403, 404);
            assertThat(get("operator", "/engine-rest/" + path).getStatusCode()).as("operator GET " + path)
                    .isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<String> page = get("changemgr", "/runs/" + run);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("No run with the id or business key '" + run + "' that changemgr may read:"
                + " a change manager reads the runs that ask or asked for their approval.");
        assertThat(get("changemgr", "/api/runs/CHG-NTK-1/progress").getBody()).contains("No run with the id or"
                + " business key 'CHG-NTK-1' that changemgr may read");
        assertThat(get("changemgr", "/api/runs/" + run + "/progress").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("auditor", "/api/runs/" + run + "/progress").getStatusCode()).isEqualTo(HttpStatus.OK);
        // Cockpit's own engine API, with a webapp session
        WebappSession cockpit = WebappSession.login(rest.getRootUri(), "changemgr");
        HttpResponse<String> viaCockpit = cockpit.get("/camunda/api/engine/engine/default/history/variable-instance"
                + "?processInstanceId=" + run);
        assertThat(viaCockpit.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(viaCockpit.body())).isEmpty();

        // Its gate opens: the change managers read the whole run, in the engine and on the run page.
        assertThat(complete("operator", prepare).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String gate = openTask(run);
        for (String path : listReads(run, gate)) {
            assertThat(array("changemgr", path)).as("changemgr GET " + path).isNotEmpty();
        }
        JsonNode variables = JSON.readTree(get("changemgr", "/engine-rest/process-instance/" + run + "/variables")
                .getBody());
        assertThat(variables.path("initiator").path("value").asText()).isEqualTo("operator");
        assertThat(JSON.readTree(get("changemgr", "/engine-rest/task/" + gate + "/form-variables").getBody())
                .has("initiator")).isTrue();
        assertThat(ids("changemgr", "task?processInstanceIdIn=" + run + "," + other)).containsExactly(gate);
        assertThat(get("changemgr", "/runs/" + run).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(get("changemgr", "/api/runs/" + run + "/progress").getBody()).path("runId").asText())
                .isEqualTo(run);
        viaCockpit = cockpit.get("/camunda/api/engine/engine/default/history/variable-instance?processInstanceId="
                + run);
        assertThat(JSON.readTree(viaCockpit.body())).isNotEmpty();

        // The other run still asks nothing of them: listing every run shows only the one with the gate.
        assertThat(ids("changemgr", "history/process-instance?processDefinitionKey=" + PROCESS))
                .containsExactly(run);
        assertThat(ids("operator", "history/process-instance?processDefinitionKey=" + PROCESS))
                .containsExactlyInAnyOrder(run, other);
        assertThat(array("changemgr", "history/variable-instance?processInstanceId=" + other)).isEmpty();

        // Decided and ended, the run stays readable in history.
        assertThat(complete("changemgr", gate).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complete("operator", openTask(run)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(ids("changemgr", "history/process-instance?processInstanceId=" + run)).containsExactly(run);
        assertThat(array("changemgr", "history/task?processInstanceId=" + run)).hasSize(3);
        assertThat(get("changemgr", "/runs/" + run).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void readsTheEngineDoesNotFilterRunByRunAreRefusedToChangeManagers() {
        String run = start("CHG-NTK-3");
        Map<String, String> refused = Map.of(
                "task/" + openTask(run) + "/comment/1", "without checking who may read the task's run",
                "history/job-log/1/stacktrace", "a failed step's stack trace",
                "history/external-task-log/1/error-details", "a failed step's stack trace",
                "history/process-instance/report?reportType=duration&periodUnit=month", "count every run of a runbook",
                "history/task/report?reportType=count&groupBy=processDefinition", "count every run of a runbook",
                "task/report/candidate-group-count", "count every run of a runbook",
                "process-definition/statistics", "count every run of a runbook");
        refused.forEach((path, why) -> {
            ResponseEntity<String> answer = get("changemgr", "/engine-rest/" + path);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody()).as(path).contains("changemgr may not call GET /engine-rest/" + path.split("\\?")[0]
                    + ": ").contains(why);
        });
        assertThat(get("auditor", "/engine-rest/process-definition/statistics").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get("lead", "/engine-rest/process-definition/statistics").getStatusCode())
                .as("lead is an operator too").isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUpgradedDatabaseLosesTheBroadGrantsAndKeepsTheRunsWithGates() {
        String run = start("CHG-NTK-4");
        assertThat(complete("operator", openTask(run)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // As the previous version left it: no per-run grants, every run's history and tasks for change managers.
        authorizationService.createAuthorizationQuery().groupIdIn(Groups.CHANGE_MANAGERS).resourceId(run).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
        Authorization definitions = grant(Resources.PROCESS_DEFINITION);
        definitions.setPermissions(new Permission[] {Permissions.READ});
        definitions.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
        definitions.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        definitions.addPermission(ProcessDefinitionPermissions.READ_TASK);
        authorizationService.saveAuthorization(definitions);
        for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.TASK)) {
            Authorization old = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            old.setGroupId(Groups.CHANGE_MANAGERS);
            old.setResource(resource);
            old.setResourceId(Authorization.ANY);
            old.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(old);
        }
        String other = start("CHG-NTK-5");
        assertThat(ids("changemgr", "history/process-instance?processDefinitionKey=" + PROCESS)).contains(other);

        new RoleAuthorizations(processEngine);

        assertThat(((AuthorizationEntity) grant(Resources.PROCESS_DEFINITION)).getPermissions())
                .isEqualTo(ProcessDefinitionPermissions.READ.getValue());
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.CHANGE_MANAGERS)
                .resourceType(Resources.TASK).resourceId(Authorization.ANY).count()).isZero();
        assertThat(authorizationService.isUserAuthorized("changemgr", List.of(Groups.CHANGE_MANAGERS),
                HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, run)).isTrue();
        assertThat(authorizationService.isUserAuthorized("changemgr", List.of(Groups.CHANGE_MANAGERS),
                ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, run)).isTrue();
        assertThat(ids("changemgr", "history/process-instance?processDefinitionKey=" + PROCESS)).containsExactly(run);
        assertThat(array("changemgr", "task?processInstanceId=" + other)).isEmpty();
        // and once more changes nothing
        long grants = authorizationService.createAuthorizationQuery().count();
        new RoleAuthorizations(processEngine);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(grants);
    }

    private Authorization grant(Resource resource) {
        return authorizationService.createAuthorizationQuery().groupIdIn(Groups.CHANGE_MANAGERS)
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(Authorization.ANY).singleResult();
    }

    /** Engine REST list reads that name the run, each filtered by the engine's authorizations. */
    private static List<String> listReads(String run, String task) {
        return List.of("history/process-instance?processInstanceId=" + run,
                "history/variable-instance?processInstanceId=" + run,
                "history/activity-instance?processInstanceId=" + run,
                "history/task?processInstanceId=" + run,
                "history/detail?processInstanceId=" + run,
                "history/user-operation?processInstanceId=" + run,
                "history/identity-link-log?taskId=" + task,
                "variable-instance?processInstanceIdIn=" + run,
                "process-instance?processInstanceIds=" + run,
                "execution?processInstanceId=" + run,
                "task?processInstanceId=" + run);
    }

    private String start(String businessKey) {
        ResponseEntity<String> started = post("operator", "/engine-rest/process-definition/key/" + PROCESS + "/start",
                "{\"businessKey\":\"" + businessKey + "\"}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(started.getBody()).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String openTask(String run) {
        return taskService.createTaskQuery().processInstanceId(run).singleResult().getId();
    }

    private ResponseEntity<String> complete(String user, String taskId) {
        return post(user, "/engine-rest/task/" + taskId + "/complete", "{}");
    }

    private JsonNode array(String user, String path) {
        ResponseEntity<String> answer = get(user, "/engine-rest/" + path);
        assertThat(answer.getStatusCode()).as(user + " GET " + path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            JsonNode list = JSON.readTree(answer.getBody());
            assertThat(list.isArray()).as(path).isTrue();
            return list;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> ids(String user, String path) {
        return array(user, path).findValuesAsText("id");
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }
}
