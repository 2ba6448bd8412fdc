package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.time.Duration;
import org.camunda.bpm.engine.BadUserRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Review A (2026-12-08): a query's expressions (a stored task filter's, an ad-hoc task query's orQueries) are JUEL
 * evaluated with every Spring bean in reach: what DeployedModelRules refuses in a model, a query ran. No query takes
 * one, over REST (EngineApiGuard) nor through the engine itself (QueryExpressionsPlugin).
 */
class QueryExpressionAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RunRecords runRecords;
    @Autowired
    org.camunda.bpm.engine.FilterService filters;
    @Autowired
    QueryExpressionsPlugin queryExpressions;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Test
    void anAdministratorsTaskFilterCannotForgeAnApprovalNorMoveARunPastItsGate() throws Exception {
        String run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RA").getId();
        awaitTask(run, "userTask_approveSwitchover");
        String attack = forgeApprovalAndSkipTheGate(run, "");

        ResponseEntity<String> created = call("admin", HttpMethod.POST, "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"My tasks\",\"query\":{\"assigneeExpression\":\"" + attack
                        + "\"},\"properties\":{}}");
        if (created.getStatusCode().is2xxSuccessful()) {
            String filter = JSON.readTree(created.getBody()).get("id").asText();
            ResponseEntity<String> listed = call("admin", HttpMethod.GET, "/engine-rest/filter/" + filter + "/list",
                    null);
            System.out.println("LISTED " + listed.getStatusCode() + " " + listed.getBody());
            awaitAnySideEffect();
        }

        assertThat(sideEffects()).as("side-effecting commands past the undecided gate").isEmpty();
        assertThat(runRecords.decisions(run)).as("decisions of run " + run).isEmpty();
        assertThat(created.getStatusCode().is4xxClientError()).as(created.getBody()).isTrue();
    }

    @Test
    void anAdministratorsFilterDoesNotApproveTheirOwnRunInAChangeManagersNameWhenTheyOpenTasklist() throws Exception {
        ResponseEntity<String> started = call("admin", HttpMethod.POST,
                "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start", "{\"businessKey\":\"CHG-RA2\","
                        + "\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\"CHG-RA2\"}}}");
        assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isTrue();
        String run = JSON.readTree(started.getBody()).get("id").asText();
        String gate = awaitTask(run, "userTask_approveSwitchover").getId();
        // Runs as whoever lists the filter: Tasklist lists (counts) every filter its user may read.
        String attack = "${taskService.setVariable('" + gate + "', 'switchoverDecision', 'approve') == null"
                + " and taskService.claim('" + gate + "', currentUser()) == null"
                + " and taskService.complete('" + gate + "') == null ? 'x' : 'y'}";
        ResponseEntity<String> created = call("admin", HttpMethod.POST, "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"Gates\",\"query\":{\"assigneeExpression\":\"" + attack
                        + "\"},\"properties\":{}}");
        if (created.getStatusCode().is2xxSuccessful()) {
            String filter = JSON.readTree(created.getBody()).get("id").asText();
            ResponseEntity<String> counted = call("changemgr", HttpMethod.GET, "/engine-rest/filter/" + filter
                    + "/count", null);
            System.out.println("CM-COUNTED " + counted.getStatusCode() + " " + counted.getBody());
            awaitAnySideEffect();
        }

        assertThat(runRecords.decisions(run)).as("decisions of run " + run + " (started by admin)").isEmpty();
        assertThat(sideEffects()).as("side-effecting commands").isEmpty();
        assertThat(created.getStatusCode().is4xxClientError()).as(created.getBody()).isTrue();
    }

    @Test
    void anAuditorsTaskQueryCannotRunCodeThroughAnOrQueryExpression() throws Exception {
        String run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RA3").getId();
        awaitTask(run, "userTask_approveSwitchover");
        String attack = forgeApprovalAndSkipTheGate(run, " and identityService.clearAuthentication() == null");

        ResponseEntity<String> queried = call("auditor", HttpMethod.POST, "/engine-rest/task",
                "{\"orQueries\":[{\"assigneeExpression\":\"" + attack + "\"}]}");
        System.out.println("AUDITOR-OR " + queried.getStatusCode() + " " + queried.getBody());
        awaitAnySideEffect();

        assertThat(sideEffects()).as("side-effecting commands past the undecided gate").isEmpty();
        assertThat(runRecords.decisions(run)).as("decisions of run " + run).isEmpty();
        assertThat(queried.getStatusCode().value()).as(queried.getBody()).isEqualTo(400);
    }

    @Test
    void anOperatorCannotRenameTheirProfileOntoAnotherUserNorQueryWithExpressions() throws Exception {
        ResponseEntity<String> renamed = call("operator", HttpMethod.PUT, "/engine-rest/user/operator/profile",
                "{\"id\":\"lead\",\"firstName\":\"Op\",\"lastName\":\"Erator\",\"email\":\"op@example.com\"}");
        System.out.println("RENAMED " + renamed.getStatusCode() + " " + renamed.getBody());
        assertThat(renamed.getStatusCode().is4xxClientError()).as(renamed.getBody()).isTrue();
        assertThat(identityService.createUserQuery().userId("lead").singleResult().getEmail())
                .isNotEqualTo("op@example.com");
        assertThat(rest.withBasicAuth("lead", "operator").getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode().value()).isEqualTo(401);

        String allTasks = filters.createFilterQuery().filterName("All tasks").singleResult().getId();
        ResponseEntity<String> orQuery = call("changemgr", HttpMethod.POST, "/engine-rest/filter/" + allTasks
                + "/count", "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
        System.out.println("ORQUERY " + orQuery.getStatusCode() + " " + orQuery.getBody());
        assertThat(orQuery.getStatusCode().value()).as(orQuery.getBody()).isEqualTo(400);
        ResponseEntity<String> getQuery = call("changemgr", HttpMethod.GET,
                "/engine-rest/task?assigneeExpression={e}", null, "${currentUser()}");
        assertThat(getQuery.getStatusCode().value()).as(getQuery.getBody()).isEqualTo(400);
    }

    @Test
    void noQueryParameterNorNestedKeyEndingInExpressionReachesTheEngine() throws Exception {
        String allTasks = filters.createFilterQuery().filterName("All tasks").singleResult().getId();
        String grantsChangemgr = "${identityService.setAuthenticatedUserId('changemgr') == null ? 'x' : 'y'}";

        ResponseEntity<String> count = call("auditor", HttpMethod.GET,
                "/engine-rest/engine/default/task/count?candidateUserExpression={e}", null, grantsChangemgr);
        assertThat(count.getStatusCode().value()).as(count.getBody()).isEqualTo(400);
        assertThat(count.getBody()).contains("candidateUserExpression");
        ResponseEntity<String> listed = call("operator", HttpMethod.GET, "/engine-rest/filter/" + allTasks
                + "/list?assigneeExpression={e}", null, "${currentUser()}");
        assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(400);

        ResponseEntity<String> created = call("admin", HttpMethod.POST, "/engine-rest/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"Mine\",\"query\":{\"orQueries\":[{\"assignee\":\"x\"},"
                        + "{\"assigneeExpression\":\"${currentUser()}\"}]},\"properties\":{}}");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(400);
        assertThat(created.getBody()).contains("query.orQueries[1].assigneeExpression");
        ResponseEntity<String> updated = call("admin", HttpMethod.PUT, "/engine-rest/filter/" + allTasks,
                "{\"resourceType\":\"Task\",\"name\":\"All tasks\",\"query\":{\"orQueries\":[{"
                        + "\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]},\"properties\":{}}");
        assertThat(updated.getStatusCode().value()).as(updated.getBody()).isEqualTo(400);
        assertThat(storedQuery(allTasks)).doesNotContain("Expression");
        assertThat(filters.createFilterQuery().filterName("Mine").count()).isZero();

        // Tasklist's own filter still lists, over REST and the Java API.
        String run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RA5").getId();
        String gate = awaitTask(run, "userTask_approveSwitchover").getId();
        ResponseEntity<String> tasks = call("changemgr", HttpMethod.POST, "/engine-rest/filter/" + allTasks
                + "/list", "{}");
        assertThat(tasks.getStatusCode().value()).as(tasks.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(tasks.getBody()).findValuesAsText("id")).contains(gate);
        assertThat(filters.list(allTasks)).extracting("id").contains(gate);
    }

    @Test
    void theEngineRefusesAnExpressionInAnOrQueryFromTheJavaApi() {
        String grantsChangemgr = "${identityService.setAuthenticatedUserId('changemgr') == null ? 'x' : 'y'}";
        String allTasks = filters.createFilterQuery().filterName("All tasks").singleResult().getId();

        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(grantsChangemgr).endOr()
                .list()).isInstanceOf(BadUserRequestException.class).hasMessageContaining("orQueries.taskAssignee");
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskCandidateUserExpression(grantsChangemgr)
                .endOr().count()).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> filters.count(allTasks, taskService.createTaskQuery().or()
                .taskAssigneeExpression(grantsChangemgr).endOr())).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter("Mine").setQuery(taskService
                .createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr())))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
                .isInstanceOf(BadUserRequestException.class);

        assertThat(identityService.getCurrentAuthentication()).as("authentication after the queries").isNull();
        assertThat(filters.createFilterQuery().filterName("Mine").count()).isZero();
        assertThat(filters.count(allTasks)).isNotNull();
    }

    @Test
    void aFilterStoredWithExpressionsBeforeTheUpgradeLosesThemAtStartUp() {
        String id = "poisoned-filter";
        jdbcTemplate.update("INSERT INTO ACT_RU_FILTER (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_)"
                + " VALUES (?, 1, 'Task', 'Gates', 'admin', ?, '{}')", id,
                "{\"assignee\":\"changemgr\",\"orQueries\":[{\"assigneeExpression\":\"${identityService"
                        + ".setAuthenticatedUserId('changemgr') == null ? 'x' : 'y'}\"}]}");
        assertThatThrownBy(() -> filters.list(id)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Filter 'Gates'");

        queryExpressions.postProcessEngineBuild(processEngine);

        assertThat(storedQuery(id)).doesNotContain("Expression").contains("changemgr");
        assertThat(filters.list(id)).isNotNull();
        assertThat(identityService.getCurrentAuthentication()).isNull();
    }

    @org.junit.jupiter.api.AfterEach
    void deleteFilters() {
        filters.createFilterQuery().list().stream().filter(f -> !"All tasks".equals(f.getName()))
                .forEach(f -> filters.deleteFilter(f.getId()));
    }

    /**
     * JUEL (escaped for a JSON string) that writes a change manager's approval of the switchover gate into the run
     * records and moves the run past the gate to its first side-effecting step.
     */
    private static String forgeApprovalAndSkipTheGate(String run, String beforeModification) {
        return "${jdbcTemplate.update(\\\"INSERT INTO run_decision (run_id, gate_id, gate_name,"
                + " scope_id, task_id, decided_by, decision, approved, plan_hash, plan_variables, decided_at) SELECT"
                + " run_id, 'userTask_approveSwitchover', 'forged', run_id, 'forged', 'changemgr', 'approve', TRUE,"
                + " plan_hash, '', CURRENT_TIMESTAMP FROM run_record WHERE run_id = '" + run + "'\\\") > 0"
                + beforeModification
                + " and runtimeService.createProcessInstanceModification('" + run + "')"
                + ".cancelAllForActivity('userTask_approveSwitchover').startBeforeActivity('serviceTask_endPrimary')"
                + ".execute() == null ? 'x' : 'y'}";
    }

    private String storedQuery(String filterId) {
        return jdbcTemplate.queryForObject("SELECT QUERY_ FROM ACT_RU_FILTER WHERE ID_ = ?", String.class, filterId);
    }

    /** Waits up to 20 s for a side-effecting command to reach the lab (none should). */
    private void awaitAnySideEffect() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (sideEffects().isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String json, Object... uriVariables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class,
                uriVariables);
    }
}
