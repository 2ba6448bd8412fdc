package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.platform.run.RunRecords;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Security review (secreview): the report's approvals come from the evidence store, and evidence a command
 * appended is written even when the command rolls back ("a failed attempt stays on record"). A gate completion
 * that was refused and rolled back decided nothing (the run's decisions say so); the report must not show it as
 * the approver's decision. Any refusal after the evidence listener ran has this effect: a gate's own listener
 * (here the unplanned cross-region switch's data-loss acceptance), the "shown hash" check, a lost optimistic lock
 * against a concurrent completion or abort.
 */
class RefusedGateEvidenceAttackTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RunReportService reports;
    @Autowired
    RunRecords runRecords;

    @Test
    void aRefusedGateCompletionIsNotReportedAsAnApproval() throws Exception {
        java.util.List.of("nha1", "nha2", "nha3").forEach(labMq::failHost); // the Live region is lost
        ResponseEntity<String> started = call("operator", "/engine-rest/process-definition/key/"
                + "nativeHaCrossRegionSwitchProcess/start", "{\"businessKey\":\"INC-SECREV\",\"variables\":{"
                + "\"queueManager\":{\"value\":\"QMNHA\"},\"switchType\":{\"value\":\"unplanned\"},"
                + "\"reason\":{\"value\":\"INC-SECREV east region down\"}}}");
        assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isTrue();
        String run = JSON.readTree(started.getBody()).get("id").asText();
        Task gate = awaitTask(run, "userTask_approveSwitch");

        ResponseEntity<String> refused = call("changemgr", "/engine-rest/task/" + gate.getId() + "/complete",
                "{\"variables\":{\"switchDecision\":{\"value\":\"approve\"}}}");

        assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
        assertThat(refused.getBody()).contains("needs the data-loss window accepted");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("gate still open").isOne();
        assertThat(runRecords.decisions(run)).as("the server's record: nothing was decided").isEmpty();
        RunReport report = reports.report(run);
        assertThat(report.approvals()).as("approvals in the run's report after a refused, rolled-back completion")
                .isEmpty();
        assertThat(reports.gateDecidedBy(run, "changemgr")).as("changemgr decided a gate of the run").isFalse();
    }

    private ResponseEntity<String> call(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
                String.class);
    }
}
