package io.mqrunbooks.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Health, metrics and logs as an operator and a load balancer see them, in the whole app with the lab
 * (demo users: operator/operator).
 */
// The end-to-end tests' one context (its ops settings are in LabAppTest: metric export on, no health cache).
@ExtendWith(OutputCaptureExtension.class)
class OpsEndpointsTest extends LabAppTest {

    private static final String PROBE_PROCESS = "opsProbeProcess";
    private static final String FAILING_PROCESS = "opsFailingProcess";

    private final List<String> deployments = new ArrayList<>();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    /** The shared context outlives this class: its probe processes go with it. */
    @AfterEach
    void undeployTheProbeProcesses() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void anonymousHealthIsTheSummaryOnly() {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/actuator/health", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorSeesTheDatabaseAndEveryLabHostReachable() {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("operator", "operator")
                .exchange("/actuator/health", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        Map<String, Object> estateHosts = (Map<String, Object>) components.get("estateHosts");
        assertThat(estateHosts).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) estateHosts.get("details");
        assertThat(details).containsEntry("reachable", 25).containsEntry("unreachable", 0);
        assertThat((Map<String, String>) details.get("hosts")).hasSize(25)
                .containsEntry("dr1", "reachable").containsEntry("partner1", "reachable");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHostDownMakesTheEstateDegradedButTheNodeStaysInTheLoadBalancer() {
        labFaults.hostDown("mqwest3");
        try {
            ResponseEntity<Map<String, Object>> anonymous = rest.exchange("/actuator/health", HttpMethod.GET, null,
                    new ParameterizedTypeReference<>() { });
            assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(anonymous.getBody()).containsEntry("status", "DEGRADED");

            ResponseEntity<Map<String, Object>> operator = rest.withBasicAuth("operator", "operator")
                    .exchange("/actuator/health", HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
            Map<String, Object> estateHosts = (Map<String, Object>) ((Map<String, Object>) operator.getBody()
                    .get("components")).get("estateHosts");
            assertThat(estateHosts).containsEntry("status", "DEGRADED");
            Map<String, Object> details = (Map<String, Object>) estateHosts.get("details");
            assertThat(details).containsEntry("reachable", 24).containsEntry("unreachable", 1);
            assertThat((String) ((Map<String, Object>) details.get("hosts")).get("mqwest3"))
                    .matches("unreachable: 127\\.0\\.0\\.1:\\d+: Connection refused");
        } finally {
            labFaults.hostUp("mqwest3");
        }
    }

    @Test
    void wrongCredentialsOnHealthAre401() {
        ResponseEntity<String> response = rest.withBasicAuth("nobody", "wrong")
                .getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void prometheusNeedsAnEngineUser() {
        ResponseEntity<String> anonymous = rest.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"mq-runbooks\", charset=\"UTF-8\"");
        assertThat(anonymous.getBody()).isEqualTo("{\"error\":\"Authentication required: log in to the Camunda webapps"
                + " or send HTTP Basic credentials\"}");

        assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/actuator/health/estateHosts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> operator = rest.withBasicAuth("operator", "operator")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator.getBody()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void aRunIsCountedItsStepsTimedAndItsLogLinesCarryTheBusinessKey(CapturedOutput output) {
        deploy(Bpmn.createExecutableProcess(PROBE_PROCESS).name("Ops probe").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe").name("Probe requested")
                .serviceTask("serviceTask_probe").name("Probe").camundaAsyncBefore()
                .camundaDelegateExpression("${opsProbeDelegate}")
                .endEvent("endEvent_probed").name("Probed")
                .done());

        String runId = runtimeService.startProcessInstanceByKey(PROBE_PROCESS, "CHG-OPS-1").getId();
        waitUntil(Duration.ofSeconds(30), () ->
                historyService.createHistoricProcessInstanceQuery().processInstanceId(runId).finished().count() == 1);

        assertThat(output.getOut()).containsPattern(
                " INFO \\[CHG-OPS-1\\] \\d+ --- \\[mq-runbooks\\] \\[[^\\]]+\\] io\\.mqrunbooks\\.ops\\.probe\\s+: probe step ran for "
                        + runId);

        String metrics = prometheus();
        assertThat(metrics)
                .contains("mqrunbooks_runs_started_total{application=\"mq-runbooks\",processKey=\"" + PROBE_PROCESS + "\"} 1.0")
                .contains("mqrunbooks_runs_finished_total{application=\"mq-runbooks\",processKey=\"" + PROBE_PROCESS + "\"} 1.0")
                .contains("mqrunbooks_step_duration_seconds_count{activityId=\"serviceTask_probe\",activityType=\"serviceTask\","
                        + "application=\"mq-runbooks\",processKey=\"" + PROBE_PROCESS + "\"} 1");
    }

    @Test
    void aStepThatSpendsItsRetriesCountsAsAFailedRunOnce() {
        deploy(Bpmn.createExecutableProcess(FAILING_PROCESS).name("Ops failing probe").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_probe").name("Probe requested")
                .serviceTask("serviceTask_fail").name("Fail").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R2/PT0S")
                .camundaDelegateExpression("${opsFailingDelegate}")
                .endEvent("endEvent_never").name("Never reached")
                .done());

        String runId = runtimeService.startProcessInstanceByKey(FAILING_PROCESS, "CHG-OPS-2").getId();
        waitUntil(Duration.ofSeconds(60), () ->
                runtimeService.createIncidentQuery().processInstanceId(runId).count() == 1);

        String metrics = prometheus();
        assertThat(metrics)
                .contains("mqrunbooks_runs_started_total{application=\"mq-runbooks\",processKey=\"" + FAILING_PROCESS + "\"} 1.0")
                .contains("mqrunbooks_runs_failed_total{application=\"mq-runbooks\",processKey=\"" + FAILING_PROCESS
                        + "\",reason=\"incident\"} 1.0")
                .doesNotContain("mqrunbooks_runs_finished_total{application=\"mq-runbooks\",processKey=\"" + FAILING_PROCESS)
                // The failed attempts rolled back: the step never ended, so it was never timed.
                .doesNotContain("activityId=\"serviceTask_fail\"");
    }

    private String prometheus() {
        ResponseEntity<String> response = rest.withBasicAuth("operator", "operator")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repositoryService.createDeployment()
                .addModelInstance("ops-probe-" + System.nanoTime() + ".bpmn", model).deploy().getId());
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
