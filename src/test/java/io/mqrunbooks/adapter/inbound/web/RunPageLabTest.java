package io.mqrunbooks.adapter.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqrunbooks.runbooks.rdqm.RunbookLabTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The run page of an RDQM switchover, as the operator, the change manager and the auditor see it, on the lab. */
class RunPageLabTest extends RunbookLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;

    @Test
    void theOperatorFollowsASwitchoverFromTheWaitingGateToItsReport() {
        String businessKey = "RUNPAGE-" + System.nanoTime();
        ProcessInstance run = startAs(businessKey);
        awaitTask(run.getId(), "userTask_approveSwitchover");

        String waiting = page("operator", run.getId());
        assertThat(waiting).contains("<svg", "<title>Approve the switchover of QMDR: waiting</title>", "Waiting for 'Approve the switchover of QMDR'",
                "a change manager other than operator", "Open in Tasklist", "Started the run with queueManager = QMDR",
                "rdqmstatus -m QMDR");
        assertThat(stepClass(waiting, "userTask_approveSwitchover")).isEqualTo("step waiting");
        assertThat(stepClass(waiting, "serviceTask_assessSwitchover")).isEqualTo("step done");
        assertThat(stepClass(waiting, "serviceTask_endPrimary")).isEqualTo("step not-run");
        assertThat(waiting).doesNotContain("Read the run report");
        ResponseEntity<String> response = get("operator", "/runs/" + run.getId());
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(get("operator", "/js/run-page.js").getBody()).contains("/progress");
        assertThat(get("operator", "/css/run-page.css").getBody()).contains(".step.waiting");
        assertThat(page("operator", businessKey)).as("the same page by the business key")
                .contains("Run id " + run.getId());
        // The run asks the change managers for their approval: they read it before deciding (docs/security.md).
        assertThat(page("changemgr", run.getId())).contains("Waiting for 'Approve the switchover of QMDR'",
                "Started the run with queueManager = QMDR");

        decide(run.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitEnd(run);

        String finished = page("changemgr", run.getId());
        assertThat(finished).contains("Finished: completed", "Read the run report",
                "href=\"/reports/runs/" + run.getId() + "\"", "changemgr", "Decided 'Approve the switchover of QMDR': approve",
                "endmqm -w QMDR", "strmqm QMDR", "IBM MQ queue manager 'QMDR' starting.", "No task is waiting");
        assertThat(stepClass(finished, "serviceTask_startQueueManager")).isEqualTo("step done");
        assertThat(stepClass(finished, "endEvent_switchedOver")).isEqualTo("step done");
        assertThat(page("auditor", run.getId())).contains("Finished: completed");

        JsonNode progress = json(get("auditor", "/api/runs/" + run.getId() + "/progress"));
        assertThat(progress.path("status").asText()).isEqualTo("finished");
        assertThat(progress.path("steps").path("serviceTask_makePrimary").asText()).isEqualTo("done");
        assertThat(progress.path("reportLink").asText()).isEqualTo("/reports/runs/" + run.getId());
        assertThat(page("auditor", "/reports/runs/" + run.getId(), true)).contains("href=\"/runs/" + run.getId() + "\"");
    }

    @Test
    void aFailedStepShowsItsIncidentAndOnlyTheOperatorMayRetryIt() {
        labFaults.fail("dr1", "endmqm", 71, "AMQ9999E: the lab refuses to end the queue manager");
        ProcessInstance run = startAs("RUNPAGE-" + System.nanoTime());
        decide(run.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        Job failed = awaitFailedJob(run.getId());
        // the retries a failed step has left (three, 30 s apart) are spent at once, as the engine would in 90 s
        managementService.setJobRetries(failed.getId(), 0);

        String operatorsView = page("operator", run.getId());
        assertThat(operatorsView).contains("Stopped: 'End the queue manager on the primary' failed", "Retry",
                "/api/runs/" + run.getId() + "/retry/" + failed.getId());
        assertThat(stepClass(operatorsView, "serviceTask_endPrimary")).isEqualTo("step failed");
        String auditorsView = page("auditor", run.getId());
        assertThat(auditorsView).contains("End the queue manager on the primary").doesNotContain("Retry</button>");

        ResponseEntity<String> refused = post("auditor", "/api/runs/" + run.getId() + "/retry/" + failed.getId());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("auditor");
        assertThat(managementService.createJobQuery().jobId(failed.getId()).singleResult().getRetries()).isZero();

        ResponseEntity<String> fromAnotherSite = post("operator", "/api/runs/" + run.getId() + "/retry/" + failed.getId(),
                MediaType.TEXT_HTML, "cross-site");
        assertThat(fromAnotherSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fromAnotherSite.getBody()).contains("only from this application's own pages");

        labFaults.clearAll();
        ResponseEntity<String> retried = post("operator", "/api/runs/" + run.getId() + "/retry/" + failed.getId(),
                MediaType.TEXT_HTML, "same-origin");
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody()).as("the page's form post lands back on the run page")
                .contains("Run id " + run.getId());
        awaitEndAfterRetry(run.getId());
        assertThat(page("operator", run.getId())).contains("Finished: completed", "No open incident.");
    }

    @Test
    void theInitiatorOrAChangeManagerMayAbortAWaitingRunAndTheReportSaysWhoWhenAndWhy() {
        ProcessInstance run = startAs("ABORT-" + System.nanoTime());
        awaitTask(run.getId(), "userTask_approveSwitchover");
        String abortPath = "/api/runs/" + run.getId() + "/abort";

        assertThat(page("operator", run.getId())).as("the initiator is offered the abort").contains("Abort the run");
        assertThat(page("auditor", run.getId())).doesNotContain("Abort the run");
        ResponseEntity<String> auditor = abort("auditor", abortPath, "{\"reason\":\"I audit\"}");
        assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(auditor.getBody()).contains("auditor may not abort runs: only a run's initiator, a change manager"
                + " or an administrator may.");
        ResponseEntity<String> noReason = abort("changemgr", abortPath, "{\"reason\":\" \"}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("Give the reason for aborting the run");
        ResponseEntity<String> otherSite = rest.withBasicAuth("changemgr", "changemgr").exchange(abortPath,
                HttpMethod.POST, new HttpEntity<>("reason=x", formHeaders("cross-site")), String.class);
        assertThat(otherSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isOne();

        JsonNode aborted = json(abort("changemgr", abortPath, "{\"reason\":\"Change window cancelled, CHG-77\"}"));
        assertThat(aborted.path("outcome").asText()).matches(
                "aborted by changemgr at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: Change window cancelled, CHG-77");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(run.getId()).count()).isZero();
        assertThat(sideEffects()).as("nothing ran past the gate").isEmpty();

        String report = page("auditor", "/reports/runs/" + run.getId(), true);
        assertThat(report).contains(aborted.path("outcome").asText(), "Last action by</th><td>changemgr",
                "Reason given for ending it</th><td>" + aborted.path("outcome").asText(),
                "rdqmstatus -m QMDR");
        assertThat(page("operator", run.getId())).contains("Finished: " + aborted.path("outcome").asText())
                .doesNotContain("Abort the run");
        ResponseEntity<String> again = abort("operator", abortPath, "{\"reason\":\"twice\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("has already ended; a finished run cannot be aborted.");
    }

    @Test
    void anOpenRunPageFollowsAnAbortByAnotherUserItsFormGivesWayToWhoAbortedItWhenAndWhy() {
        ProcessInstance run = startAs("ABORT-" + System.nanoTime());
        awaitTask(run.getId(), "userTask_approveSwitchover");
        String opened = page("operator", run.getId());
        assertThat(section(opened, "abort")).as("the abort form, in a section the page redraws")
                .startsWith("<section id=\"abort\" class=\"live\">")
                .contains("<form method=\"post\" action=\"/api/runs/" + run.getId() + "/abort\"", "Abort the run");
        assertThat(section(page("auditor", run.getId()), "abort")).as("nothing to press for an auditor")
                .isEqualTo("<section id=\"abort\" class=\"live\">\n</section>");
        String revision = json(get("operator", "/api/runs/" + run.getId() + "/progress")).path("revision").asText();

        JsonNode aborted = json(abort("changemgr", "/api/runs/" + run.getId() + "/abort",
                "{\"reason\":\"Freeze for the quarter end\"}"));

        JsonNode progress = json(get("operator", "/api/runs/" + run.getId() + "/progress"));
        assertThat(progress.path("revision").asText()).as("the open page's script sees a change").isNotEqualTo(revision);
        assertThat(progress.path("status").asText()).isEqualTo("finished");
        String redrawn = section(page("operator", run.getId()), "abort");
        assertThat(redrawn).as("what the script swaps in for the form")
                .isEqualTo("<section id=\"abort\" class=\"live\">\n<h2>Aborted</h2>\n<p class=\"aborted\">Aborted by "
                        + aborted.path("outcome").asText().substring("aborted by ".length()) + "</p>\n</section>")
                .contains("Aborted by changemgr at ", " UTC: Freeze for the quarter end")
                .doesNotContain("<form");
        assertThat(section(page("auditor", run.getId()), "abort")).as("everyone reading the run sees who aborted it")
                .contains("Aborted by changemgr at ");
    }

    @Test
    void everyBuiltInWaitShowsItsLengthAndWhereItComesFrom() {
        ProcessInstance maintenance = start("rdqmHaNodeMaintenanceProcess", "haNode", "ha1", "reason", "fix pack");
        awaitTask(maintenance.getId(), "userTask_approveMaintenance");
        String haWaits = section(page("operator", maintenance.getId()), "waits");
        assertThat(haWaits).contains("<h2>Built-in waits</h2>",
                "<tr data-step=\"timerEvent_evacuationWait\"><td>Wait for the queue managers to move</td>"
                        + "<td>30 seconds</td><td>configuration (mqrunbooks.waits.poll-interval)</td><td></td></tr>",
                "<tr data-step=\"timerEvent_resumeWait\"><td>Wait for the other nodes and replicas</td>"
                        + "<td>30 seconds</td><td>configuration (mqrunbooks.waits.poll-interval)</td><td></td></tr>",
                "<tr data-step=\"timerEvent_returnWait\"><td>Wait for the queue managers to move back</td>"
                        + "<td>30 seconds</td><td>configuration (mqrunbooks.waits.poll-interval)</td><td></td></tr>");
        ProcessInstance quick = start("nativeHaRollingMaintenanceProcess", "queueManager", "QMNHA", "reason", "fix pack",
                "pollInterval", "PT5S");
        awaitTask(quick.getId(), "userTask_approveMaintenance");
        assertThat(section(page("operator", quick.getId()), "waits")).contains("<tr data-step=\"timerEvent_syncWait\">"
                + "<td>Wait for the instances to be in sync</td><td>5 seconds</td>"
                + "<td>the start of this run (shortened from 30 seconds)</td><td></td></tr>");

        ProcessInstance migration = start("clusterQueueManagerMigrationProcess", "queueManager", "PR3",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade");
        awaitTask(migration.getId(), "userTask_approveMigration");
        String migrationWaits = section(page("operator", migration.getId()), "waits");
        assertThat(migrationWaits).contains("<td>Monitoring period</td><td>30 minutes</td>"
                + "<td>configuration (mqrunbooks.cluster-migration.monitoring-period)</td>",
                "<td>Wait for the next sample</td><td>1 minute</td>"
                        + "<td>configuration (mqrunbooks.cluster-migration.traffic-sample-interval)</td>");
        JsonNode waits = json(get("operator", "/api/runs/" + migration.getId() + "/progress")).path("waits");
        assertThat(waits.findValuesAsText("length")).contains("30 minutes", "10 seconds", "1 minute");
        // PR3 and PR1 share their cluster's full repositories: one run at a time on them.
        runtimeService.deleteProcessInstance(migration.getId(), "the test starts the next migration");

        ProcessInstance shortMonitoring = start("clusterQueueManagerMigrationProcess", "queueManager", "PR1",
                "targetVersion", "9.4.1.0", "reason", "MQ 9.4.1 upgrade", "monitoringPeriod", "PT5M");
        awaitTask(shortMonitoring.getId(), "userTask_approveMigration");
        assertThat(section(page("operator", shortMonitoring.getId()), "waits")).contains(
                "<td>Monitoring period</td><td>5 minutes</td><td>the start of this run (shortened from 30 minutes)</td>");

        ProcessInstance quickSwitchover = start("multiInstanceSwitchoverProcess", "queueManager", "MIQM",
                "endMode", "immediate", "reason", "patch", "pollInterval", "PT2S");
        awaitTask(quickSwitchover.getId(), "userTask_approveSwitchover");
        assertThat(section(page("operator", quickSwitchover.getId()), "waits")).contains(
                "<td>Wait for the takeover</td><td>2 seconds</td>"
                        + "<td>the start of this run (shortened from 30 seconds)</td>");

        ProcessInstance activation = start("drActivationProcess", "queueManager", "QM1", "reason", "flood",
                "incidentReference", "INC-9", "declaredBy", "duty lead", "clientChannel", "APP.SVRCONN",
                "pollInterval", "PT5S");
        awaitTask(activation.getId(), "userTask_declareDisaster");
        assertThat(section(page("operator", activation.getId()), "waits")).as("every poll of the activation").contains(
                "<td>Wait before the next dspmq</td><td>5 seconds</td>"
                        + "<td>the start of this run (shortened from 10 seconds)</td>",
                "<td>Wait before the next sample</td><td>5 seconds</td>"
                        + "<td>the start of this run (shortened from 10 seconds)</td>");
    }

    /** One section of the page, by its id, as the page's script would swap it. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start) + "</section>".length());
    }

    @Test
    void aRunStoppedByAFailedStepCanBeAbortedAndItsReportKeepsTheFailure() {
        labFaults.fail("dr1", "endmqm", 71, "AMQ9999E: the lab refuses to end the queue manager");
        ProcessInstance run = startAs("ABORT-" + System.nanoTime());
        decide(run.getId(), "userTask_approveSwitchover", "switchoverDecision", "approve");
        awaitFailedJob(run.getId());

        JsonNode aborted = json(abort("operator", "/api/runs/" + run.getId() + "/abort",
                "{\"reason\":\"endmqm keeps failing; switching over next window\"}"));

        assertThat(aborted.path("outcome").asText()).startsWith("aborted by operator at ")
                .endsWith(": endmqm keeps failing; switching over next window");
        assertThat(managementService.createJobQuery().processInstanceId(run.getId()).count()).isZero();
        assertThat(page("auditor", "/reports/runs/" + run.getId(), true)).contains(aborted.path("outcome").asText(),
                "Last action by</th><td>operator", "endmqm -w QMDR", "AMQ9999E: the lab refuses to end the queue manager",
                "approve", "changemgr");
    }

    @Test
    void anotherOperatorMayNotAbortARunButItsInitiatorMayFromThePage() {
        ProcessInstance run = startAs("ABORT-" + System.nanoTime(), "lead", List.of("mq-operators", "change-managers"));
        awaitTask(run.getId(), "userTask_approveSwitchover");
        String abortPath = "/api/runs/" + run.getId() + "/abort";

        assertThat(page("operator", run.getId())).doesNotContain("Abort the run");
        ResponseEntity<String> operator = abort("operator", abortPath, "{\"reason\":\"not mine\"}");
        assertThat(operator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(operator.getBody()).contains("operator may not abort run " + run.getId()
                + ": only the user who started it (lead), a change manager or an administrator may.");

        HttpHeaders headers = formHeaders("same-origin");
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> fromPage = rest.withBasicAuth("lead", "lead").exchange(abortPath, HttpMethod.POST,
                new HttpEntity<>("reason=Started+on+the+wrong+queue+manager", headers), String.class);
        assertThat(fromPage.getStatusCode()).as(fromPage.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(HtmlUtils.htmlUnescape(fromPage.getBody())).as("the form post lands back on the run page")
                .contains("Run id " + run.getId(), "aborted by lead at ", ": Started on the wrong queue manager");
    }

    @Test
    void tasklistLoadsTheScriptThatLinksTasksAndNewRunsToTheirRunPage() {
        ResponseEntity<String> config = rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("customScripts: ['scripts/run-links']", "startProcess:");
        ResponseEntity<String> script = rest.getForEntity("/camunda/app/tasklist/scripts/run-links.js", String.class);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getBody()).contains("'/runs/' + encodeURIComponent(runId)", "submit-form|start",
                "section.task-card");
    }

    private ResponseEntity<String> abort(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers),
                String.class);
    }

    private static HttpHeaders formHeaders(String fetchSite) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("Sec-Fetch-Site", fetchSite);
        return headers;
    }

    private ProcessInstance startAs(String businessKey) {
        return startAs(businessKey, OPERATOR, List.of("mq-operators"));
    }

    private ProcessInstance startAs(String businessKey, String user, List<String> groups) {
        identityService.setAuthentication(user, groups);
        try {
            return runtimeService.startProcessInstanceByKey("rdqmSwitchoverProcess", businessKey,
                    vars("queueManager", "QMDR", "reason", "Run page test"));
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Unlike {@code awaitEnd}, bears the failed attempt the run carries until its retry succeeds. */
    private void awaitEndAfterRetry(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (historyService.createHistoricProcessInstanceQuery().processInstanceId(runId).singleResult()
                .getEndTime() == null) {
            assertThat(Instant.now()).as("run " + runId + " ended after the retry").isBefore(deadline);
            sleep(150);
        }
    }

    private Job awaitFailedJob(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            List<Job> failing = managementService.createJobQuery().processInstanceId(runId).withException().list();
            if (!failing.isEmpty()) {
                return failing.get(0);
            }
            sleep(150);
        }
        throw new AssertionError("no step of run " + runId + " failed within 90 s");
    }

    /** The page's text as a reader sees it (entities decoded). */
    private String page(String user, String runIdOrKey) {
        return page(user, "/runs/" + runIdOrKey, true);
    }

    private String page(String user, String path, boolean html) {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return html ? HtmlUtils.htmlUnescape(response.getBody()) : response.getBody();
    }

    /** The class of the diagram's group for a step: "step done", "step waiting", ... */
    private static String stepClass(String page, String stepId) {
        int at = page.indexOf("data-step=\"" + stepId + "\"");
        assertThat(at).as("step " + stepId + " in the diagram").isPositive();
        int classAt = page.lastIndexOf("class=\"", at) + "class=\"".length();
        return page.substring(classAt, page.indexOf('"', classAt));
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path) {
        return post(user, path, MediaType.APPLICATION_JSON, null);
    }

    /** @param fetchSite what a browser says of where the request came from ({@code Sec-Fetch-Site}), or null */
    private ResponseEntity<String> post(String user, String path, MediaType accept, String fetchSite) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        if (fetchSite != null) {
            headers.set("Sec-Fetch-Site", fetchSite);
        }
        return rest.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(headers), String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
