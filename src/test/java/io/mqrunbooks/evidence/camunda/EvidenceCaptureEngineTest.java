package io.mqrunbooks.evidence.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqrunbooks.application.port.out.CommandResult;
import io.mqrunbooks.application.port.out.RunContext;
import io.mqrunbooks.evidence.EvidenceRecord;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.MutableClock;
import io.mqrunbooks.evidence.RecordingCommandEvidenceSink;
import io.mqrunbooks.evidence.SecretScrubber;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.mqrunbooks.evidence.report.RunReport;
import io.mqrunbooks.evidence.report.RunReportHtml;
import io.mqrunbooks.evidence.report.RunReportJson;
import io.mqrunbooks.evidence.report.RunReportPdf;
import io.mqrunbooks.evidence.report.RunReportService;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine plugin against a real engine (in-memory H2) and a real evidence store (a second H2), with a
 * test model: a command step, an approval gate and a partner sign-off, done by three different people.
 */
@Deployment(resources = "evidence/evidence-capture-test.bpmn")
class EvidenceCaptureEngineTest {

    static final String PROCESS = "evidenceCaptureTestProcess";
    static final String STDOUT = "QMNAME(QM1)                                               STATUS(Running)\n";

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T05:00:00Z"));
    static final JdbcDataSource DATA_SOURCE = dataSource();
    static final EvidenceStore STORE = newStore();
    static final RecordingCommandEvidenceSink SINK = new RecordingCommandEvidenceSink(STORE);
    static final RunCommandDelegate DELEGATE = new RunCommandDelegate(SINK);
    /** Stands in for the DR activation's message flow step: the get that brought the test message back. */
    static final JavaDelegate TEST_MESSAGE_DELEGATE = execution -> {
        SINK.commandRan(new CommandResult("drhost2", "/opt/mqm/samp/bin/amqsget MQRUNBOOKS.TEST QM1", 0,
                "Sample AMQSGET0 start\nmessage <MQRB-TEST 9F2C mq-runbooks DR activation test>\nSample AMQSGET0 end\n",
                "", Duration.ofMillis(80), false));
        execution.setVariable("rtoSeconds", 1L);
    };

    private final List<String> deployments = new ArrayList<>();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().useProcessEngine(buildEngine());

    private ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @BeforeEach
    void reset() {
        DELEGATE.failuresToThrow.set(0);
        processEngine().getIdentityService().clearAuthentication();
    }

    /** Stands in for a service task's thin delegate: runs "a command" and hands its result to the sink. */
    static final class RunCommandDelegate implements JavaDelegate {
        final RecordingCommandEvidenceSink sink;
        final AtomicInteger failuresToThrow = new AtomicInteger();
        final AtomicReference<RunContext.Step> stepSeen = new AtomicReference<>();

        RunCommandDelegate(RecordingCommandEvidenceSink sink) {
            this.sink = sink;
        }

        @Override
        public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            stepSeen.set(RunContext.current().orElse(null));
            if (failuresToThrow.getAndDecrement() > 0) {
                sink.commandRan(new CommandResult("drhost1", "dspmq -m QM1 -o status", 255, "",
                        "ssh: connect to host drhost1 port 22: Connection refused", Duration.ofMillis(3), false));
                throw new IllegalStateException("drhost1 unreachable: Connection refused");
            }
            sink.commandRan(new CommandResult("drhost1", "dspmq -m QM1 -o status", 0, STDOUT, "",
                    Duration.ofMillis(42), false));
        }
    }

    @Test
    void aRunIsRecordedStepByStepWithWhoDidWhat() {
        String runId = runHappyPath("DR-TEST-1");

        List<EvidenceRecord> records = STORE.records(runId);
        assertThat(records).extracting(r -> r.kind() + " " + r.stepId() + " by " + r.actor()).containsExactly(
                "RUN_STARTED null by olivia",
                "STEP_STARTED startEvent_declared by olivia",
                "STEP_ENDED startEvent_declared by olivia",
                "STEP_STARTED serviceTask_checkQueueManager by engine",
                "COMMAND serviceTask_checkQueueManager by engine",
                "STEP_ENDED serviceTask_checkQueueManager by engine",
                "STEP_STARTED userTask_approveDeclaration by engine",
                "GATE userTask_approveDeclaration by carol",
                "STEP_ENDED userTask_approveDeclaration by carol",
                "STEP_STARTED userTask_partnerConfirmChannels by carol",
                "USER_TASK userTask_partnerConfirmChannels by pat",
                "STEP_ENDED userTask_partnerConfirmChannels by pat",
                "STEP_STARTED endEvent_recovered by pat",
                "STEP_ENDED endEvent_recovered by pat",
                "RUN_ENDED null by pat");
        assertThat(records.get(0).payload()).contains("\"reason\":\"Primary data centre lost power\"",
                "\"incidentReference\":\"INC0012345\"", "\"initiator\":\"olivia\"").doesNotContain("hunter2", "adminPassword");
        assertThat(records.get(4).payload()).contains("\"commandLine\":\"dspmq -m QM1 -o status\"", "\"exitCode\":0",
                "\"durationMs\":42");
        assertThat(records.get(7).payload()).contains("\"decision\":true", "\"decisionVariable\":\"approved\"",
                "\"comment\":\"Primary confirmed down by facilities\"");
        assertThat(records.get(10).payload()).contains("\"values\":{\"channelsRepointed\":true,"
                + "\"partnerContact\":\"Jane Roe, Acme Payments\"}");
        assertThat(records.get(14).payload()).contains("\"outcome\":\"COMPLETED\"");
        assertThat(STORE.verifyChain(runId).intact()).isTrue();
    }

    @Test
    void theRunReportShowsStepsCommandGateAndSignOffAndValidatesAgainstItsSchema() throws Exception {
        String runId = runHappyPath("DR-TEST-4");
        RunReport report = new RunReportService(STORE).report(runId);

        assertThat(report.chain().intact()).isTrue();
        assertThat(report.start().startedBy()).isEqualTo("olivia");
        assertThat(report.start().reason()).isEqualTo("Primary data centre lost power");
        assertThat(report.start().incidentReference()).isEqualTo("INC0012345");
        assertThat(report.start().startValues()).doesNotContainKey("adminPassword");
        assertThat(report.timeline()).extracting(RunReport.Step::stepName).containsExactly("Disaster declared",
                "Check the queue manager", "Approve the disaster declaration", "Partner confirms the channel repoint",
                "Recovered");
        assertThat(report.timeline()).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo("completed");
            assertThat(step.durationMs()).isNotNull();
        });
        assertThat(report.commands()).singleElement().satisfies(c -> {
            assertThat(c.commandLine()).isEqualTo("dspmq -m QM1 -o status");
            assertThat(c.stdout()).isEqualTo(STDOUT);
            assertThat(c.stepName()).isEqualTo("Check the queue manager");
        });
        assertThat(report.approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("carol");
            assertThat(a.decision()).isEqualTo(true);
            assertThat(a.comment()).isEqualTo("Primary confirmed down by facilities");
        });
        assertThat(report.partnerSignOffs()).singleElement().satisfies(t -> {
            assertThat(t.completedBy()).isEqualTo("pat");
            assertThat(t.values()).containsEntry("partnerContact", "Jane Roe, Acme Payments");
        });
        assertThat(report.outcome().outcome()).isEqualTo("COMPLETED");
        assertThat(report.outcome().endEvent()).isEqualTo("Recovered");
        assertThat(report.recoveryTime().text()).isEqualTo("Not measured: this runbook records no recovery time.");

        assertMatchesSchema(report);

        String html = new RunReportHtml().render(report);
        assertThat(html).contains("Evidence chain intact: " + report.recordCount() + " records verified.",
                "<h2>Who started it and why</h2>", "<th>Started by</th><td>olivia</td>",
                "<h2>Approvals</h2>", "<td>carol</td><td>approved = true</td><td>Primary confirmed down by facilities</td>",
                "<h2>Timeline</h2>", "<h2>Commands and their output</h2>", "<details>",
                "<code>dspmq -m QM1 -o status</code> · exit code 0 · 42 ms",
                "<h2>Outcome</h2>", "<th>End reached</th><td>Recovered</td>", "<h2>Recovery time</h2>");

        byte[] pdf = new RunReportPdf().render(html);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            assertThat(darkPixels(page)).as("dark pixels on page 1").isGreaterThan(2000);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Run id " + runId, "Who started it and why", "dspmq -m QM1 -o status",
                    "QMNAME(QM1)");
        }
    }

    private void assertMatchesSchema(RunReport report) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(getClass().getResourceAsStream("/static" + RunReportJson.SCHEMA_PATH));
        assertThat(schema.validate(new ObjectMapper().readTree(RunReportJson.write(report)))).isEmpty();
    }

    @Test
    void aCamundaCommentOrAValueLeftFromEarlierIsNeverTheApprovers() throws Exception {
        String runId = startAndRunTheCommand("DR-TEST-5");
        Task gate = processEngine().getTaskService().createTaskQuery().processInstanceId(runId).singleResult();
        processEngine().getRuntimeService().setVariables(runId, Map.of("approvalComment", "Approved by the board",
                "approved", true));
        processEngine().getIdentityService().setAuthenticatedUserId("audrey");
        processEngine().getTaskService().createComment(gate.getId(), runId, "Looks fine to me");
        processEngine().getIdentityService().clearAuthentication();
        complete(runId, "carol", Map.of());

        RunReport report = new RunReportService(STORE).report(runId);
        assertThat(report.approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("carol");
            assertThat(a.decision()).isNull();
            assertThat(a.comment()).isNull();
        });
        assertThat(report.taskComments()).singleElement().satisfies(c -> {
            assertThat(c.author()).isEqualTo("audrey");
            assertThat(c.stepName()).isEqualTo("Approve the disaster declaration");
            assertThat(c.text()).isEqualTo("Looks fine to me");
            assertThat(c.at()).isNotNull();
        });
        assertMatchesSchema(report);
        String html = new RunReportHtml().render(report);
        assertThat(html).contains("<td>carol</td><td>approved: none submitted by the approver</td><td></td>",
                "<h3>Comments written on tasks (not part of any decision)</h3>",
                "<li>Comment by audrey on task Approve the disaster declaration (userTask_approveDeclaration) at ")
                .contains(": Looks fine to me</li>").doesNotContain("Approved by the board");
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 3 * 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void theRecoveryTimeIsMeasuredFromTheEvidenceWhateverRtoSecondsTheVariablesCarry() throws Exception {
        BpmnModelInstance activation = Bpmn.createExecutableProcess("drActivationProcess").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_disasterDeclared").name("Disaster declared")
                .serviceTask("serviceTask_proveMessageFlow").name("Prove message flow with a test message")
                .camundaAsyncBefore().camundaDelegateExpression("${testMessageDelegate}")
                .endEvent("endEvent_backupActivated").name("Backup activated").done();
        deploy(activation);
        CLOCK.set(Instant.parse("2026-11-21T05:00:00Z"));
        processEngine().getIdentityService().setAuthenticatedUserId("olivia");
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey("drActivationProcess",
                "DR-TEST-RTO", Map.of("rtoSeconds", 5L, "queueManager", "QM1")).getId();
        processEngine().getIdentityService().clearAuthentication();
        CLOCK.set(Instant.parse("2026-11-21T05:42:05Z"));
        executeJob(runId);

        RunReport report = new RunReportService(STORE).report(runId);
        assertThat(report.recoveryTime().seconds()).isEqualTo(42 * 60 + 5);
        assertThat(report.recoveryTime().text()).isEqualTo("42 min 05 s");
        assertThat(report.recoveryTime().source()).isEqualTo("from the evidence: declared at 2026-11-21 "
                + "05:00:00.000 UTC (record 1, run started by olivia), first test message at 2026-11-21 05:42:05.000 "
                + "UTC (record 5, '/opt/mqm/samp/bin/amqsget MQRUNBOOKS.TEST QM1' on drhost2 in step "
                + "'Prove message flow with a test message')");
        assertMatchesSchema(report);
        List<EvidenceRecord> records = STORE.records(runId);
        assertThat(records.get(records.size() - 1).payload()).doesNotContain("rtoSeconds");
    }

    @Test
    void onlyWhatAUserEnteredIsListedAsEnteredAndAPartnerSignOffOnce() throws Exception {
        deploy(Bpmn.createExecutableProcess("formsTestProcess").camundaHistoryTimeToLive(1)
                .startEvent("startEvent_declared").name("Disaster declared")
                .userTask("userTask_declareDisaster").name("Declare disaster").camundaFormRef("drActivationDeclare").camundaFormRefBinding("deployment")
                .camundaCandidateGroups("change-managers")
                .userTask("userTask_confirmPartner").name("Confirm the partner's DR change")
                .camundaFormRef("drActivationConfirmPartner").camundaFormRefBinding("deployment")
                .camundaCandidateGroups("mq-operators")
                .endEvent("endEvent_done").name("Done").done());
        Map<String, Object> shown = Map.of("queueManager", "QM1", "incidentReference", "INC0042", "declaredBy", "olivia",
                "reason", "Site A lost power", "assessmentSummary", "QM1 on mqeast1: host unreachable");
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey("formsTestProcess", "DR-TEST-6",
                shown).getId();
        Map<String, Object> declaration = new HashMap<>(shown);
        declaration.putAll(Map.of("decision", "approve", "comment", "Facilities confirm the outage"));
        complete(runId, "carol", declaration);
        complete(runId, "otto", Map.of("partnerSummary", "Acme Payments: QM1.TO.ACME", "partnerConfirmedBy", "Jane Roe",
                "partnerConfirmedAt", "2026-11-21T05:40", "firewallTicketReference", "FW-1234"));

        RunReport report = new RunReportService(STORE).report(runId);
        assertThat(report.approvals()).singleElement().satisfies(a -> assertThat(a.values()).containsOnlyKeys(
                "decision", "comment"));
        assertThat(report.partnerSignOffs()).singleElement().satisfies(t -> assertThat(t.values()).containsOnlyKeys(
                "partnerConfirmedBy", "partnerConfirmedAt", "firewallTicketReference"));
        assertThat(report.userTasks()).isEmpty();
        assertMatchesSchema(report);
        String html = new RunReportHtml().render(report);
        String approvalsSection = html.substring(html.indexOf("<h2>Approvals</h2>"), html.indexOf("<h2>Timeline</h2>"));
        assertThat(approvalsSection.split("\\(userTask_confirmPartner\\)", -1)).as("partner sign-off rows").hasSize(2);
        assertThat(approvalsSection).contains("<p>No other task was completed by a person.</p>");
        assertThat(STORE.records(runId)).filteredOn(r -> "GATE".equals(r.kind().name())).singleElement()
                .satisfies(gate -> assertThat(gate.payload()).contains(
                        "\"readOnlyValues\":{\"assessmentSummary\":\"QM1 on mqeast1: host unreachable\""));
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(processEngine().getRepositoryService().createDeployment()
                .addModelInstance("model" + deployments.size() + ".bpmn", model).deploy().getId());
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> processEngine().getRepositoryService().deleteDeployment(id, true));
        deployments.clear();
    }

    @Test
    void failedAttemptsBecomeRetriesThenAnIncidentAndItsResolution() {
        DELEGATE.failuresToThrow.set(2);
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, "DR-TEST-2").getId();

        executeJobExpectingFailure(runId);
        executeJobExpectingFailure(runId);
        Job job = processEngine().getManagementService().createJobQuery().processInstanceId(runId).singleResult();
        assertThat(job.getRetries()).isZero();
        processEngine().getManagementService().setJobRetries(job.getId(), 1);
        executeJob(runId);

        List<EvidenceRecord> records = STORE.records(runId);
        assertThat(records).extracting(r -> r.kind() + " " + r.stepId()).containsSubsequence(
                "COMMAND serviceTask_checkQueueManager",
                "RETRY serviceTask_checkQueueManager",
                "COMMAND serviceTask_checkQueueManager",
                "RETRY serviceTask_checkQueueManager",
                "INCIDENT serviceTask_checkQueueManager",
                "INCIDENT serviceTask_checkQueueManager",
                "COMMAND serviceTask_checkQueueManager",
                "STEP_ENDED serviceTask_checkQueueManager");
        List<String> retries = records.stream().filter(r -> r.kind().name().equals("RETRY")).map(EvidenceRecord::payload).toList();
        assertThat(retries.get(0)).contains("\"exceptionMessage\":\"drhost1 unreachable: Connection refused\"",
                "\"retriesLeftBeforeThisFailure\":2");
        assertThat(retries.get(1)).contains("\"retriesLeftBeforeThisFailure\":1");
        List<String> incidents = records.stream().filter(r -> r.kind().name().equals("INCIDENT")).map(EvidenceRecord::payload).toList();
        assertThat(incidents.get(0)).contains("\"event\":\"create\"", "\"incidentType\":\"failedJob\"",
                "\"message\":\"drhost1 unreachable: Connection refused\"");
        assertThat(incidents.get(1)).contains("\"event\":\"resolve\"");
        assertThat(records.stream().filter(r -> r.kind().name().equals("COMMAND")).map(EvidenceRecord::payload))
                .first().asString().contains("\"exitCode\":255", "Connection refused");
        assertThat(STORE.verifyChain(runId).intact()).isTrue();
    }

    @Test
    void aDeletedRunEndsTerminated() {
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, "DR-TEST-3").getId();
        processEngine().getRuntimeService().deleteProcessInstance(runId, "Drill abandoned by the change manager");
        List<EvidenceRecord> records = STORE.records(runId);
        EvidenceRecord last = records.get(records.size() - 1);
        assertThat(last.kind().name()).isEqualTo("RUN_ENDED");
        assertThat(last.payload()).isEqualTo("{\"canceled\":true,\"deleteReason\":\"Drill abandoned by the change manager\","
                + "\"outcome\":\"TERMINATED\"}");
        assertThat(STORE.run(runId).orElseThrow().outcome()).isEqualTo("TERMINATED");
        assertThat(new RunReportService(STORE).report(runId).outcome().endEvent()).isNull();
    }

    /**
     * Trust review: an administrator may write any variable (REST PUT .../variables/outcome) and delete a run.
     * The evidence of a deleted run must not take its outcome from that variable.
     */
    @Test
    void aDeletedRunIsNotRecordedWithTheOutcomeAVariableClaims() {
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, "DR-TEST-3b").getId();
        processEngine().getRuntimeService().setVariable(runId, "outcome", "completed");
        processEngine().getRuntimeService().deleteProcessInstance(runId, "Drill abandoned by the change manager");

        assertThat(STORE.run(runId).orElseThrow().outcome()).isNotEqualTo("completed");
    }

    /** Olivia starts it, the job executor runs the command, Carol approves the gate, Pat signs off. */
    private String runHappyPath(String businessKey) {
        String runId = startAndRunTheCommand(businessKey);
        complete(runId, "carol", Map.of("approved", true, "approvalComment", "Primary confirmed down by facilities"));
        complete(runId, "pat", Map.of("partnerContact", "Jane Roe, Acme Payments", "channelsRepointed", true));
        return runId;
    }

    /** Olivia starts it and the job executor runs the command: the run waits at the gate. */
    private String startAndRunTheCommand(String businessKey) {
        var identity = processEngine().getIdentityService();
        identity.setAuthenticatedUserId("olivia");
        String runId = processEngine().getRuntimeService().startProcessInstanceByKey(PROCESS, businessKey, Map.of(
                "reason", "Primary data centre lost power", "incidentReference", "INC0012345",
                "queueManager", "QM1", "adminPassword", "hunter2")).getId();
        identity.clearAuthentication();

        executeJob(runId);
        assertThat(DELEGATE.stepSeen.get()).isEqualTo(new RunContext.Step(runId, businessKey,
                "serviceTask_checkQueueManager", "Check the queue manager"));
        assertThat(RunContext.current()).isEmpty();
        return runId;
    }

    private void executeJob(String runId) {
        Job job = processEngine().getManagementService().createJobQuery().processInstanceId(runId).singleResult();
        processEngine().getManagementService().executeJob(job.getId());
    }

    private void executeJobExpectingFailure(String runId) {
        assertThatThrownBy(() -> executeJob(runId)).hasMessageContaining("drhost1 unreachable: Connection refused");
    }

    private void complete(String runId, String user, Map<String, Object> values) {
        Task task = processEngine().getTaskService().createTaskQuery().processInstanceId(runId).singleResult();
        processEngine().getIdentityService().setAuthenticatedUserId(user);
        try {
            processEngine().getTaskService().complete(task.getId(), values);
        } finally {
            processEngine().getIdentityService().clearAuthentication();
        }
    }

    /** Engine and evidence tables in one database, as in the app: the evidence joins the engine's commits. */
    private static JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:evidence-capture;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static EvidenceStore newStore() {
        Flyway.configure().dataSource(DATA_SOURCE).locations("classpath:db/migration").load().migrate();
        return new EvidenceStore(DATA_SOURCE, new SecretScrubber(), CLOCK);
    }

    private static ProcessEngine buildEngine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDataSource(DATA_SOURCE);
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of("runCommandDelegate", DELEGATE, "testMessageDelegate", TEST_MESSAGE_DELEGATE));
        configuration.setProcessEnginePlugins(List.of(new EvidenceEnginePlugin(STORE, new SecretScrubber())));
        configuration.setProcessEngineName("evidence-capture-test");
        return configuration.buildProcessEngine();
    }
}
