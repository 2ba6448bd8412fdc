package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Review D: /api re-reads a webapp session's groups per request (RevokedSessionAttackTest), but the webapps' engine
 * API (/camunda/api/engine, what Tasklist approves through) is checked by EngineApiGuard with the groups as at login,
 * and the engine with Camunda's cached ones (re-read every 5 minutes).
 */
class StaleWebappGroupsAttackTest extends RunbookLabTest {

    private static final String PASSWORD = "Le4ver#Pass-2026";

    @Autowired
    TestRestTemplate rest;

    @Test
    void aChangeManagerRemovedFromTheGroupCannotApproveAGateThroughTasklistsApi() throws Exception {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RD-MOVER");
        Task gate = awaitTask(run.getId(), "userTask_approveSwitchover");
        User cm = identityService.newUser("mover2");
        cm.setPassword(PASSWORD);
        identityService.saveUser(cm);
        identityService.createMembership("mover2", "change-managers");
        try {
            WebappSession session = WebappSession.login(rest.getRootUri(), "mover2", PASSWORD);
            identityService.deleteMembership("mover2", "change-managers");
            assertThat(session.get("/api/runs").statusCode()).as("/api re-reads the groups").isEqualTo(403);

            HttpResponse<String> approved = session.post("/camunda/api/engine/engine/default/task/" + gate.getId()
                    + "/submit-form", "{\"variables\":{\"switchoverDecision\":{\"value\":\"approve\"}}}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(403);
            assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("the gate still open").isOne();
        } finally {
            identityService.deleteUser("mover2");
        }
    }
}
