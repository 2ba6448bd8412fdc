package io.mqrunbooks.runbooks.dractivation;

import io.mqrunbooks.mq.QmStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.evidence.ChainVerification;
import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.lab.LabJournal;
import io.mqrunbooks.testsupport.LabAppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app against the lab over real SSH: the DR activation of QM1 (warm, same name on mqwest1) with the
 * primary host down, and with the primary still running. The lab journal is the proof of order.
 */
class DrActivationLabTest extends LabAppTest {

    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    EvidenceStore evidenceStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunReportService reports;

    String run;

    @Test
    void primaryHostDownActivatesTheBackupWithChannelsTestMessageAndCcdt() {
        labMq.failHost("mqeast1");
        labFaults.hostDown("mqeast1");
        start("QM1");

        Task gate = awaitTask("userTask_declareDisaster");
        assertThat(text("assessmentSummary")).startsWith("Primary QM1 on mqeast1: host mqeast1 unreachable: ");
        complete(gate, "changemgr", "change-managers", Map.of("decision", "approve", "declarationComment", "Declared"));
        complete(awaitTask("userTask_confirmIsolation"), "operator", "mq-operators", Map.of("isolationMethod", "power",
                "isolationDetails", "mqeast1 powered off", "isolationConfirmed", true));
        complete(awaitTask("userTask_confirmObjectsCurrent"), "operator", "mq-operators",
                Map.of("objectsCurrentDetails", "Nightly export applied", "objectsCurrentConfirmed", true));
        confirmPartnersAndRedirect();

        assertThat(text("outcome")).isEqualTo("completed");
        assertThat(labMq.queueManagerState("mqwest1", "QM1")).contains(QmStatus.RUNNING);
        assertThat(labMq.queueManagerState("mqeast1", "QM1")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));
        assertThat(text("channelStatusSummary")).isEqualTo("QM1.TO.BANK: RUNNING\nQM1.TO.CARDS: RUNNING");
        assertThat(text("testMessageSummary")).contains("put and got back test message ",
                " on MQRUNBOOKS.TEST of QM1 on mqwest1 in ");
        assertThat(text("ccdtJson")).isEqualToIgnoringWhitespace("""
                {"channel":[{"name":"APP.SVRCONN","clientConnection":{"connection":[{"host":"127.0.0.1","port":1414}],
                "queueManager":"QM1"},"type":"clientConnection"}]}""");
        assertThat(text("activationSummary")).startsWith("RTO (declaration to the first test message through the backup): ");
        assertThat(commands("mqwest1")).contains("strmqm QM1");
        assertThat(commands("mqeast1")).noneMatch(c -> c.contains("endmqm"));
        assertNeverTwoRunning("QM1", Set.of());
        assertTheAuditTrailIsComplete();
    }

    @Test
    void aRunningPrimaryIsEndedAndProvenEndedBeforeTheBackupStarts() {
        start("QM1");
        complete(awaitTask("userTask_declareDisaster"), "changemgr", "change-managers",
                Map.of("decision", "approve", "declarationComment", "Declared"));
        confirmPartnersAndRedirect();

        assertThat(text("outcome")).isEqualTo("completed");
        List<LabJournal.Entry> journal = labJournal.entries();
        int ended = indexOf(journal, "mqeast1", "endmqm");
        int provenEnded = indexOfAfter(journal, "mqeast1", "dspmq", ended);
        int started = indexOf(journal, "mqwest1", "strmqm");
        assertThat(ended).as("endmqm on mqeast1").isNotNegative();
        assertThat(provenEnded).as("dspmq on mqeast1 after endmqm").isGreaterThan(ended);
        assertThat(started).as("strmqm on mqwest1 only after dspmq proved the primary ended").isGreaterThan(provenEnded);
        assertThat(labMq.queueManagerState("mqeast1", "QM1")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));
        assertThat(labMq.queueManagerState("mqwest1", "QM1")).contains(QmStatus.RUNNING);
        assertThat(text("baselineReport")).contains("QLOCAL PAYMENT.NEW: missing on the backup");
        assertThat(labMq.objects("mqwest1", "QM1")).containsKey("QUEUE/PAYMENT.NEW");
        assertNeverTwoRunning("QM1", Set.of("mqeast1"));
    }

    @Test
    void hotBackupDemotesThePrimaryNodeAndPromotesTheSecondaryBeforeStartingIt() {
        start("QMDR");
        complete(awaitTask("userTask_declareDisaster"), "changemgr", "change-managers",
                Map.of("decision", "approve", "declarationComment", "Declared"));
        complete(awaitTask("userTask_redirectClients"), "operator", "mq-operators", Map.of("redirectMethod", "dns",
                "redirectDetails", "CNAME moved", "redirectDone", true));
        awaitEnd();

        assertThat(text("outcome")).isEqualTo("completed");
        List<LabJournal.Entry> journal = labJournal.entries();
        int ended = indexOf(journal, "dr1", "endmqm");
        int demoted = indexOfAfter(journal, "dr1", "rdqmdr", ended);
        int promoted = indexOfAfter(journal, "dr2", "rdqmdr", demoted);
        int started = indexOfAfter(journal, "dr2", "strmqm", promoted);
        assertThat(List.of(ended, demoted, promoted, started)).as("endmqm dr1, rdqmdr -s dr1, rdqmdr -p dr2, strmqm dr2")
                .doesNotContain(-1);
        assertThat(journal.get(demoted).argv()).contains("-s");
        assertThat(journal.get(promoted).argv()).contains("-p");
        assertThat(labMq.queueManagerState("dr2", "QMDR")).contains(QmStatus.RUNNING);
        assertThat(text("testMessageSummary")).contains(" on MQRUNBOOKS.TEST of QMDR on dr2 in ");
        assertNeverTwoRunning("QMDR", Set.of("dr1"));
    }

    /**
     * The lab's cold backup QM3 on mqwest3 needs its media restored: confirmed without it, strmqm answers AMQ7017E
     * (exit code 23) and the run goes back to the restore confirmation with MQ's text, no incident; restored, the
     * second confirmation starts it. The report holds the refused strmqm with MQ's message and both confirmations.
     */
    @Test
    void aColdBackupWhoseLogIsNotAvailableGoesBackToTheRestoreWithMqsMessageThenStarts() {
        start("QM3");
        complete(awaitTask("userTask_declareDisaster"), "changemgr", "change-managers",
                Map.of("decision", "approve", "declarationComment", "Declared"));
        Task restore = awaitTask("userTask_confirmRestore");
        complete(restore, "operator", "mq-operators", Map.of("restoreDetails", "Restore said done (it was not)",
                "restoreConfirmed", true));

        Task again = awaitTaskOtherThan("userTask_confirmRestore", restore.getId());
        String said = "Backup log not available: strmqm QM3 on mqwest3 (exit code 23): AMQ7017E: Log not available.";
        assertThat((String) taskService.getVariable(again.getId(), "refusalReason")).isEqualTo(said);
        assertThat(labMq.queueManagerState("mqwest3", "QM3")).isNotEqualTo(java.util.Optional.of(QmStatus.RUNNING));

        labMq.restoreMedia("mqwest3", "QM3");
        complete(again, "operator", "mq-operators", Map.of("restoreDetails", "Media image and logs of 20 Nov restored",
                "restoreConfirmed", true));
        finishAfterTheBackupStarted();

        assertThat(text("outcome")).isEqualTo("completed");
        assertThat(labMq.queueManagerState("mqwest3", "QM3")).contains(QmStatus.RUNNING);
        assertThat(commands("mqwest3").stream().filter(c -> c.equals("strmqm QM3")).count()).isEqualTo(2);
        RunReport report = reports.report(run);
        assertThat(report.outcome().outcome()).isEqualTo("completed");
        assertThat(report.incidents()).isEmpty();
        assertThat(report.commands())
                .filteredOn(c -> c.host().equals("mqwest3") && c.commandLine().equals("strmqm QM3"))
                .satisfiesExactly(
                        refused -> {
                            assertThat(refused.exitCode()).isEqualTo(23);
                            assertThat(refused.stdout() + refused.stderr()).contains("AMQ7017E: Log not available.");
                        },
                        started -> assertThat(started.exitCode()).isZero());
        assertThat(report.userTasks()).filteredOn(t -> t.stepId().equals("userTask_confirmRestore"))
                .extracting(t -> t.values().get("restoreDetails"))
                .containsExactly("Restore said done (it was not)", "Media image and logs of 20 Nov restored");
        assertNeverTwoRunning("QM3", Set.of("mqeast3"));
    }

    /** Confirms the channel partners, if the queue manager has any, and the client redirect; the run ends. */
    void finishAfterTheBackupStarted() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey("userTask_confirmPartner")
                    .count() > 0) {
                confirmPartnersAndRedirect();
                return;
            }
            List<Task> redirect = taskService.createTaskQuery().processInstanceId(run)
                    .taskDefinitionKey("userTask_redirectClients").list();
            if (!redirect.isEmpty()) {
                complete(redirect.get(0), "operator", "mq-operators", Map.of("redirectMethod", "dns",
                        "redirectDetails", "CNAME moved", "redirectDone", true));
                awaitEnd();
                return;
            }
            failOnIncident();
            pause();
        }
        throw new AssertionError("No partner or redirect task within 90 s; journal: " + commandLines());
    }

    Task awaitTaskOtherThan(String key, String previousTaskId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey(key).list();
            if (!tasks.isEmpty() && !tasks.get(0).getId().equals(previousTaskId)) {
                return tasks.get(0);
            }
            failOnIncident();
            pause();
        }
        throw new AssertionError("No new task " + key + " within 90 s; journal: " + commandLines());
    }

    /**
     * Issue 16: a gate completion that carries its own {@code baseline} (MQSC with a privileged client channel and
     * a raw carriage return, and the assessed version's id with another hash) is refused by the apply step, naming
     * the id and both hashes; the lab journal shows the backup started and then neither exported nor given MQSC.
     */
    @Test
    void aForgedBaselineVariableIsRefusedAndNoMqscReachesTheBackup() {
        start("QM1");
        Task gate = awaitTask("userTask_declareDisaster");
        JsonNode assessed = json(String.valueOf(runtimeService.getVariable(run, "baseline")));
        long id = assessed.get("id").asLong();
        String forged = "0".repeat(64);
        Map<String, Object> forgedCompletion = Map.of("decision", "approve", "comment", "Declared",
                "baseline", "{\"id\":" + id + ",\"sha256\":\"" + forged + "\",\"script\":\"DEFINE CHANNEL('EVIL.SVRCONN') "
                        + "CHLTYPE(SVRCONN) MCAUSER('mqm') REPLACE\\r\\n\"}");
        // The gate refuses first: the completion would approve a baseline other than the one it showed.
        assertThatThrownBy(() -> complete(gate, "changemgr", "change-managers", forgedCompletion))
                .hasMessageContaining("would now show its approver something else than when it opened");
        // Behind it, the apply step checks for itself: a gate opened before what gates show was kept (V6) has no row.
        jdbc.update("DELETE FROM run_gate_shown WHERE task_id = ?", gate.getId());
        complete(gate, "changemgr", "change-managers", forgedCompletion);

        String failure = awaitJobFailure("serviceTask_applyBaseline");
        runtimeService.deleteProcessInstance(run, "attack replayed");
        assertThat(failure).isEqualTo("Baseline #" + id + " refused, nothing applied to QM1 on mqwest1: the run names sha256 "
                + forged + ", the stored MQSC hashes to sha256 " + assessed.get("sha256").asText());
        assertThat(commands("mqwest1")).contains("strmqm QM1")
                .noneMatch(c -> c.startsWith("runmqsc") || c.startsWith("dmpmqcfg"));
        assertThat(labMq.objects("mqwest1", "QM1")).doesNotContainKey("CHANNEL/EVIL.SVRCONN")
                .doesNotContainKey("QUEUE/PAYMENT.NEW");
    }

    String awaitJobFailure(String activityId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            var failures = historyService.createHistoricJobLogQuery().processInstanceId(run).activityIdIn(activityId)
                    .failureLog().list();
            if (!failures.isEmpty()) {
                return failures.get(0).getJobExceptionMessage();
            }
            pause();
        }
        throw new AssertionError("No failure at " + activityId + " within 90 s; journal: " + commandLines());
    }

    /**
     * Issue 8: the run's evidence holds every command the lab ran, in the lab's order, with exit code and
     * output; the declaration gate with its approver and decision; the chain verifies, and an altered record
     * is found.
     */
    void assertTheAuditTrailIsComplete() {
        List<EvidenceRecord> records = evidenceStore.records(run);
        List<JsonNode> attempts = records.stream().filter(r -> r.kind() == EvidenceKind.COMMAND)
                .map(r -> json(r.payload())).toList();
        // Calls to the powered-off primary never reached a host: recorded with exit -1 and the SSH error.
        assertThat(attempts).filteredOn(c -> c.get("exitCode").asInt() == -1).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("host").asText() + " " + c.get("stderr").asText())
                        .startsWith("mqeast1 ").contains("unreachable"));
        List<JsonNode> commands = attempts.stream().filter(c -> c.get("exitCode").asInt() != -1).toList();
        List<LabJournal.Entry> journal = labJournal.entries();
        assertThat(commands).extracting(c -> c.get("host").asText() + ": " + c.get("commandLine").asText())
                .containsExactlyElementsOf(journal.stream().map(e -> e.host() + ": " + String.join(" ", e.argv())).toList());
        assertThat(commands).extracting(c -> c.get("exitCode").asInt())
                .containsExactlyElementsOf(journal.stream().map(LabJournal.Entry::exitCode).toList());
        assertThat(commands).filteredOn(c -> c.get("commandLine").asText().equals("strmqm QM1")).singleElement()
                .satisfies(c -> assertThat(c.get("stdout").asText()).contains("IBM MQ queue manager 'QM1' started"));

        assertThat(records).filteredOn(r -> r.kind() == EvidenceKind.GATE).singleElement().satisfies(gate -> {
            assertThat(gate.stepName()).isEqualTo("Declare disaster for QM1");
            assertThat(gate.actor()).isEqualTo("changemgr");
            assertThat(json(gate.payload()).get("decision").asText()).isEqualTo("approve");
            assertThat(json(gate.payload()).get("comment").asText()).isEqualTo("Declared");
        });
        assertThat(evidenceStore.verifyChain(run).intact()).isTrue();

        EvidenceRecord altered = records.stream().filter(r -> r.kind() == EvidenceKind.COMMAND).findFirst().orElseThrow();
        jdbc.update("UPDATE evidence_record SET payload = ? WHERE id = ?",
                altered.payload().replace("\"exitCode\":", "\"exitCode\":1"), altered.id());
        ChainVerification verification = evidenceStore.verifyChain(run);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken().sequence()).isEqualTo(altered.sequence());
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    // ------------------------------------------------------------------ helpers

    void start(String queueManager) {
        identityService.setAuthentication("operator", List.of("mq-operators"));
        try {
            Map<String, Object> form = new HashMap<>();
            form.put("queueManager", queueManager);
            form.put("reason", "East data centre lost");
            form.put("incidentReference", "INC-4711");
            form.put("declaredBy", "Duty manager");
            form.put("clientChannel", "APP.SVRCONN");
            run = runtimeService.startProcessInstanceByKey("drActivationProcess", "INC-4711", form).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    void confirmPartnersAndRedirect() {
        Task first = awaitTask("userTask_confirmPartner");
        assertThat(first).isNotNull();
        for (Task partner : taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey("userTask_confirmPartner").list()) {
            complete(partner, "operator", "mq-operators", Map.of("partnerConfirmedBy", "J. Smith",
                    "partnerConfirmedAt", "2026-11-21T06:30", "firewallTicketReference", "FW-1"));
        }
        complete(awaitTask("userTask_redirectClients"), "operator", "mq-operators", Map.of("redirectMethod", "dns",
                "redirectDetails", "CNAME moved", "redirectDone", true));
        awaitEnd();
    }

    void complete(Task task, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    Task awaitTask(String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<Task> tasks = taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey(key).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            failOnIncident();
            pause();
        }
        throw new AssertionError("No task " + key + " within 90 s; journal: " + commandLines());
    }

    void awaitEnd() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(run).count() == 0) {
                return;
            }
            failOnIncident();
            pause();
        }
        throw new AssertionError("The run did not end within 90 s; journal: " + commandLines());
    }

    void failOnIncident() {
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(run).list();
        if (!incidents.isEmpty()) {
            throw new AssertionError("Incident at " + incidents.get(0).getActivityId() + ": "
                    + incidents.get(0).getIncidentMessage() + "; journal: " + commandLines());
        }
        // a failing job with retries left shows its exception message before it becomes an incident
        historyService.createHistoricJobLogQuery().processInstanceId(run).failureLog().list().stream().findFirst()
                .ifPresent(log -> {
                    throw new AssertionError("Job failed at " + log.getActivityId() + ": " + log.getJobExceptionMessage()
                            + "; journal: " + commandLines());
                });
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String text(String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(run)
                .variableName(name).list().stream().filter(v -> run.equals(v.getActivityInstanceId())).findFirst()
                .orElse(null);
        return variable == null ? null : String.valueOf(variable.getValue());
    }

    List<String> commands(String host) {
        return labJournal.entriesFor(host).stream().map(e -> String.join(" ", e.argv())).toList();
    }

    List<String> commandLines() {
        return labJournal.entries().stream().map(e -> e.host() + ": " + e.commandLine()).toList();
    }

    static int indexOf(List<LabJournal.Entry> journal, String host, String program) {
        for (int i = 0; i < journal.size(); i++) {
            if (isProgram(journal.get(i), host, program)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOfAfter(List<LabJournal.Entry> journal, String host, String program, int after) {
        for (int i = after + 1; i < journal.size(); i++) {
            if (isProgram(journal.get(i), host, program)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isProgram(LabJournal.Entry entry, String host, String program) {
        return entry.host().equals(host) && !entry.argv().isEmpty()
                && entry.argv().get(0).replace("/opt/mqm/bin/", "").equals(program)
                && entry.exitCode() != null && entry.exitCode() == 0;
    }

    /**
     * Replays the journal: a successful strmqm makes the queue manager run on that host, a successful endmqm
     * (or the host failing before the run) stops it. At no point may it run on two hosts.
     */
    void assertNeverTwoRunning(String queueManager, Set<String> runningWhenTheRunBegan) {
        Set<String> running = new HashSet<>(runningWhenTheRunBegan);
        List<String> timeline = new ArrayList<>();
        for (LabJournal.Entry entry : labJournal.entries()) {
            if (entry.argv().isEmpty() || !entry.argv().contains(queueManager) || entry.exitCode() == null
                    || entry.exitCode() != 0) {
                continue;
            }
            String program = entry.argv().get(0).replace("/opt/mqm/bin/", "");
            if (program.equals("strmqm")) {
                running.add(entry.host());
            } else if (program.equals("endmqm")) {
                running.remove(entry.host());
            }
            timeline.add(entry.host() + ": " + entry.commandLine() + " -> running on " + running);
            assertThat(running).as("running hosts of %s after %s", queueManager, timeline).hasSizeLessThanOrEqualTo(1);
        }
    }
}
