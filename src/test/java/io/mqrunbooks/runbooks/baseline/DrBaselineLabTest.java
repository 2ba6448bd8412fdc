package io.mqrunbooks.runbooks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.application.baseline.BackupLevelRecord;
import io.mqrunbooks.application.baseline.BaselineService;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.port.out.MqAdminPort;
import io.mqrunbooks.application.port.out.MqControlPort;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.platform.security.Groups;
import io.mqrunbooks.testsupport.LabAppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end on the lab over real SSH: a new payment channel defined on the primary QM2 (mqeast2) is flagged
 * as missing on its running distinct-name backup QM2_DR (mqwest2), levelled after approval by another user,
 * found on the backup, and the next comparison is clean. QM1's same-name backup on mqwest1 is never started.
 */
class DrBaselineLabTest extends LabAppTest {

    private static final String NEW_CHANNEL = """
            DEFINE QLOCAL('QM2.TO.CARDS.XMIT') USAGE(XMITQ) REPLACE
            DEFINE CHANNEL('QM2.TO.CARDS') CHLTYPE(SDR) CONNAME('127.0.0.1(1471)') +
                   XMITQ('QM2.TO.CARDS.XMIT') TRPTYPE(TCP) DESCR('New payment channel') REPLACE
            """;

    @Autowired
    private TaskService taskService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private MqAdminPort admin;
    @Autowired
    private MqControlPort control;
    @Autowired
    private BaselineStore store;
    @Autowired
    private BaselineService baselines;
    @Autowired
    private org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Autowired
    private javax.sql.DataSource dataSource;

    /** The app's context is shared with other end-to-end tests: leave no baselines behind for them. */
    @org.junit.jupiter.api.AfterEach
    void removeBaselines() {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        for (String table : List.of("baseline_level_plan", "baseline_backup_level", "baseline_check", "baseline_version")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void aNewPaymentChannelOnThePrimaryReachesTheRunningBackupAfterApproval() {
        try (var setUp = io.mqrunbooks.platform.run.EstateChangeGuard.outsideRun("the lab estate's set-up")) {
            assertThat(control.start("mqwest2", "QM2_DR").toString()).isNotBlank();
            assertThat(admin.applyDefinitions("QM2", NEW_CHANNEL).succeeded()).isTrue();
        }
        assertThat(labMq.objects("mqwest2", "QM2_DR")).doesNotContainKey("CHANNEL/QM2.TO.CARDS");
        labJournal.clear();

        ProcessInstance run = start("QM2");
        Task review = awaitTask(run, "userTask_reviewLag");
        String script = (String) taskService.getVariable(review.getId(), "levelScript");
        assertThat(script).contains("* CHANNEL('QM2.TO.CARDS') is missing on the backup\nDEFINE CHANNEL('QM2.TO.CARDS') +\n"
                        + "   CHLTYPE(SDR) +\n")
                .contains("   CONNAME('127.0.0.1(1471)') +\n")
                .contains("* QLOCAL('QM2.TO.CARDS.XMIT') is missing on the backup\n")
                // the lab's warm backups lack PAYMENT.NEW from the start (lab seed)
                .contains("* QLOCAL('PAYMENT.NEW') is missing on the backup\n");
        assertThat((String) taskService.getVariable(review.getId(), "levelSummary"))
                .contains("Backup QM2_DR on mqwest2 (warm): exported from QM2_DR on mqwest2 (running, distinct DR name)\n");
        // What the gate's form links to: the levelling plan, its script and QM2's baseline (ChangeManagerBaselineReadsTest)
        Object planId = taskService.getVariable(review.getId(), "levelPlanId");
        List<String> gateLinks = List.of("/api/baselines/levelling/" + planId, "/api/baselines/levelling/" + planId
                + ".mqsc", "/api/baselines/" + taskService.getVariable(review.getId(), "baselineId") + ".mqsc");
        complete(review, "operator", Groups.OPERATORS, Map.of("levelling", "request", "reviewComment", "card channel"));

        Task gate = awaitTask(run, "userTask_approveLevelling");
        gateLinks.forEach(link -> assertThat(rest.withBasicAuth("changemgr", "changemgr").getForEntity(link,
                String.class).getStatusCode().value()).as(link).isEqualTo(200));
        complete(gate, "changemgr", Groups.CHANGE_MANAGERS, Map.of("decision", "approve", "levellingComment", "CHG-2211"));
        HistoricProcessInstance ended = awaitEnd(run);

        assertThat(variable(ended, "outcome")).isEqualTo("completed");
        assertThat(variable(ended, "runSummary")).isEqualTo(
                "QM2 -> QM2_DR: backup levelled, approved by changemgr: applied and verified by a fresh export\n");
        assertThat(labMq.objects("mqwest2", "QM2_DR")).containsKeys("CHANNEL/QM2.TO.CARDS", "QUEUE/QM2.TO.CARDS.XMIT",
                "QUEUE/PAYMENT.NEW");
        assertThat(labMq.objects("mqwest2", "QM2_DR").get("CHANNEL/QM2.TO.CARDS").attribute("CONNAME"))
                .isEqualTo("127.0.0.1(1471)");
        assertThat(mqCommands()).containsSubsequence(
                "mqeast2: dmpmqcfg -m QM2 -a",
                "mqwest2: dmpmqcfg -m QM2_DR -a",
                "mqwest2: runmqsc QM2_DR",
                "mqwest2: dmpmqcfg -m QM2_DR -a");
        assertThat(store.latestBackupLevel("QM2")).map(BackupLevelRecord::state).contains(BackupLevelRecord.State.APPLIED);

        // the next comparison is clean: no task, nothing new stored, nothing applied
        int versions = store.list(java.util.Optional.of("QM2")).size();
        labJournal.clear();
        HistoricProcessInstance next = awaitEnd(start("QM2"));
        assertThat(variable(next, "runSummary")).isEqualTo("QM2 -> QM2_DR: backup level with the primary's baseline\n");
        assertThat(store.list(java.util.Optional.of("QM2"))).hasSize(versions);
        assertThat(mqCommands()).noneMatch(c -> c.startsWith("mqwest2: runmqsc"));
    }

    @Test
    void aStoppedSameNameBackupGetsItsBaselineRecordedForActivationAndIsNeverStarted() {
        ProcessInstance run = start("QM1");
        complete(awaitTask(run, "userTask_reviewLag"), "operator", Groups.OPERATORS, Map.of("levelling", "request"));
        complete(awaitTask(run, "userTask_approveLevelling"), "changemgr", Groups.CHANGE_MANAGERS,
                Map.of("decision", "approve"));
        HistoricProcessInstance ended = awaitEnd(run);

        assertThat(variable(ended, "runSummary")).isEqualTo(
                "QM1 -> QM1: backup levelled, approved by changemgr: recorded to be applied at activation\n");
        assertThat(labMq.queueManagerState("mqwest1", "QM1")).contains(io.mqrunbooks.mq.QmStatus.ENDED_NORMALLY);
        assertThat(labJournal.entriesFor("mqwest1")).extracting(LabJournal.Entry::commandLine)
                .noneMatch(c -> c.contains("strmqm") || c.contains("runmqsc"));
        assertThat(store.latestBackupLevel("QM1").filter(r -> r.state() == BackupLevelRecord.State.TO_APPLY_AT_ACTIVATION)
                .flatMap(r -> store.find(r.baselineId()))).isPresent();
        assertThat(control.status("mqwest1", "QM1").status()).isEqualTo(QmStatus.ENDED_NORMALLY);
    }

    @Test
    void theBaselinesApiIsBehindTheAuthenticationFilter() {
        baselines.capture("QM2", "api-test");
        org.camunda.bpm.engine.identity.User guest = identityService.newUser("blguest");
        guest.setPassword("Bl-Gue5t#Pass2026");
        identityService.saveUser(guest);
        try {
            assertThat(rest.getForEntity("/api/baselines", String.class).getStatusCode().value()).isEqualTo(401);
            var auditor = rest.withBasicAuth("auditor", "auditor").getForEntity("/api/baselines?queueManager=QM2",
                    String.class);
            assertThat(auditor.getStatusCode().value()).isEqualTo(200);
            assertThat(auditor.getBody()).contains("\"queueManager\" : \"QM2\"");
            long id = store.latest("QM2").orElseThrow().id();
            var file = rest.withBasicAuth("operator", "operator").getForEntity("/api/baselines/" + id + ".mqsc",
                    String.class);
            assertThat(file.getBody()).startsWith("*****").contains("DEFINE QLOCAL('PAYMENT.NEW') +\n");
            assertThat(rest.withBasicAuth("blguest", "Bl-Gue5t#Pass2026").getForEntity("/api/baselines", String.class)
                    .getStatusCode().value()).isEqualTo(403);
        } finally {
            identityService.deleteUser("blguest");
        }
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(String queueManagers) {
        identityService.setAuthentication("operator", List.of(Groups.OPERATORS));
        try {
            return runtimeService.startProcessInstanceByKey("drBaselineProcess",
                    Map.of("queueManagers", queueManagers, "reason", "end-to-end test"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void complete(Task task, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task awaitTask(ProcessInstance run, String taskKey) {
        return await("task " + taskKey + " of " + run.getId(), () -> taskService.createTaskQuery()
                .processInstanceId(run.getId()).taskDefinitionKey(taskKey).singleResult());
    }

    private HistoricProcessInstance awaitEnd(ProcessInstance run) {
        return await("end of " + run.getId(), () -> {
            HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(run.getId()).singleResult();
            if (h != null && h.getEndTime() == null && runtimeService.createIncidentQuery()
                    .processInstanceId(run.getId()).count() > 0) {
                throw new AssertionError("incident: " + runtimeService.createIncidentQuery()
                        .processInstanceId(run.getId()).list().get(0).getIncidentMessage());
            }
            return h != null && h.getEndTime() != null ? h : null;
        });
    }

    private Object variable(HistoricProcessInstance run, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(name).singleResult().getValue();
    }

    private List<String> mqCommands() {
        return labJournal.entries().stream()
                .filter(e -> !e.argv().isEmpty() && List.of("dmpmqcfg", "runmqsc").contains(e.argv().get(0)))
                .map(e -> e.host() + ": " + String.join(" ", e.argv()))
                .toList();
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("timed out after 90 s waiting for " + what);
    }
}
