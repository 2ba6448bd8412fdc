package io.mqrunbooks.platform.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
 * Review F: an administrator who started a run cannot approve its gate under a change manager's name, whether a
 * user of their own they put in change-managers or a change manager whose password they set. Over the REST API,
 * as the administrator and the stand-in would call it.
 */
class InitiatorShapedApproverAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Nq7#Kx2@Wv9!";
    private static final String GATE = "userTask_approveSwitchover";
    private static final String SHAPED = "a gate needs a decider whose identity the initiator did not shape";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RunRecords runRecords;

    @Test
    void anAdministratorsOwnUserInChangeManagersCannotDecideTheirRunButAGenuineChangeManagerCan() {
        String run = startAsAdmin("CHG-SHAPED-1");
        Task gate = awaitTask(run, GATE);
        try {
            assertThat(call("admin", "admin", HttpMethod.POST, "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"changemgr2\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(call("admin", "admin", HttpMethod.PUT, "/engine-rest/group/change-managers/members/changemgr2",
                    null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

            for (String decision : List.of("reject", "approve")) {
                assertRefused(complete("changemgr2", PASSWORD, gate.getId(), decision),
                        "Four-eyes rule: changemgr2's membership in change-managers was granted by admin, who started"
                                + " this run; " + SHAPED + ". Gate '" + gate.getName() + "' of run CHG-SHAPED-1 stays"
                                + " open for another change manager.");
            }
            assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("gate still open").isOne();
            assertThat(runRecords.decisions(run)).as("no decision recorded").isEmpty();
            assertThat(sideEffects()).isEmpty();

            ResponseEntity<String> genuine = complete(CHANGE_MANAGER, CHANGE_MANAGER, gate.getId(), "approve");
            assertThat(genuine.getStatusCode()).as(genuine.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(runRecords.decisions(run)).singleElement()
                    .satisfies(d -> assertThat(d.decidedBy()).isEqualTo(CHANGE_MANAGER));
            awaitSwitchedOver(run);
        } finally {
            identityService.deleteUser("changemgr2");
        }
    }

    @Test
    void aChangeManagerWhosePasswordTheInitiatorSetCannotApproveTheirRun() {
        seedUser("changemgr3", "Seeded#Pw-9x", "change-managers");
        try {
            ResponseEntity<String> reset = call("admin", "admin", HttpMethod.PUT,
                    "/engine-rest/user/changemgr3/credentials",
                    "{\"password\":\"" + PASSWORD + "\",\"authenticatedUserPassword\":\"admin\"}");
            assertThat(reset.getStatusCode()).as(reset.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            String run = startAsAdmin("CHG-SHAPED-2");
            Task gate = awaitTask(run, GATE);

            assertRefused(complete("changemgr3", PASSWORD, gate.getId(), "approve"),
                    "Four-eyes rule: changemgr3's password or profile was set by admin, who started this run; " + SHAPED);
            assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("gate still open").isOne();
            assertThat(runRecords.decisions(run)).as("no decision recorded").isEmpty();
            assertThat(sideEffects()).isEmpty();
        } finally {
            identityService.deleteUser("changemgr3");
        }
    }

    /**
     * The step that changes the estate checks the approval again, against what the log held when it was given: the
     * initiator fixing the approver's profile (or resetting a locked-out password) at 3 a.m. does not halt an approved
     * switchover (Review I).
     */
    @Test
    void aChangeToTheApproverAfterTheApprovalDoesNotHaltTheApprovedStep() {
        seedUser("changemgr5", PASSWORD, "change-managers");
        try {
            labFaults.fail("dr1", "endmqm", 71, "unexpected output");
            String run = startAsAdmin("CHG-SHAPED-4");
            Task gate = awaitTask(run, GATE);
            ResponseEntity<String> approved = complete("changemgr5", PASSWORD, gate.getId(), "approve");
            assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(firstFailure(run)).isNotBlank();
            // the edit is logged by the engine's clock, two minutes on: past the approval and any skew between nodes
            ClockUtil.offset(InitiatorShapedIdentity.CLOCK_SKEW.plusMinutes(1).toMillis());
            assertThat(call("admin", "admin", HttpMethod.PUT, "/engine-rest/user/changemgr5/profile",
                    "{\"id\":\"changemgr5\",\"firstName\":\"Stand\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            labFaults.clearAll();
            Job failed = managementService.createJobQuery().processInstanceId(run).singleResult();

            ClockUtil.reset();
            managementService.executeJob(failed.getId());
            awaitSwitchedOver(run);
        } finally {
            ClockUtil.reset();
            identityService.deleteUser("changemgr5");
        }
    }

    /**
     * Review I: the initiator's own hand is not needed. An administrator creates a second administrator, who creates
     * the change manager: both are the initiator's to log in as.
     */
    @Test
    void aChangeManagerMadeThroughAnAdministratorTheInitiatorCreatedCannotDecideTheirRun() {
        try {
            assertThat(call("admin", "admin", HttpMethod.POST, "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"admin3\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(call("admin", "admin", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/admin3", null)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(call("admin3", PASSWORD, HttpMethod.POST, "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"changemgr6\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(call("admin3", PASSWORD, HttpMethod.PUT,
                    "/engine-rest/group/change-managers/members/changemgr6", null).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            String run = startAsAdmin("CHG-SHAPED-5");
            Task gate = awaitTask(run, GATE);

            assertRefused(complete("changemgr6", PASSWORD, gate.getId(), "approve"),
                    "Four-eyes rule: changemgr6's membership in change-managers was granted by admin3, a user that"
                            + " admin (who started this run) created or changed; " + SHAPED);
            assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("gate still open").isOne();
            assertThat(runRecords.decisions(run)).as("no decision recorded").isEmpty();
            assertThat(sideEffects()).isEmpty();
        } finally {
            identityService.deleteUser("changemgr6");
            identityService.deleteUser("admin3");
        }
    }

    /** Collusion between two administrators is out of scope: only what the initiator did to the decider counts. */
    @Test
    void aChangeManagerAnotherAdministratorMadeMayApprove() {
        seedUser("admin2", PASSWORD, "camunda-admin");
        try {
            assertThat(call("admin2", PASSWORD, HttpMethod.POST, "/engine-rest/user/create",
                    "{\"profile\":{\"id\":\"changemgr4\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}")
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(call("admin2", PASSWORD, HttpMethod.PUT,
                    "/engine-rest/group/change-managers/members/changemgr4", null).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            String run = startAsAdmin("CHG-SHAPED-3");
            Task gate = awaitTask(run, GATE);

            ResponseEntity<String> approved = complete("changemgr4", PASSWORD, gate.getId(), "approve");
            assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(runRecords.decisions(run)).singleElement()
                    .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("changemgr4"));
            awaitSwitchedOver(run);
        } finally {
            identityService.deleteUser("changemgr4");
            identityService.deleteUser("admin2");
        }
    }

    @Test
    void withoutAUserOperationLogAGateDecisionIsRefused() {
        StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
        engine.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_AUDIT);

        assertThat(InitiatorShapedIdentity.refusal(engine, null, "changemgr", "admin", List.of("change-managers"), null))
                .hasValue("the engine keeps no user operation log (history level audit), so nothing shows that admin,"
                        + " who started this run, did not create changemgr, set their password or grant their group; "
                        + SHAPED + " (set camunda.bpm.history-level: full)");
        assertThat(InitiatorShapedIdentity.refusal(engine, null, "changemgr", null, List.of("change-managers"), null))
                .as("a run nobody started (a timer's)").isEmpty();
    }

    /** The approved switchover went ahead, and ended before the next test clears the lab. */
    private void awaitSwitchedOver(String run) {
        await("the end of the run", run, () -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(run).singleResult().getEndTime() != null);
        assertThat(sideEffects()).anyMatch(command -> command.contains("endmqm -w QMDR"));
    }

    /** A user made as at start-up, with nobody authenticated: the user operation log has no record of it. */
    private void seedUser(String id, String password, String group) {
        User user = identityService.newUser(id);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }

    private String startAsAdmin(String businessKey) {
        ResponseEntity<String> started = call("admin", "admin", HttpMethod.POST,
                "/engine-rest/process-definition/key/rdqmSwitchoverProcess/start", "{\"businessKey\":\"" + businessKey
                        + "\",\"variables\":{\"queueManager\":{\"value\":\"QMDR\"},\"reason\":{\"value\":\""
                        + businessKey + "\"}}}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        return read(started).get("id").asText();
    }

    private ResponseEntity<String> complete(String user, String password, String taskId, String decision) {
        return call(user, password, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"switchoverDecision\":{\"value\":\"" + decision + "\"}}}");
    }

    private ResponseEntity<String> call(String user, String password, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static void assertRefused(ResponseEntity<String> response, String message) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(read(response).path("message").asText()).contains(message);
    }

    private static JsonNode read(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
