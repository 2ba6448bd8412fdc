package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import io.mqrunbooks.testsupport.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Another site's page posting to the product's own endpoints with the victim's webapp session cookie. A browser
 * sends Sec-Fetch-Site only to a secure origin (https, or localhost): to a production host over plain HTTP, or
 * from an older browser, it sends none, but it always sends Origin on a cross-origin POST. The form below is
 * what a page elsewhere needs: a plain HTML form post (no preflight), no CSRF token, the session cookie.
 */
class CrossSiteRequestAttackTest extends RunbookLabTest {

    private static final String ATTACKER = "http://intranet-wiki.example.com";

    @Autowired
    TestRestTemplate rest;

    @Test
    void anotherSitesFormCannotAbortARunWithTheInitiatorsSession() throws Exception {
        ProcessInstance run = startAsOperator("CSRF-ABORT-" + System.nanoTime());
        awaitTask(run.getId(), "userTask_approveSwitchover");
        WebappSession operator = WebappSession.login(rest.getRootUri(), OPERATOR);

        HttpResponse<String> response = crossSiteFormPost(operator, "/api/runs/" + run.getId() + "/abort",
                "reason=aborted+by+another+site");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count())
                .as("the run still waits at its gate").isOne();
    }

    @Test
    void anotherSitesFormCannotFailALabHostWithAnAdministratorsSession() throws Exception {
        WebappSession admin = WebappSession.login(rest.getRootUri(), "admin");

        HttpResponse<String> response = crossSiteFormPost(admin, "/lab/control/mq/fail-host?host=dr1", "");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    /** A cross-origin HTML form post as a browser sends it without Fetch Metadata: Origin, the cookie, no token. */
    private static HttpResponse<String> crossSiteFormPost(WebappSession session, String path, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(session.root() + path))
                .header("Origin", ATTACKER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return session.client().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private ProcessInstance startAsOperator(String businessKey) {
        identityService.setAuthentication(OPERATOR, List.of("mq-operators"));
        try {
            return runtimeService.startProcessInstanceByKey("rdqmSwitchoverProcess", businessKey,
                    vars("queueManager", "QMDR", "reason", "CSRF test"));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
