package io.mqrunbooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.baseline.LevelPlanRecord;
import io.mqrunbooks.testsupport.LabAppTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Need to know for baselines (docs/security.md "Baselines"): a change manager reads the baselines, levelling plans and
 * differences of the queue managers a run asking or having asked for their approval targets (its sealed scope: QM2
 * and its backup here), and of no other (QM3); auditors and operators read every queue manager's.
 */
class ChangeManagerBaselineReadsTest extends LabAppTest {

    private static final String PROCESS = "changeManagerBaselineReadsTest";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    BaselineStore baselines;
    @Autowired
    AuthorizationService authorizationService;

    private Baseline qm2Monday;
    private Baseline qm2Friday;
    private Baseline qm3;
    private LevelPlanRecord qm2Plan;
    private LevelPlanRecord qm3Plan;

    @BeforeEach
    void deployAndStoreBaselines() {
        // Runs of earlier tests (a DR activation of QM3, a baseline of QM2) that asked change managers for approval stay
        // theirs to read in history, and so do their queue managers' baselines: start from none.
        authorizationService.createAuthorizationQuery().groupIdIn(Groups.CHANGE_MANAGERS)
                .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).list().stream()
                .filter(grant -> !Authorization.ANY.equals(grant.getResourceId()))
                .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).name("Change manager baseline reads").camundaHistoryTimeToLive(1)
                        .startEvent("startEvent_requested").name("Requested")
                        .userTask("userTask_prepare").name("Prepare the levelling").camundaCandidateGroups(Groups.OPERATORS)
                        .userTask("userTask_approve").name("Approve levelling the backup")
                        .camundaCandidateGroups(Groups.CHANGE_MANAGERS)
                        .endEvent("endEvent_done").name("Done")
                        .done()).deploy();
        Instant monday = Instant.parse("2026-11-16T02:00:00Z");
        qm2Monday = save("QM2", monday, "DEFINE QLOCAL('PAYMENT.IN') MAXDEPTH(5000) REPLACE\n");
        qm2Friday = save("QM2", monday.plusSeconds(4 * 86400), "DEFINE QLOCAL('PAYMENT.IN') MAXDEPTH(9000) REPLACE\n");
        qm3 = save("QM3", monday, "DEFINE QLOCAL('LEDGER.IN') MAXDEPTH(5000) REPLACE\n");
        qm2Plan = baselines.savePlan("QM2", "QM2_DR", qm2Friday.id(), monday, "DEFINE QLOCAL('PAYMENT.IN') REPLACE\n",
                "Primary QM2: 1 changed", "run-qm2");
        qm3Plan = baselines.savePlan("QM3", "QM3", qm3.id(), monday, "DEFINE QLOCAL('LEDGER.IN') REPLACE\n",
                "Primary QM3: 1 changed", "run-qm3");
    }

    @AfterEach
    void undeploy() {
        repositoryService.createDeploymentQuery().deploymentName(PROCESS).list()
                .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
    }

    @Test
    void aChangeManagerReadsTheBaselinesOfTheQueueManagersTheirGatedRunsTargetOnly() throws Exception {
        // A run on QM2 that does not ask them anything yet: no baseline is theirs to read.
        identityService.setAuthentication("operator", List.of(Groups.OPERATORS));
        String run = runtimeService.startProcessInstanceByKey(PROCESS, "CHG-BL-1", Map.of("queueManager", "QM2"))
                .getId();
        identityService.clearAuthentication();
        for (String path : everyRead(qm3, qm3, qm3Plan)) {
            assertRefused(path);
        }
        for (String path : everyRead(qm2Monday, qm2Friday, qm2Plan)) {
            assertRefused(path);
        }
        assertThat(queueManagersListed("changemgr", "/api/baselines")).isEmpty();

        // Its gate opens: what the gate's form links to, QM2's baselines, diff and levelling plan, open for them.
        taskService.complete(openTask(run));
        openTask(run);
        for (String path : everyRead(qm2Monday, qm2Friday, qm2Plan)) {
            ResponseEntity<String> read = get("changemgr", path);
            assertThat(read.getStatusCode()).as("changemgr GET " + path + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
        }
        assertThat(get("changemgr", "/api/baselines/" + qm2Friday.id() + ".mqsc").getBody())
                .isEqualTo("DEFINE QLOCAL('PAYMENT.IN') MAXDEPTH(9000) REPLACE\n");
        assertThat(JSON.readTree(get("changemgr", "/api/baselines/levelling/" + qm2Plan.id()).getBody())
                .path("backupQueueManager").asText()).isEqualTo("QM2_DR");
        // QM3's stay closed, alone or beside QM2's, and the list names QM2 only.
        for (String path : everyRead(qm3, qm3, qm3Plan)) {
            assertRefused(path);
        }
        assertRefused("/api/baselines/diff?from=" + qm2Friday.id() + "&to=" + qm3.id());
        assertThat(queueManagersListed("changemgr", "/api/baselines")).containsExactly("QM2");
        assertThat(queueManagersListed("changemgr", "/api/baselines?queueManager=QM3")).isEmpty();
        JsonNode versions = JSON.readTree(get("changemgr", "/api/baselines").getBody()).path("queueManagers").get(0)
                .path("versions");
        assertThat(versions.findValuesAsText("id")).containsExactly("" + qm2Friday.id(), "" + qm2Monday.id());

        // Auditors and operators read every queue manager's, as before.
        for (String reader : List.of("auditor", "operator")) {
            assertThat(queueManagersListed(reader, "/api/baselines")).containsExactly("QM2", "QM3");
            for (String path : everyRead(qm3, qm3, qm3Plan)) {
                assertThat(get(reader, path).getStatusCode()).as(reader + " GET " + path).isEqualTo(HttpStatus.OK);
            }
        }
        // lead is an operator and a change manager: an operator reads everything.
        assertThat(get("lead", "/api/baselines/" + qm3.id() + ".mqsc").getStatusCode()).isEqualTo(HttpStatus.OK);
        // A missing id answers a change manager as another queue manager's does: ids tell them nothing.
        ResponseEntity<String> missing = get("changemgr", "/api/baselines/" + (qm3.id() + 1000) + ".mqsc");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor", "/api/baselines/" + (qm3.id() + 1000) + ".mqsc").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertRefused(String path) {
        ResponseEntity<String> refused = get("changemgr", path);
        assertThat(refused.getStatusCode()).as("changemgr GET " + path + ": " + refused.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).as(path).contains("User 'changemgr' may not read ").contains(": a change manager"
                + " reads the baselines of the queue managers that the runs asking or having asked for their approval"
                + " target.");
    }

    /** Every read of one queue manager's baselines: a download, the difference as JSON and text, the plan. */
    private static List<String> everyRead(Baseline from, Baseline to, LevelPlanRecord plan) {
        return List.of("/api/baselines/" + to.id() + ".mqsc",
                "/api/baselines/diff?from=" + from.id() + "&to=" + to.id(),
                "/api/baselines/levelling/" + plan.id(),
                "/api/baselines/levelling/" + plan.id() + ".mqsc");
    }

    private List<String> queueManagersListed(String user, String path) throws Exception {
        ResponseEntity<String> list = get(user, path);
        assertThat(list.getStatusCode()).as(user + " GET " + path).isEqualTo(HttpStatus.OK);
        List<String> names = new java.util.ArrayList<>();
        JSON.readTree(list.getBody()).path("queueManagers").forEach(q -> names.add(q.path("queueManager").asText()));
        return names;
    }

    private Baseline save(String queueManager, Instant takenAt, String mqsc) {
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(mqsc.getBytes(StandardCharsets.UTF_8)));
            return baselines.save(queueManager, "mqeast", takenAt, sha256, 1, mqsc, "run-" + queueManager);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private String openTask(String run) {
        return taskService.createTaskQuery().processInstanceId(run).singleResult().getId();
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, String.class);
    }
}
