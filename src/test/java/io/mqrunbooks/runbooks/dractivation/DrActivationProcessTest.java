package io.mqrunbooks.runbooks.dractivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.mq.MqscDefinitions;
import io.mqrunbooks.mq.MqscParser;
import io.mqrunbooks.mq.ControlOutcome;
import io.mqrunbooks.mq.ControlResult;
import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.QmStatus;
import io.mqrunbooks.testsupport.DatabaseTest;
import io.mqrunbooks.testsupport.RunbookTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of drActivationProcess on the in-memory engine, over a stateful fake of both MQ ports. */
@DatabaseTest
@Deployment(resources = {"processes/drActivationProcess.bpmn", "forms/drActivationStart.form",
        "forms/drActivationDeclare.form", "forms/drActivationConfirmIsolation.form",
        "forms/drActivationConfirmRestore.form", "forms/drActivationConfirmObjectsCurrent.form",
        "forms/drActivationConfirmPartner.form", "forms/drActivationChannelDecision.form",
        "forms/drActivationDrainDecision.form", "forms/drActivationRedirectClients.form"})
class DrActivationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = RunbookTestEngine.extension();

    static final String QM1_PRIMARY = """
            DEFINE QLOCAL('PAYMENT.IN') MAXDEPTH(500000) DEFPSIST(YES) REPLACE
            DEFINE QLOCAL('PAYMENT.NEW') DEFPSIST(YES) REPLACE
            DEFINE QLOCAL('QM1.TO.BANK.XMIT') USAGE(XMITQ) REPLACE
            DEFINE QLOCAL('QM1.TO.CARDS.XMIT') USAGE(XMITQ) REPLACE
            DEFINE CHANNEL('QM1.TO.BANK') CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('gw.bank.example(1414)') XMITQ('QM1.TO.BANK.XMIT') REPLACE
            DEFINE CHANNEL('QM1.TO.CARDS') CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('gw.cards.example(1414)') XMITQ('QM1.TO.CARDS.XMIT') REPLACE
            DEFINE LISTENER('LISTENER.TCP') TRPTYPE(TCP) PORT(1414) CONTROL(QMGR) REPLACE
            """;
    /** The warm backup lags: no PAYMENT.NEW, and PAYMENT.IN with a smaller MAXDEPTH. */
    static final String QM1_BACKUP = QM1_PRIMARY.replace("DEFINE QLOCAL('PAYMENT.NEW') DEFPSIST(YES) REPLACE\n", "")
            .replace("MAXDEPTH(500000)", "MAXDEPTH(5000)");

    RuntimeService runtimeService;
    TaskService taskService;
    ManagementService managementService;
    IdentityService identityService;
    HistoryService historyService;

    DrActivationRig rig;
    /** The failure that stopped {@link #drive()}, if a step failed. */
    RuntimeException lastFailure;
    String run;

    @BeforeEach
    void setUp() {
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        managementService = engine.getManagementService();
        identityService = engine.getIdentityService();
        historyService = engine.getHistoryService();
        rig = new DrActivationRig();
        rig.register();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        identityService.clearAuthentication();
    }

    // ------------------------------------------------------------------ paths

    @Test
    void primaryRunningIsEndedAndProvenEndedBeforeTheWarmBackupStarts() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.versions.put("mqeast1", "9.4.0.26");
        start("QM1");

        Task gate = task("userTask_declareDisaster");
        assertThat((String) var("assessmentSummary")).startsWith(
                "Primary QM1 on mqeast1: host reachable, dspmq shows Running.\n"
                        + "Backup QM1 on mqwest1, level warm (same name on another host).\n\nIf you declare the disaster:\n"
                        + "1. QM1 on mqeast1 is ended with endmqm -i, and dspmq must show it Ended before anything starts at the backup.")
                .contains("Object baseline: exported from QM1 on mqeast1 before fencing (7 definitions)");
        assertThat((String) var("versionReport")).startsWith("""
                Host     Queue manager  Installed  Bulletins
                mqeast1  QM1            9.4.0.26   none known
                mqwest1  QM1            9.4.0.0    CVE-2026-1713, CVE-2026-10027
                WARNING: mqwest1 runs 9.4.0.0, affected by CVE-2026-1713 (9.4.0.0–9.4.0.17 LTS;""");
        assertThat(rig.mq.journal).contains("mqeast1: dspmqver", "mqwest1: dspmqver")
                .noneMatch(c -> c.contains("endmqm") || c.contains("strmqm"));
        approveGate(gate);

        confirmPartners();
        assertThat(var("outcome")).isEqualTo("completed");

        List<String> journal = rig.mq.journal;
        int ended = journal.indexOf("mqeast1: endmqm -i QM1");
        int provenEnded = journal.lastIndexOf("mqeast1: dspmq -m QM1");
        int started = journal.indexOf("mqwest1: strmqm QM1");
        assertThat(ended).isNotNegative();
        assertThat(provenEnded).isGreaterThan(ended);
        assertThat(started).isGreaterThan(provenEnded);
        assertThat(journal).containsSubsequence("mqwest1: strmqm QM1", "mqwest1: DEFINE QLOCAL PAYMENT.NEW REPLACE QM1",
                "mqwest1: DEFINE QLOCAL PAYMENT.IN REPLACE QM1", "mqwest1: START LISTENER(LISTENER.TCP) QM1",
                "mqwest1: ALTER CHANNEL(QM1.TO.BANK) CONNAME('127.0.0.1(1471)') QM1",
                "mqwest1: START CHANNEL(QM1.TO.BANK) QM1",
                "mqwest1: ALTER CHANNEL(QM1.TO.CARDS) CONNAME('127.0.0.1(1471)') QM1",
                "mqwest1: START CHANNEL(QM1.TO.CARDS) QM1", "mqwest1: put MQRUNBOOKS.TEST QM1", "mqwest1: get MQRUNBOOKS.TEST QM1");
        assertThat((String) var("fencingSummary")).isEqualTo("""
                endmqm -i QM1 on mqeast1: IBM MQ queue manager 'QM1' ended.
                Proven ended: dspmq on mqeast1 shows Ended immediately
                Re-check before starting the backup: dspmq shows Ended immediately -> safe to start the backup""");
        assertThat((String) var("baselineReport")).isEqualTo("Baseline " + rig.baselines.latest("QM1").orElseThrow().describe()
                + ".\n" + """
                2 of 7 baseline objects differed and were replaced (DEFINE ... REPLACE), now verified:
                - QLOCAL PAYMENT.NEW: missing on the backup
                - QLOCAL PAYMENT.IN: MAXDEPTH 5000 on the backup, 500000 in the baseline
                Only on the backup (left as they are): QLOCAL MQRUNBOOKS.TEST
                Differing but not applied (queue manager attributes and security records are decided by a person): \
                QMGR (DESCR)""");
        assertThat((String) var("channelSummary")).isEqualTo("""
                QM1.TO.BANK: ALTER CHANNEL CONNAME('127.0.0.1(1471)') (was 'gw.bank.example(1414)')
                QM1.TO.BANK: START CHANNEL
                QM1.TO.CARDS: ALTER CHANNEL CONNAME('127.0.0.1(1471)') (was 'gw.cards.example(1414)')
                QM1.TO.CARDS: START CHANNEL""");
        assertThat((String) var("clusterSummary")).isEqualTo("QM1 is in no cluster: nothing to check");
        assertThat((String) var("ccdtJson")).isEqualToIgnoringWhitespace("""
                {"channel":[{"name":"APP.SVRCONN","clientConnection":{"connection":[{"host":"127.0.0.1","port":1414}],
                "queueManager":"QM1"},"type":"clientConnection"}]}""");
        assertThat(var("partnerConfirmations").toString()).contains("\"channel\":\"QM1.TO.BANK\"",
                "\"confirmedBy\":\"J. Smith, Bank of Example\"", "\"recordedBy\":\"operator\"", "\"channel\":\"QM1.TO.CARDS\"");
        assertThat((Long) var("rtoSeconds")).isNotNull().isNotNegative();
        assertThat((String) var("activationSummary")).startsWith("RTO (declaration to the first test message through the backup): ")
                .contains("Assess the primary: ", "Decision and fencing: ", "Prepare and start the backup: ",
                        "Channel partners and sender channels: ", "Test message: ", "Client redirect: ");
        assertNeverTwoRunning("QM1");
    }

    @Test
    void primaryHostDownNeedsAConfirmedIsolationAndTheDistinctDrNameIsUsedThroughout() {
        rig.mq.queueManager("mqeast2", "QM2", QmStatus.RUNNING, QM2_OBJECTS)
                .queueManager("mqwest2", "QM2_DR", QmStatus.ENDED_NORMALLY, QM2_OBJECTS);
        rig.mq.unreachable.add("mqeast2");
        start("QM2");

        assertThat((String) var("assessmentSummary")).startsWith("Primary QM2 on mqeast2: host mqeast2 unreachable: ssh mqeast2:")
                .contains("Backup QM2_DR on mqwest2, level warm (distinct DR name).",
                        "1. An operator must confirm that the primary is isolated (power or network) and say how.",
                        "Object baseline: the primary cannot be exported: host mqeast2 unreachable",
                        "; the DR-baseline runbook has stored no baseline of QM2; an operator will confirm the backup's objects are current.");
        approveGate(task("userTask_declareDisaster"));

        Task isolation = task("userTask_confirmIsolation");
        complete(isolation, "operator", "mq-operators", Map.of("isolationMethod", "power",
                "isolationDetails", "Rack E12 powered off by DC ops, ticket DC-991", "isolationConfirmed", true));
        Task objects = task("userTask_confirmObjectsCurrent");
        complete(objects, "operator", "mq-operators", Map.of("objectsCurrentDetails", "Nightly export applied 02:00",
                "objectsCurrentConfirmed", true));
        confirmPartners();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(rig.mq.journal).noneMatch(c -> c.startsWith("mqeast2: endmqm"))
                .contains("mqwest2: strmqm QM2_DR", "mqwest2: START LISTENER(LISTENER.TCP) QM2_DR",
                        "mqwest2: ALTER CHANNEL(QM2.TO.BANK) CONNAME('127.0.0.1(1471)') QM2_DR",
                        "mqwest2: START CHANNEL(QM2.TO.BANK) QM2_DR", "mqwest2: put MQRUNBOOKS.TEST QM2_DR",
                        "mqwest2: DEFINE QLOCAL MQRUNBOOKS.TEST REPLACE QM2_DR");
        assertThat(rig.mq.journal).noneMatch(c -> c.contains("dmpmqcfg") && c.contains(" QM2") && !c.contains("QM2_DR"));
        assertThat((String) var("ccdtJson")).contains("\"queueManager\" : \"QM2_DR\"", "\"port\" : 1424");
        assertThat(var("baselineReport")).isNull();
        assertThat((String) var("testMessageSummary")).startsWith("DEFINE QLOCAL('MQRUNBOOKS.TEST') REPLACE (it was missing); "
                + "put and got back test message ").contains(" on MQRUNBOOKS.TEST of QM2_DR on mqwest2 in ");
        Map<String, Object> isolationRecord = historic("isolationDetails", "isolationMethod");
        assertThat(isolationRecord).containsEntry("isolationMethod", "power")
                .containsEntry("isolationDetails", "Rack E12 powered off by DC ops, ticket DC-991");
    }

    @Test
    void withThePrimaryDownTheBaselineStoredByTheDrBaselineRunbookIsApplied() {
        rig.mq.queueManager("mqeast2", "QM2", QmStatus.RUNNING, QM2_OBJECTS)
                .queueManager("mqwest2", "QM2_DR", QmStatus.ENDED_NORMALLY, QM2_OBJECTS);
        rig.mq.unreachable.add("mqeast2");
        Baseline stored = storeBaseline("QM2", "mqeast2", QM2_OBJECTS + "DEFINE QLOCAL('PAYMENT.NEW') REPLACE\n");
        start("QM2");
        assertThat((String) var("assessmentSummary")).contains("Object baseline: stored by the DR-baseline runbook: "
                + "#" + stored.id() + " of QM2 (2026-11-21T02:00:04Z, 4 objects, sha256 " + stored.sha256().substring(0, 12)
                + "…) (the primary cannot be exported: host mqeast2 unreachable: ");
        approveGate(task("userTask_declareDisaster"));
        complete(task("userTask_confirmIsolation"), "operator", "mq-operators", Map.of("isolationMethod", "power",
                "isolationDetails", "Powered off", "isolationConfirmed", true));
        confirmPartners();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run)
                .activityId("userTask_confirmObjectsCurrent").count()).isZero();
        assertThat((String) var("baselineReport")).contains("1 of 4 baseline objects differed",
                "- QLOCAL PAYMENT.NEW: missing on the backup");
        assertThat(rig.mq.journal).contains("mqwest2: DEFINE QLOCAL PAYMENT.NEW REPLACE QM2_DR");
    }

    @Test
    void primaryRunningAgainAtTheRecheckIsFencedBeforeTheBackupStarts() {
        rig.mq.queueManager("mqeast2", "QM2", QmStatus.RUNNING, QM2_OBJECTS)
                .queueManager("mqwest2", "QM2_DR", QmStatus.ENDED_NORMALLY, QM2_OBJECTS);
        rig.mq.unreachable.add("mqeast2");
        start("QM2");
        approveGate(task("userTask_declareDisaster"));
        complete(task("userTask_confirmIsolation"), "operator", "mq-operators", Map.of("isolationMethod", "network",
                "isolationDetails", "Switch ports shut", "isolationConfirmed", true));
        // While people decided, the host came back with QM2 running.
        rig.mq.unreachable.remove("mqeast2");
        complete(task("userTask_confirmObjectsCurrent"), "operator", "mq-operators",
                Map.of("objectsCurrentDetails", "checked", "objectsCurrentConfirmed", true));
        confirmPartners();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(rig.mq.journal).containsSubsequence("mqeast2: dspmq -m QM2", "mqeast2: endmqm -i QM2",
                "mqeast2: dspmq -m QM2", "mqeast2: dspmq -m QM2", "mqwest2: strmqm QM2_DR");
        assertThat((String) var("fencingSummary")).startsWith(
                "Re-check before starting the backup: dspmq shows Running -> fencing again\n"
                        + "endmqm -i QM2 on mqeast2: IBM MQ queue manager 'QM2' ended.\n"
                        + "Proven ended: dspmq on mqeast2 shows Ended immediately\n"
                        + "Re-check before starting the backup: dspmq shows Ended immediately -> safe to start the backup");
        assertNeverTwoRunning("QM2");
    }

    @Test
    void hotBackupDemotesThePrimaryAndPromotesTheSecondaryAndTheGateNamesTheLossWhenInconsistent() {
        rig.mq.queueManager("dr1", "QMDR", QmStatus.RUNNING, "DEFINE QLOCAL('APP.IN') REPLACE\n")
                .queueManager("dr2", "QMDR", QmStatus.ENDED_IMMEDIATELY, "DEFINE QLOCAL('APP.IN') REPLACE\n")
                .rdqm("dr1", "QMDR", true, DrStatus.REMOTE_UNAVAILABLE)
                .rdqm("dr2", "QMDR", false, DrStatus.INCONSISTENT);
        start("QMDR");

        assertThat((String) var("assessmentSummary")).contains(
                "Secondary node dr2: rdqmstatus shows DR status Inconsistent.",
                "WARNING: the secondary is Inconsistent. Promotion (rdqmdr -m QMDR -p) reverts it to its snapshot: "
                        + "every update since the replication link failed is LOST.",
                "1. QMDR on dr1 is ended with endmqm -i and demoted with rdqmdr -m QMDR -s");
        assertThat(var("secondaryInconsistent")).isEqualTo(true);
        approveGate(task("userTask_declareDisaster"));
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(rig.mq.journal).containsSubsequence("dr1: endmqm -i QMDR", "dr1: rdqmdr -m QMDR -s",
                "dr2: rdqmdr -m QMDR -p", "dr2: strmqm QMDR");
        assertThat(rig.mq.journal).noneMatch(c -> c.contains("DEFINE") && !c.contains("MQRUNBOOKS.TEST"));
        assertThat(var("partnerCount")).isEqualTo(0);
        assertNeverTwoRunning("QMDR");
    }

    @Test
    void coldBackupWaitsForTheRestoreConfirmationThenVerifiesTheBaseline() {
        Task restore = coldBackupAwaitingTheRestore();
        assertThat(rig.mq.journal).noneMatch(c -> c.contains("strmqm"));
        assertThat((String) var("fencingSummary")).contains("Proven ended: dspmq on mqeast3 shows Ended immediately");
        complete(restore, "operator", "mq-operators", Map.of("restoreDetails", "Media image of 20 Nov 23:00",
                "restoreConfirmed", true));
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat((String) var("baselineReport")).startsWith("Baseline " + rig.baselines.latest("QM3").orElseThrow().describe()
                + ".\n" + """
                1 of 1 baseline objects differed and were replaced (DEFINE ... REPLACE), now verified:
                - QLOCAL PAYMENT.IN: missing on the backup
                Only on the backup (left as they are): QLOCAL OLD.QUEUE
                """);
        assertThat(rig.mq.journal).containsSubsequence("mqwest3: strmqm QM3", "mqwest3: DEFINE QLOCAL PAYMENT.IN REPLACE QM3");
    }

    static final ControlResult LOG_NOT_AVAILABLE = new ControlResult(ControlOutcome.LOG_NOT_AVAILABLE,
            List.of("AMQ7017E: Log not available."), 23);

    @Test
    void coldBackupWhoseLogIsNotAvailableReturnsToTheRestoreWithMqsMessageAndStartsOnceRestored() {
        Task first = coldBackupAwaitingTheRestore();
        assertThat(taskService.getVariable(first.getId(), "refusalReason")).as("no strmqm yet").isNull();
        rig.mq.startFailure = LOG_NOT_AVAILABLE;
        complete(first, "operator", "mq-operators", Map.of("restoreDetails",
                "Media image of 20 Nov 23:00", "restoreConfirmed", true));

        Task again = task("userTask_confirmRestore");
        assertThat(lastFailure).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(run).count()).isZero();
        assertThat((String) taskService.getVariable(again.getId(), "refusalReason")).isEqualTo(
                "Backup log not available: strmqm QM3 on mqwest3 (exit code 23): AMQ7017E: Log not available.");
        assertThat(rig.mq.journal.stream().filter(c -> c.equals("mqwest3: strmqm QM3")).count())
                .as("strmqm is not retried while the log is missing").isEqualTo(1);
        assertThat(rig.mq.journal).noneMatch(c -> c.contains("START LISTENER"));

        rig.mq.startFailure = null;
        complete(again, "operator", "mq-operators", Map.of("restoreDetails", "Logs S0000101-S0000104 restored",
                "restoreConfirmed", true));
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(passed("userTask_confirmRestore")).isEqualTo(2);
        assertThat(passed("serviceTask_recheckPrimary")).as("the primary is re-checked before the second strmqm")
                .isEqualTo(2);
        assertThat(rig.mq.journal.stream().filter(c -> c.equals("mqwest3: strmqm QM3")).count()).isEqualTo(2);
        assertThat((String) var("backupSummary")).contains("strmqm QM3 on mqwest3: IBM MQ queue manager 'QM3' started");
        assertNeverTwoRunning("QM3");
    }

    @Test
    void warmBackupWhoseLogIsNotAvailableStopsWithMqsMessageInsteadOfAnIncident() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.startFailure = LOG_NOT_AVAILABLE;
        start("QM1");
        approveGate(task("userTask_declareDisaster"));

        assertThat(lastFailure).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(run).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run).count()).as("run ended").isZero();
        assertThat(passed("endEvent_logNotAvailable")).isEqualTo(1);
        assertThat(var("outcome")).isEqualTo("aborted: Backup log not available: strmqm QM1 on mqwest1 (exit code 23):"
                + " AMQ7017E: Log not available.");
        assertThat(var("refusalCode")).isEqualTo("LOG_NOT_AVAILABLE");
        assertThat(rig.mq.journal).containsOnlyOnce("mqwest1: strmqm QM1")
                .noneMatch(c -> c.contains("START LISTENER") || c.startsWith("mqwest1: DEFINE"));
    }

    @Test
    void rejectedGateEndsTheRunWithoutTouchingAnyQueueManager() {
        qm1Estate(QmStatus.RUNNING);
        start("QM1");
        complete(task("userTask_declareDisaster"), "changemgr", "change-managers",
                Map.of("decision", "reject", "declarationComment", "Primary is only slow; fix in place"));
        drive();

        assertThat(var("outcome")).isEqualTo("rejected: Primary is only slow; fix in place");
        assertThat(rig.mq.journal).noneMatch(c -> c.contains("endmqm") || c.contains("strmqm") || c.contains("ALTER"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run)
                .activityId("endEvent_rejected").count()).isEqualTo(1);
    }

    @Test
    void theStarterCannotDeclareTheDisasterThemselves() {
        qm1Estate(QmStatus.RUNNING);
        start("QM1");
        Task gate = task("userTask_declareDisaster");
        identityService.setAuthentication("operator", List.of("mq-operators", "change-managers"));
        assertThatThrownBy(() -> taskService.complete(gate.getId(), Map.of("decision", "approve")))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Four-eyes rule: operator started run")
                .hasMessageContaining("cannot approve its gate 'Declare disaster for QM1'");
    }

    @Test
    void theStartMayShortenThePollsButNeverLengthenThem() {
        qm1Estate(QmStatus.RUNNING);
        start("QM1", Map.of("pollInterval", "PT2S"));
        assertThat(var("pollInterval")).as("shorter than the configured 10 seconds: taken").isEqualTo("PT2S");

        start("QM1", Map.of("pollInterval", "PT10S"));
        assertThat(var("pollInterval")).as("no shorter than the configured 10 seconds").isEqualTo("PT10S");

        assertThatThrownBy(() -> start("QM1", Map.of("pollInterval", "PT1M"))).hasMessage("'pollInterval' (Status "
                + "polls while waiting (optional)) must be one of [PT10S, PT5S, PT2S], not 'PT1M'");
    }

    @Test
    void unknownQueueManagerEndsTheRunAtOnceWithTheReason() {
        start("QMX");
        assertThat(var("outcome")).isEqualTo("aborted: Queue manager 'QMX' is not in the inventory");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run)
                .activityId("endEvent_requestRefused").count()).isEqualTo(1);
        assertThat(rig.mq.journal).isEmpty();
    }

    @Test
    void aChannelThatWillNotStartIsShownAndCanBeSkippedWithAReason() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.channelsThatWillNotStart.add("QM1.TO.CARDS");
        start("QM1");
        approveGate(task("userTask_declareDisaster"));
        confirmPartnersOnly();

        Task decision = task("userTask_decideStoppedChannels");
        assertThat((String) var("channelStatusSummary")).isEqualTo("QM1.TO.BANK: RUNNING\nQM1.TO.CARDS: RETRYING");
        complete(decision, "operator", "mq-operators", Map.of("channelDecision", "retry", "decisionReason", "Partner fixed firewall"));
        assertThat(rig.mq.journal.stream().filter(c -> c.equals("mqwest1: START CHANNEL(QM1.TO.CARDS) QM1")).count()).isEqualTo(2);
        assertThat(rig.mq.journal.stream().filter(c -> c.startsWith("mqwest1: ALTER CHANNEL(QM1.TO.CARDS)")).count())
                .as("CONNAME is altered once: the retry sees it already set").isEqualTo(1);

        complete(task("userTask_decideStoppedChannels"), "operator", "mq-operators",
                Map.of("channelDecision", "skip", "decisionReason", "Card processor repoints tomorrow"));
        finishRedirect();
        assertThat(var("outcome")).isEqualTo("completed");
        assertThat((String) var("skippedChannels")).isEqualTo("QM1.TO.CARDS (RETRYING): Card processor repoints tomorrow");
    }

    @Test
    void aChannelThatWillNotStartCanAbortTheActivation() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.channelsThatWillNotStart.add("QM1.TO.BANK");
        start("QM1");
        approveGate(task("userTask_declareDisaster"));
        confirmPartnersOnly();
        complete(task("userTask_decideStoppedChannels"), "operator", "mq-operators",
                Map.of("channelDecision", "abort", "decisionReason", "Bank gateway down as well"));
        drive();
        assertThat(var("outcome")).isEqualTo("aborted: Bank gateway down as well");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(run)
                .activityId("endEvent_aborted").count()).isEqualTo(1);
    }

    @Test
    void drainTimeoutAsksWhetherToKeepWaitingAndRecordsTheSamplesAndRate() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.depths.put("QM1.TO.BANK.XMIT", FakeMq.sequence(100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0));
        start("QM1");
        approveGate(task("userTask_declareDisaster"));
        confirmPartnersOnly();

        Task decision = task("userTask_decideDrain");
        assertThat((String) var("drainSummary")).startsWith("Depths now: QM1.TO.BANK.XMIT ")
                .contains("Drained when the total is at most 0.", "Drain rate: 1.00 messages/s.");
        complete(decision, "operator", "mq-operators", Map.of("drainDecision", "wait"));
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat((String) var("drainSummary")).startsWith("Depths now: QM1.TO.BANK.XMIT 0, QM1.TO.CARDS.XMIT 0; total 0.");
        assertThat(var("drainSamples").toString()).contains("\"total\":100", "\"total\":0");
        assertThat((Double) var("drainRate")).isEqualTo(1.0);
    }

    @Test
    void drainTimeoutCanBeOverriddenToContinueWithTheClientRedirect() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.depths.put("QM1.TO.BANK.XMIT", FakeMq.sequence(100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0));
        start("QM1");
        approveGate(task("userTask_declareDisaster"));
        confirmPartnersOnly();

        complete(task("userTask_decideDrain"), "operator", "mq-operators", Map.of("drainDecision", "continue",
                "drainComment", "the bank takes the rest from its side"));
        assertThat(var("ccdtJson").toString().replaceAll("\\s", "")).contains("\"queueManager\":\"QM1\"");
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(passed("serviceTask_extendDrainWait")).isZero();
        assertThat((String) var("drainSummary")).doesNotStartWith("Depths now: QM1.TO.BANK.XMIT 0,");
    }

    @Test
    void aPrimaryStillEndingAndABackupStillStartingAreWaitedForBeforeTheNextStep() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.slowToEnd.add("mqeast1/QM1");
        rig.mq.slowToStart.add("QM1");
        start("QM1");
        approveGate(task("userTask_declareDisaster"));
        confirmPartners();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(passed("timerEvent_waitPrimaryEnd")).isEqualTo(1);
        assertThat(passed("timerEvent_waitBackup")).isEqualTo(1);
        List<String> journal = rig.mq.journal;
        int ended = journal.indexOf("mqeast1: endmqm -i QM1");
        int started = journal.indexOf("mqwest1: strmqm QM1");
        assertThat(journal.subList(ended, started)).as("dspmq read twice: Ending immediately, then Ended")
                .filteredOn("mqeast1: dspmq -m QM1"::equals).hasSizeGreaterThanOrEqualTo(2);
        assertThat((String) var("fencingSummary")).contains("Proven ended: dspmq on mqeast1 shows Ended immediately");
        assertThat(journal.subList(started, journal.size())).as("no channel started before QMSTATUS showed RUNNING")
                .containsSubsequence("mqwest1: DISPLAY QMSTATUS QM1", "mqwest1: DISPLAY QMSTATUS QM1",
                        "mqwest1: START CHANNEL(QM1.TO.BANK) QM1");
        assertThat(journal.subList(started, journal.indexOf("mqwest1: START CHANNEL(QM1.TO.BANK) QM1")))
                .filteredOn("mqwest1: DISPLAY QMSTATUS QM1"::equals).hasSize(2);
        assertNeverTwoRunning("QM1");
    }

    @Test
    void aSecondaryStillRevertingToItsSnapshotIsWaitedForBeforeItStarts() {
        rig.mq.queueManager("dr1", "QMDR", QmStatus.RUNNING, "DEFINE QLOCAL('APP.IN') REPLACE\n")
                .queueManager("dr2", "QMDR", QmStatus.ENDED_IMMEDIATELY, "DEFINE QLOCAL('APP.IN') REPLACE\n")
                .rdqm("dr1", "QMDR", true, DrStatus.REMOTE_UNAVAILABLE)
                .rdqm("dr2", "QMDR", false, DrStatus.INCONSISTENT);
        rig.mq.slowToPromote.add("dr2/QMDR");
        start("QMDR");
        approveGate(task("userTask_declareDisaster"));
        finishRedirect();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat(passed("timerEvent_waitPromotion")).isEqualTo(1);
        assertThat(rig.mq.journal).containsSubsequence("dr2: rdqmdr -m QMDR -p", "dr2: rdqmstatus -m QMDR",
                "dr2: rdqmstatus -m QMDR", "dr2: strmqm QMDR");
        assertNeverTwoRunning("QMDR");
    }

    @Test
    void aTechnicalFailureBecomesAnIncidentWithMqsMessage() {
        // Every runbook words a refused control command alike (ControlResult.expect): host, command, outcome, exit code.
        // (AMQ7017E, the log not available, is a business outcome of its own: see the cold backup's restore loop.)
        String refused = "mqwest1: strmqm QM1 was refused (REFUSED, exit code 71): AMQ7018E: The queue manager"
                + " operation cannot be completed.";
        qm1Estate(QmStatus.RUNNING);
        rig.mq.startFailure = new ControlResult(ControlOutcome.REFUSED,
                List.of("AMQ7018E: The queue manager operation cannot be completed."), 71);
        start("QM1");
        approveGate(task("userTask_declareDisaster"));

        assertThat(lastFailure).hasMessage(refused);
        Job failing = managementService.createJobQuery().processInstanceId(run).activityId("serviceTask_startBackup").singleResult();
        for (int attempt = 1; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(failing.getId()))
                    .hasMessage(refused);
        }
        assertThat(rig.mq.journal.stream().filter(c -> c.equals("mqwest1: strmqm QM1")).count()).isEqualTo(3);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(run).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_startBackup");
        assertThat(incident.getIncidentMessage()).isEqualTo(refused);
    }

    // ------------------------------------------------------------------ the baseline variable is not trusted (issue 16)

    static final String PRIVILEGED_CHANNEL = "DEFINE CHANNEL('EVIL.SVRCONN') CHLTYPE(SVRCONN) MCAUSER('mqm') REPLACE\n";

    @Test
    void aServiceCommandInThePrimarysBaselineIsShownAtTheDeclarationGateAndFlaggedInTheReport() {
        String agent = "DEFINE SERVICE('BACKUP.AGENT') CONTROL(QMGR) SERVTYPE(COMMAND) STARTCMD('/bin/sh') REPLACE\n";
        qm1Estate(QmStatus.RUNNING);
        rig.mq.queueManager("mqeast1", "QM1", QmStatus.RUNNING, QM1_PRIMARY + agent);
        start("QM1");
        String flag = "SERVICE('BACKUP.AGENT') runs an operating system command as mqm: STARTCMD('/bin/sh'), as in "
                + "baseline #" + rig.baselines.latest("QM1").orElseThrow().id() + " of QM1";

        assertThat((String) var("assessmentSummary")).contains("\nFlagged if applied: " + flag);
        approveGate(task("userTask_declareDisaster"));
        confirmPartners();

        assertThat(var("outcome")).isEqualTo("completed");
        assertThat((String) var("baselineReport")).contains("- SERVICE BACKUP.AGENT: missing on the backup")
                .endsWith("\nFlagged: " + flag);
    }

    @Test
    void theRunHoldsOnlyTheStoredBaselinesIdAndHashNeverItsMqsc() {
        qm1Estate(QmStatus.RUNNING);
        start("QM1");

        Baseline kept = rig.baselines.latest("QM1").orElseThrow();
        assertThat(kept.mqsc()).contains("DEFINE QLOCAL('PAYMENT.NEW')");
        assertThat(kept.sha256()).isEqualTo(MqscParser.parse(kept.mqsc()).sha256());
        assertThat(var("baseline").toString()).contains("\"id\":" + kept.id(), "\"sha256\":\"" + kept.sha256() + "\"")
                .doesNotContain("DEFINE");
    }

    @Test
    void aBaselineVariableCarryingMqscIsRefusedAndNothingReachesTheBackup() {
        Incident incident = activateQm1WithForgedBaseline(id -> Map.of("source", "forged", "script", PRIVILEGED_CHANNEL));

        assertThat(incident.getIncidentMessage())
                .isEqualTo("Variable baseline does not name a stored baseline by id and sha256: nothing applied");
        assertNothingWasDefinedOnTheBackup("mqwest1/QM1");
    }

    @Test
    void aBaselineVariableWithAnotherHashIsRefusedNamingTheIdAndBothHashes() {
        String forged = "0".repeat(64);
        Incident incident = activateQm1WithForgedBaseline(id -> Map.of("id", id, "sha256", forged));

        Baseline kept = rig.baselines.latest("QM1").orElseThrow();
        assertThat(incident.getIncidentMessage()).isEqualTo("Baseline #" + kept.id() + " refused, nothing applied to QM1 on "
                + "mqwest1: the run names sha256 " + forged + ", the stored MQSC hashes to sha256 " + kept.sha256());
        assertNothingWasDefinedOnTheBackup("mqwest1/QM1");
    }

    @Test
    void aStoredBaselineWhoseMqscNoLongerMatchesItsHashIsRefused() {
        String honest = MqscParser.parse(QM1_PRIMARY).sha256();
        Baseline altered = rig.baselines.save("QM1", "mqeast1", Instant.parse("2026-11-21T02:00:04Z"), honest, 7,
                QM1_PRIMARY + PRIVILEGED_CHANNEL, "nightly");
        Incident incident = activateQm1WithForgedBaseline(id -> Map.of("id", altered.id(), "sha256", honest));

        assertThat(incident.getIncidentMessage()).isEqualTo("Baseline #" + altered.id() + " refused, nothing applied to "
                + "QM1 on mqwest1: the run names sha256 " + honest + ", the stored MQSC hashes to sha256 "
                + MqscParser.parse(QM1_PRIMARY + PRIVILEGED_CHANNEL).sha256() + " (stored as sha256 " + honest + ")");
        assertNothingWasDefinedOnTheBackup("mqwest1/QM1");
    }

    @Test
    void anotherQueueManagersBaselineOrAnUnknownIdIsRefused() {
        Baseline other = storeBaseline("QM2", "mqeast2", QM2_OBJECTS);
        Incident incident = activateQm1WithForgedBaseline(id -> Map.of("id", other.id(), "sha256", other.sha256()));
        assertThat(incident.getIncidentMessage()).isEqualTo("Baseline #" + other.id() + " refused, nothing applied to "
                + "QM1 on mqwest1: it is a baseline of QM2, not of QM1");
        assertNothingWasDefinedOnTheBackup("mqwest1/QM1");

        tearDown();
        setUp();
        Incident unknown = activateQm1WithForgedBaseline(id -> Map.of("id", 999, "sha256", "0".repeat(64)));
        assertThat(unknown.getIncidentMessage()).isEqualTo("Baseline #999 refused, nothing applied to QM1 on mqwest1: "
                + "no baseline #999 is in the baseline store");
    }

    @Test
    void aPrimaryExportWithACarriageReturnIsRefusedNamingTheLineAndNotKept() {
        qm1Estate(QmStatus.RUNNING);
        rig.mq.definitions.get("mqeast1/QM1").remove("QLOCAL PAYMENT.IN");
        rig.mq.rawExportLines.put("mqeast1/QM1", "DEFINE QLOCAL('PAYMENT.IN') DESCR('in\rDELETE QLOCAL(PAYMENT.NEW)')\n");
        start("QM1");

        assertThat((String) var("assessmentSummary")).contains("Object baseline: the primary's export failed: MQSC line ",
                ": control character U+000D (carriage return) at column ");
        assertThat(rig.baselines.latest("QM1")).isEmpty();
        assertThat(var("baselineAvailable")).isEqualTo(false);
    }

    @Test
    void aGateCompletionCarryingItsOwnBaselineIsRefusedAtTheGate() {
        qm1Estate(QmStatus.RUNNING);
        start("QM1");
        long assessed = rig.baselines.latest("QM1").orElseThrow().id();
        Task gate = task("userTask_declareDisaster");

        assertThatThrownBy(() -> complete(gate, "changemgr", "change-managers", Map.of("decision", "approve",
                "comment", "Declared", "baseline", org.camunda.spin.Spin.JSON(Map.of("id", assessed, "sha256",
                        "0".repeat(64))).toString())))
                .hasMessageContaining("would now show its approver something else than when it opened");
        assertThat(taskService.createTaskQuery().taskId(gate.getId()).count()).as("the gate still waits").isOne();
        assertThat(rig.mq.journal).as("nothing past the gate ran on the backup")
                .noneMatch(c -> c.startsWith("mqwest1: strmqm") || c.startsWith("mqwest1: DEFINE"));
    }

    /**
     * Starts QM1's activation with its primary running and approves the gate with a forged {@code baseline}. The
     * gate forgets what it showed (as a gate opened before that was kept), so the apply step's own check is tested.
     */
    Incident activateQm1WithForgedBaseline(java.util.function.LongFunction<Map<String, Object>> forged) {
        qm1Estate(QmStatus.RUNNING);
        start("QM1");
        long assessed = rig.baselines.latest("QM1").orElseThrow().id();
        io.mqrunbooks.testsupport.RunbookTestEngine.RECORDS.forgetShown(task("userTask_declareDisaster").getId());
        complete(task("userTask_declareDisaster"), "changemgr", "change-managers", Map.of("decision", "approve",
                "comment", "Declared", "baseline", org.camunda.spin.Spin.JSON(forged.apply(assessed)).toString()));
        Job failing = managementService.createJobQuery().processInstanceId(run).activityId("serviceTask_applyBaseline")
                .singleResult();
        assertThat(failing).as("the apply step failed; failure %s", lastFailure).isNotNull();
        for (int attempt = 1; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(failing.getId())).isNotNull();
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(run).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("serviceTask_applyBaseline");
        return incident;
    }

    /** The backup was started, and then neither exported nor given any DEFINE. */
    void assertNothingWasDefinedOnTheBackup(String backup) {
        String host = backup.substring(0, backup.indexOf('/'));
        assertThat(rig.mq.journal).contains(host + ": strmqm QM1")
                .noneMatch(c -> c.startsWith(host + ": DEFINE") || c.startsWith(host + ": dmpmqcfg"));
        assertThat(rig.mq.definitions.get(backup)).doesNotContainKey("CHANNEL EVIL.SVRCONN").doesNotContainKey("QLOCAL PAYMENT.NEW");
    }

    // ------------------------------------------------------------------ helpers

    static final String QM2_OBJECTS = """
            DEFINE QLOCAL('PAYMENT.IN') REPLACE
            DEFINE QLOCAL('QM2.TO.BANK.XMIT') USAGE(XMITQ) REPLACE
            DEFINE CHANNEL('QM2.TO.BANK') CHLTYPE(SDR) TRPTYPE(TCP) CONNAME('gw.bank.example(1414)') XMITQ('QM2.TO.BANK.XMIT') REPLACE
            """;

    /** A version as the DR-baseline runbook stores it: the export and the SHA-256 of its canonical form. */
    Baseline storeBaseline(String queueManager, String host, String mqsc) {
        MqscDefinitions definitions = MqscParser.parse(mqsc);
        return rig.baselines.save(queueManager, host, Instant.parse("2026-11-21T02:00:04Z"), definitions.sha256(),
                definitions.objectCount(), mqsc, "nightly");
    }

    /** QM3's cold backup on mqwest3, the disaster declared: the run waits for the restore confirmation. */
    Task coldBackupAwaitingTheRestore() {
        rig.mq.queueManager("mqeast3", "QM3", QmStatus.RUNNING, "DEFINE QLOCAL('PAYMENT.IN') REPLACE\n")
                .queueManager("mqwest3", "QM3", QmStatus.ENDED_IMMEDIATELY, "DEFINE QLOCAL('OLD.QUEUE') REPLACE\n");
        start("QM3");
        approveGate(task("userTask_declareDisaster"));
        return task("userTask_confirmRestore");
    }

    void qm1Estate(QmStatus primary) {
        rig.mq.queueManager("mqeast1", "QM1", primary, QM1_PRIMARY)
                .queueManager("mqwest1", "QM1", QmStatus.ENDED_NORMALLY, QM1_BACKUP);
        rig.mq.definitions.get("mqwest1/QM1").put("QLOCAL MQRUNBOOKS.TEST", io.mqrunbooks.mq.MqscParser
                .parse("DEFINE QLOCAL('MQRUNBOOKS.TEST')").objects().iterator().next());
    }

    void start(String queueManager) {
        start(queueManager, Map.of());
    }

    /** Starts a run; the test's previous run, if it still waits, is cancelled first (one run at a time per target). */
    void start(String queueManager, Map<String, Object> more) {
        if (run != null && runtimeService.createProcessInstanceQuery().processInstanceId(run).count() == 1) {
            runtimeService.deleteProcessInstance(run, "the test starts its next run");
        }
        identityService.setAuthentication("operator", List.of("mq-operators"));
        Map<String, Object> form = new HashMap<>(more);
        form.put("queueManager", queueManager);
        form.put("reason", "East data centre flooded");
        form.put("incidentReference", "INC-4711");
        form.put("declaredBy", "Ops lead on duty");
        form.put("clientChannel", "APP.SVRCONN");
        run = runtimeService.startProcessInstanceByKey("drActivationProcess", "INC-4711", form).getId();
        identityService.clearAuthentication();
        drive();
    }

    void approveGate(Task gate) {
        complete(gate, "changemgr", "change-managers", Map.of("decision", "approve", "declarationComment", "Declared"));
    }

    void confirmPartnersOnly() {
        List<Task> partners = taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey("userTask_confirmPartner").list();
        assertThat(partners).as("partner tasks; failure %s; journal %s", lastFailure, rig.mq.journal).isNotEmpty();
        for (Task partner : partners) {
            assertThat((String) taskService.getVariable(partner.getId(), "partnerSummary")).startsWith("Partner: ")
                    .contains("DR CONNAME: 127.0.0.1(1471)", "Firewall ticket: ");
            complete(partner, "operator", "mq-operators", Map.of("partnerConfirmedBy", "J. Smith, Bank of Example",
                    "partnerConfirmedAt", "2026-11-21T06:10", "firewallTicketReference", "FW-1"));
        }
    }

    void confirmPartners() {
        confirmPartnersOnly();
        finishRedirect();
    }

    void finishRedirect() {
        complete(task("userTask_redirectClients"), "operator", "mq-operators", Map.of("redirectMethod", "dns",
                "redirectDetails", "mq.example.com CNAME to mqwest", "redirectDone", true));
    }

    Task task(String key) {
        Task task = taskService.createTaskQuery().processInstanceId(run).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key + "; failure " + lastFailure + "; journal " + rig.mq.journal).isNotNull();
        return task;
    }

    void complete(Task task, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        drive();
    }

    /** Runs async steps at once and timers after moving the clock, until the run waits for a person or ends. */
    void drive() {
        lastFailure = null;
        for (int i = 0; i < 400; i++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(run).withRetriesLeft().messages().list();
            if (!due.isEmpty()) {
                try {
                    managementService.executeJob(due.get(0).getId());
                } catch (RuntimeException e) {
                    lastFailure = e;
                    return;
                }
                continue;
            }
            List<Job> timers = managementService.createJobQuery().processInstanceId(run).withRetriesLeft().timers().list();
            if (timers.isEmpty()) {
                return;
            }
            rig.clock.advance(Duration.ofSeconds(10));
            managementService.executeJob(timers.get(0).getId());
        }
        throw new AssertionError("The run did not settle; journal " + rig.mq.journal);
    }

    Object var(String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(run)
                .variableName(name).list().stream().filter(v -> v.getActivityInstanceId() != null
                        && v.getActivityInstanceId().equals(run)).findFirst()
                .orElseGet(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(run)
                        .variableName(name).singleResult());
        return variable == null ? null : variable.getValue();
    }

    /** How often the run passed through an activity (a timer waited, a step ran). */
    long passed(String activityId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(run).activityId(activityId).count();
    }

    Map<String, Object> historic(String... names) {
        Map<String, Object> values = new HashMap<>();
        for (String name : names) {
            values.put(name, var(name));
        }
        return values;
    }

    /** From the fake's state after the run: the name runs on at most one host, and the journal never started it twice. */
    void assertNeverTwoRunning(String primaryName) {
        long running = rig.mq.status.entrySet().stream()
                .filter(e -> e.getValue() == QmStatus.RUNNING).map(e -> e.getKey()).filter(k -> k.endsWith("/" + primaryName)).count();
        assertThat(running).isLessThanOrEqualTo(1);
    }
}
