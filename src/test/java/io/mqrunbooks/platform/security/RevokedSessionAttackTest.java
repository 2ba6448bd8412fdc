package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Review C: the product's pages and API re-read the webapp session's user and groups on each request, not as
 * they were at login (Camunda's own filter re-reads them every 5 minutes).
 */
class RevokedSessionAttackTest extends RunbookLabTest {

    private static final String PASSWORD = "Le4ver#Pass-2026";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;

    @Test
    void aChangeManagerDeletedAfterLoginCannotAbortARunWithTheirSession() throws Exception {
        ProcessInstance run = runAwaitingApproval("CHG-RC-LEAVER");
        WebappSession session = loginAsChangeManager("leaver");
        try {
            identityService.deleteMembership("leaver", "change-managers");
            identityService.deleteUser("leaver");
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 10 * 60_000)); // past Camunda's 5 min cache

            HttpResponse<String> aborted = abort(session, run);
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(401);
            assertThat(session.get("/api/runs").statusCode()).isEqualTo(401);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isOne();

            assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aChangeManagerRemovedFromTheGroupLosesTheRoleAtOnce() throws Exception {
        ProcessInstance run = runAwaitingApproval("CHG-RC-MOVER");
        WebappSession session = loginAsChangeManager("mover");
        try {
            identityService.deleteMembership("mover", "change-managers");

            HttpResponse<String> aborted = abort(session, run);
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(403);
            assertThat(aborted.body()).contains("mover may not abort runs");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isOne();
        } finally {
            identityService.deleteUser("mover");
        }
    }

    /** Camunda's lock until an administrator unlocks (reachable only where login-max-attempts is set low). */
    @Test
    void aUserLockedUntilAnAdministratorUnlocksThemLosesTheirSession() throws Exception {
        WebappSession session = loginAsChangeManager("lockee");
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int maxAttempts = configuration.getLoginMaxAttempts();
        try {
            configuration.setLoginMaxAttempts(1);
            assertThat(identityService.checkPassword("lockee", "wrong")).isFalse();
            assertThat(session.get("/api/runs").statusCode()).isEqualTo(401);
            identityService.unlockUser("lockee");
            assertThat(session.get("/api/runs").statusCode()).as("unlocked").isEqualTo(200);
        } finally {
            configuration.setLoginMaxAttempts(maxAttempts);
            identityService.deleteUser("lockee");
        }
    }

    private ProcessInstance runAwaitingApproval(String change) {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", change);
        awaitTask(run.getId(), "userTask_approveSwitchover");
        return run;
    }

    private WebappSession loginAsChangeManager(String id) throws Exception {
        User cm = identityService.newUser(id);
        cm.setPassword(PASSWORD);
        identityService.saveUser(cm);
        identityService.createMembership(id, "change-managers");
        WebappSession session = WebappSession.login(rest.getRootUri(), id, PASSWORD);
        assertThat(session.get("/api/runs").statusCode()).isEqualTo(200);
        return session;
    }

    private HttpResponse<String> abort(WebappSession session, ProcessInstance run) throws Exception {
        return session.client().send(session.request("/api/runs/" + run.getId() + "/abort")
                .header("Origin", rest.getRootUri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"I left the bank yesterday\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
