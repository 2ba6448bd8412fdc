package io.mqrunbooks.adapter.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mqrunbooks.evidence.EvidenceKind;
import io.mqrunbooks.evidence.EvidenceStore;
import io.mqrunbooks.evidence.MutableClock;
import io.mqrunbooks.evidence.NewEvidence;
import io.mqrunbooks.evidence.SecretScrubber;
import io.mqrunbooks.evidence.report.RunReportHtml;
import io.mqrunbooks.evidence.report.RunReportPdf;
import io.mqrunbooks.evidence.report.RunReportService;
import io.mqrunbooks.platform.security.CurrentUser;
import io.mqrunbooks.platform.security.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The run evidence API and pages over a real store (H2), with the user the platform filter would set. */
class RunReportsWebTest {

    private static final String RUN = "7f3c2a10-0001";
    private static final String PROVE_MESSAGE_FLOW = "serviceTask_proveMessageFlow";
    private static final String PROVE_NAME = "Prove message flow with a test message";

    private MockMvc mvc;
    private EvidenceStore store;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:run-reports-web;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(dataSource);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T22:15:00.250Z"));
        store = new EvidenceStore(dataSource, new SecretScrubber(), clock);
        store.append(new NewEvidence(RUN, "DR-2026-007", "drActivationProcess", EvidenceKind.RUN_STARTED, null, null,
                "olivia", Map.of("reason", "Site A power loss", "incidentReference", "INC0099", "queueManager", "QM1",
                "variables", Map.of("rtoSeconds", 60))));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.GATE, "userTask_declareDisaster", "Declare disaster",
                "carmen", Map.of("decisionVariable", "decision", "decision", "approve", "comment", "Site A is dark")));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.COMMAND, "serviceTask_startQueueManager",
                "Start the queue manager", "engine", Map.of("host", "drhost1", "commandLine", "strmqm QM1",
                "exitCode", 0, "stdout", "IBM MQ queue manager 'QM1' starting.\n", "stderr", "", "durationMs", 2100,
                "truncated", false)));
        clock.advance(Duration.ofMinutes(62));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.STEP_STARTED, PROVE_MESSAGE_FLOW, PROVE_NAME, "engine",
                Map.of("activityType", "serviceTask", "activityInstanceId", "prove:1")));
        clock.advance(Duration.ofSeconds(5));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.COMMAND, PROVE_MESSAGE_FLOW, PROVE_NAME, "engine",
                Map.of("host", "drhost1", "commandLine", "/opt/mqm/samp/bin/amqsget MQRUNBOOKS.TEST QM1", "exitCode", 0,
                        "stdout", "Sample AMQSGET0 start\nmessage <MQRB-TEST 9F2C>\nSample AMQSGET0 end\n",
                        "stderr", "", "durationMs", 80, "truncated", false)));
        clock.advance(Duration.ofMillis(20));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.STEP_ENDED, PROVE_MESSAGE_FLOW, PROVE_NAME, "engine",
                Map.of("activityType", "serviceTask", "activityInstanceId", "prove:1", "durationMs", 5020,
                        "canceled", false)));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.NOTE, "serviceTask_summarise", "Summarise", "engine",
                Map.of("rtoSeconds", 60)));
        store.append(new NewEvidence(RUN, null, null, EvidenceKind.RUN_ENDED, null, null, "engine",
                Map.of("outcome", "COMPLETED", "rtoSeconds", 60)));
        RunReportService reports = new RunReportService(store, Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(new RunReportsApiController(reports),
                        new RunReportPagesController(reports, new RunReportHtml(), new RunReportPdf()))
                .setControllerAdvice(new RunEvidenceErrors()).build();
    }

    private static RequestPostProcessor user(String id, String... groups) {
        return request -> {
            request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, new CurrentUser(id, Set.of(groups)));
            return request;
        };
    }

    @Test
    void auditorsListRunsWithFilters() throws Exception {
        mvc.perform(get("/api/runs").param("runbook", "drActivationProcess").param("from", "2026-11-20")
                        .param("to", "2026-11-20").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.runs[0].runId").value(RUN))
                .andExpect(jsonPath("$.runs[0].startedBy").value("olivia"))
                .andExpect(jsonPath("$.runs[0].outcome").value("COMPLETED"))
                .andExpect(jsonPath("$.runs[0].startedAt").value("2026-11-20T22:15:00.250Z"));
        mvc.perform(get("/api/runs").param("from", "2026-11-21").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/runs").param("who", "omar").with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theReportAsJsonAndTheChainCheck() throws Exception {
        mvc.perform(get("/api/runs/{id}", RUN).with(user("admin", Groups.ADMINS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start.reason").value("Site A power loss"))
                .andExpect(jsonPath("$.commands[0].commandLine").value("strmqm QM1"))
                .andExpect(jsonPath("$.recoveryTime.text").value("1 h 02 min 05 s"))
                .andExpect(jsonPath("$.recoveryTime.seconds").value(3725))
                .andExpect(jsonPath("$.recoveryTime.from").value("2026-11-20T22:15:00.250Z"))
                .andExpect(jsonPath("$.recoveryTime.to").value("2026-11-20T23:17:05.250Z"))
                .andExpect(jsonPath("$.chain.intact").value(true));
        mvc.perform(get("/api/runs/{id}/verify", RUN).with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.recordsChecked").value(8));
    }

    @Test
    void commandsOutsideAnyRunHaveAReportWithoutARecoveryTime() throws Exception {
        store.append(new NewEvidence(EvidenceStore.NO_RUN, null, null, EvidenceKind.COMMAND, null, null, "engine",
                Map.of("host", "drhost1", "commandLine", "dspmq", "exitCode", 0)));
        mvc.perform(get("/api/runs/{id}", EvidenceStore.NO_RUN).with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commands[0].commandLine").value("dspmq"))
                .andExpect(jsonPath("$.recoveryTime.text").value("Not measured: this runbook records no recovery time."));
    }

    @Test
    void tamperingShowsOnTheVerifyEndpointAndAtTheTopOfTheReport() throws Exception {
        jdbc.update("UPDATE evidence_record SET payload = REPLACE(payload, 'strmqm QM1', 'strmqm QM9') WHERE sequence_in_run = 3");
        mvc.perform(get("/api/runs/{id}/verify", RUN).with(user("audrey", Groups.AUDITORS)))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBroken.sequence").value(3))
                .andExpect(jsonPath("$.firstBroken.problem")
                        .value("its stored hash does not match its contents (a field was changed after it was written)"));
        String html = mvc.perform(get("/reports/runs/{id}", RUN).with(user("audrey", Groups.AUDITORS)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("Evidence chain BROKEN at record 3")).isPositive()
                .isLessThan(html.indexOf("Who started it and why"));
    }

    @Test
    void htmlListReportAndPdf() throws Exception {
        mvc.perform(get("/reports/runs").param("queueManager", "QM1").with(user("otto", Groups.OPERATORS)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().string(containsString("<a href=\"/reports/runs/" + RUN + "\">" + RUN + "</a>")))
                .andExpect(content().string(containsString("name=\"queueManager\" value=\"QM1\"")));
        mvc.perform(get("/reports/runs/{id}", RUN).with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th>Reason</th><td>Site A power loss</td>")))
                .andExpect(content().string(containsString("<h2>Recovery time</h2>\n<p>1 h 02 min 05 s <span class=\"muted\">"
                        + "(from the evidence: declared at 2026-11-20 22:15:00.250 UTC (record 1, run started by olivia), "
                        + "first test message at 2026-11-20 23:17:05.250 UTC (record 5, "
                        + "&#39;/opt/mqm/samp/bin/amqsget MQRUNBOOKS.TEST QM1&#39; on drhost1 in step "
                        + "&#39;Prove message flow with a test message&#39;))</span>")));
        byte[] pdf = mvc.perform(get("/reports/runs/{id}.pdf", RUN).with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"run-" + RUN + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aChangeManagerReadsTheRunsWhoseGateTheyDecidedAndNoOthers() throws Exception {
        mvc.perform(get("/api/runs").with(user("carmen", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.runs[0].runId").value(RUN));
        mvc.perform(get("/api/runs/{id}", RUN).with(user("carmen", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvals[0].approver").value("carmen"));
        mvc.perform(get("/reports/runs/{id}", RUN).with(user("carmen", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>carmen</td><td>decision = approve</td>")));
        mvc.perform(get("/reports/runs/{id}.pdf", RUN).with(user("carmen", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/runs/{id}/verify", RUN).with(user("carmen", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));

        mvc.perform(get("/api/runs").with(user("chris", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/reports/runs").with(user("chris", Groups.CHANGE_MANAGERS)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<p>0 runs; page 1.</p>")));
        for (String path : new String[] {"/api/runs/" + RUN, "/api/runs/" + RUN + "/verify", "/reports/runs/" + RUN,
                "/reports/runs/" + RUN + ".pdf"}) {
            mvc.perform(get(path).with(user("chris", Groups.CHANGE_MANAGERS)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value("User 'chris' may not read run '" + RUN + "': a change "
                            + "manager reads the runs in which they approved or rejected a gate, and they decided none "
                            + "in this run."));
        }
    }

    @Test
    void usersOutsideTheReaderGroupsAreRefusedWithAReason() throws Exception {
        for (String path : new String[] {"/api/runs", "/api/runs/" + RUN, "/reports/runs", "/reports/runs/" + RUN,
                "/reports/runs/" + RUN + ".pdf"}) {
            mvc.perform(get(path).with(user("nina", "partner-contacts")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType("application/json"))
                    .andExpect(jsonPath("$.message").value("User 'nina' may not read run evidence: that needs "
                            + "membership of one of the groups auditors, mq-operators, camunda-admin, or of "
                            + "change-managers for the runs whose gate the user decided."));
        }
    }

    @Test
    void nothingCanBeChangedAndBadInputIsNamed() throws Exception {
        mvc.perform(post("/api/runs/{id}", RUN).with(user("admin", Groups.ADMINS))).andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/api/runs/{id}", "no-such-run").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("No evidence recorded for run 'no-such-run'"));
        mvc.perform(get("/api/runs").param("from", "21/11/2026").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Parameter 'from' must be a date like 2026-11-21 (UTC), was '21/11/2026'."));
        mvc.perform(get("/api/runs").param("size", "1000").with(user("audrey", Groups.AUDITORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("size must be between 1 and 200, was 1000"));
    }
}
