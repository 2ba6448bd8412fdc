package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Review C: the product's pages and API take the user and groups from the webapp session as they were at login;
 * Camunda's own filter re-reads them (every 5 minutes), ours never does.
 */
class ReviewCRevokedSessionAttackTest extends RunbookLabTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aChangeManagerDeletedAfterLoginStillAbortsARunWithTheirSession() throws Exception {
        User cm = identityService.newUser("leaver");
        cm.setPassword("leaver");
        identityService.saveUser(cm);
        identityService.createMembership("leaver", "change-managers");
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RC-LEAVER");
        awaitTask(run.getId(), "userTask_approveSwitchover");
        String root = rest.getRootUri();
        WebappSession session = WebappSession.login(root, "leaver");
        try {
            identityService.deleteMembership("leaver", "change-managers");
            identityService.deleteUser("leaver");
            ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 10 * 60_000)); // past Camunda's 5 min cache

            HttpResponse<String> aborted = session.client().send(session.request("/api/runs/" + run.getId() + "/abort")
                    .header("Origin", root).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"I left the bank yesterday\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
            assertThat(aborted.body()).contains("aborted by leaver");
            assertThat(session.get("/api/runs").statusCode()).isEqualTo(200);

            // Camunda's own API refuses the same session once it re-reads the user.
            assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        } finally {
            ClockUtil.reset();
        }
    }
}
