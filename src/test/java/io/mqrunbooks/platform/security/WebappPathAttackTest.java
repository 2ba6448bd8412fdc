package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Review F: the webapps may be served under another path than {@code /camunda}
 * ({@code camunda.bpm.webapp.application-path}, which the run page and the security headers already follow). The
 * engine API allow-list was registered for {@code /camunda/api/*} alone, so under {@code /ops} Cockpit's and Tasklist's
 * copy of the engine API took any call a webapp session's engine authorizations allowed: an administrator wrote a
 * run's variables, and a gate's completion carried keys its form does not declare.
 */
@TestPropertySource(properties = {"spring.jersey.application-path=/rest", "camunda.bpm.webapp.application-path=/ops",
        // one context for both moved-path tests, with a database of its own on MariaDB (TestDatabase)
        "mqrunbooks.test.mariadb-database=mqrunbooks_ci_paths"})
class WebappPathAttackTest extends RunbookLabTest {

    private static final String ENGINE = "/ops/api/engine/engine/default";

    @Autowired
    TestRestTemplate rest;

    @Test
    void anAdministratorsWebappSessionWritesNoRunVariableUnderAnotherWebappPath() throws Exception {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RF-PATH");
        awaitTask(run.getId(), "userTask_approveSwitchover");
        WebappSession admin = login("admin");

        HttpResponse<String> written = admin.client().send(admin.request(ENGINE + "/process-instance/" + run.getId()
                        + "/variables/outcome").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"COMPLETED\",\"type\":\"String\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(written.statusCode()).as(written.body()).isEqualTo(403);
        assertThat(written.body()).contains("nobody writes or deletes a run's variables over the API");
        assertThat(runtimeService.getVariable(run.getId(), "outcome")).isNull();
    }

    @Test
    void aGateCompletionUnderAnotherWebappPathTakesOnlyItsFormsFields() throws Exception {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RF-PATH2");
        Task gate = awaitTask(run.getId(), "userTask_approveSwitchover");
        WebappSession changeManager = login(CHANGE_MANAGER);

        HttpResponse<String> completed = changeManager.post(ENGINE + "/task/" + gate.getId() + "/complete",
                "{\"variables\":{\"switchoverDecision\":{\"value\":\"approve\"},"
                        + "\"notOnTheForm\":{\"value\":\"x\"}}}");

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
        assertThat(completed.body()).contains("notOnTheForm");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("the gate still open").isOne();
    }

    /** A browser that opened Tasklist under /ops and logged in there. */
    private WebappSession login(String user) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        WebappSession session = new WebappSession(rest.getRootUri(),
                HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
        session.get("/ops/app/tasklist/default/");
        HttpResponse<String> login = session.client().send(session.request("/ops/api/admin/auth/user/default/login/tasklist")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
        // As the webapps' pages do after the login: a read first, which hands the new session its CSRF token.
        assertThat(session.get(ENGINE + "/task").statusCode()).isEqualTo(200);
        return session;
    }
}
