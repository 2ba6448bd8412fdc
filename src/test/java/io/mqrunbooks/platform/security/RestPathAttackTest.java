package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Review F: the engine REST API may be served under another path than {@code /engine-rest}
 * ({@code spring.jersey.application-path}, Camunda's documented way to move it). Its Basic authentication and the
 * allow-list were registered for {@code /engine-rest/*} alone, so under {@code /rest} anyone, logged in or not, called
 * the engine as nobody, with no authorization checked: a run's variables written without credentials.
 */
@TestPropertySource(properties = {"spring.jersey.application-path=/rest", "camunda.bpm.webapp.application-path=/ops",
        // one context for both moved-path tests, with a database of its own on MariaDB (TestDatabase)
        "mqrunbooks.test.mariadb-database=mqrunbooks_ci_paths"})
class RestPathAttackTest extends RunbookLabTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void nobodyWritesARunVariableUnderAnotherRestPath() {
        ProcessInstance run = start("rdqmSwitchoverProcess", "queueManager", "QMDR", "reason", "CHG-RF-REST");
        awaitTask(run.getId(), "userTask_approveSwitchover");
        String outcome = "/rest/process-instance/" + run.getId() + "/variables/outcome";

        ResponseEntity<String> anonymous = rest.exchange(outcome, HttpMethod.PUT, json(), String.class);
        assertThat(anonymous.getStatusCode().value()).as(anonymous.getBody()).isEqualTo(401);

        ResponseEntity<String> admin = rest.withBasicAuth("admin", "admin").exchange(outcome, HttpMethod.PUT, json(),
                String.class);
        assertThat(admin.getStatusCode().value()).as(admin.getBody()).isEqualTo(403);
        assertThat(admin.getBody()).contains("nobody writes or deletes a run's variables over the API");
        assertThat(runtimeService.getVariable(run.getId(), "outcome")).isNull();

        ResponseEntity<String> read = rest.withBasicAuth(OPERATOR, OPERATOR).getForEntity("/rest/process-instance/"
                + run.getId(), String.class);
        assertThat(read.getStatusCode().value()).as("the API still answers there").isEqualTo(200);
    }

    private static HttpEntity<String> json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{\"value\":\"COMPLETED\",\"type\":\"String\"}", headers);
    }
}
