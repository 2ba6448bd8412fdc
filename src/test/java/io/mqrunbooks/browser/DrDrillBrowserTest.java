package io.mqrunbooks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A DR drill through the real webapps in headless Chromium: QM1's primary host is down, the on-call lead
 * declares the disaster from Tasklist's start form, is refused at the gate by the four-eyes rule, a change
 * manager approves, an operator confirms the isolation and the partners' sign-offs and redirects the
 * clients, and an auditor reads the run report. Every step leaves a screenshot in
 * {@code target/browser-screenshots/<test>/}.
 */
class DrDrillBrowserTest extends BrowserRunTest {

    private static final String PROCESS_KEY = "drActivationProcess";
    private static final String PROCESS_NAME = "DR activation of a backup queue manager";
    private static final String GATE = "Declare disaster for QM1";
    private static final String INCIDENT = "INC-DRILL-0042";

    @Test
    void drDrillFromTasklistToTheRunReport(TestInfo test) throws Exception {
        labFaults.hostDown("mqeast1");
        inBrowser(test, this::drill);
    }

    private void drill() {
        tasklist.warmUp();
        tasklist.openLogin("tasklist");
        browser.screenshot("tasklist-login");

        // The on-call lead (operator and change manager) declares the disaster from the start form.
        tasklist.login("lead");
        browser.screenshot("lead-logged-in");
        tasklist.openStartForm(PROCESS_NAME);
        tasklist.select("Queue manager with a DR backup (from the inventory)", "QM1 (mqeast1)");
        tasklist.type("Reason", "DR drill: QM1's primary host mqeast1 is down");
        tasklist.type("Incident reference", INCIDENT);
        tasklist.type("Who declares", "Lee On-call Lead");
        tasklist.type("Client channel for the CCDT", "QM1.SVRCONN");
        browser.screenshot("start-form-filled");
        tasklist.start();
        browser.screenshot("drill-started");
        String runId = runId(PROCESS_KEY);
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(runId).singleResult()
                .getBusinessKey();
        assertThat(businessKey).as("the key a run started from Tasklist gets").isEqualTo(INCIDENT + " drActivation QM1");
        tasklist.awaitRunPage(runId);
        browser.screenshot("run-page-after-start");
        tasklist.openTasklist();

        // The initiator's own attempt at the gate is refused, visibly.
        tasklist.openTask(GATE);
        assertThat(tasklist.runPageLink()).as("the task links its run page").isEqualTo("/runs/" + runId);
        browser.screenshot("gate-seen-by-initiator");
        tasklist.claim();
        String refusal = tasklist.awaitNotification("Four-eyes rule");
        browser.screenshot("gate-refused-to-initiator");
        assertThat(refusal).contains("Four-eyes rule: lead started run " + businessKey
                + " and cannot approve its gate '" + GATE + "'. Another change manager must complete it.");
        assertThat(gate().getAssignee()).as("the refused claim left the gate unassigned").isNull();
        tasklist.logout();

        // Another change manager approves the declaration.
        tasklist.login("changemgr");
        tasklist.openTask(GATE);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("Queue manager")).isEqualTo("QM1");
        assertThat(tasklist.shown("Declared by")).isEqualTo("Lee On-call Lead");
        tasklist.choose("Decision", "Declare the disaster: activate the backup");
        tasklist.type("Comment", "Drill approved: isolation to be confirmed by the operator");
        browser.screenshot("gate-approved-by-change-manager");
        tasklist.complete();
        browser.screenshot("gate-completed");
        tasklist.logout();

        // The operator confirms the unreachable primary is isolated.
        tasklist.login("operator");
        tasklist.openTask("Confirm the primary QM1 is isolated");
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("What SSH found")).contains("mqeast1");
        tasklist.select("How is it isolated?", "Powered off");
        tasklist.type("Details (who did what, where, when; ticket numbers)",
                "Drill: mqeast1 powered off at the PDU by the data centre, ticket DC-7781");
        tasklist.check("I confirm the primary is isolated");
        browser.screenshot("isolation-confirmed-by-operator");
        tasklist.complete();
        browser.screenshot("isolation-completed");

        // No baseline could be exported from the dead primary: the operator vouches for the backup's objects.
        tasklist.openTask("Confirm the objects of QM1's backup are current", ASYNC_STEPS);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("Backup host")).isEqualTo("mqwest1");
        tasklist.type("How you know they are current",
                "Drill: the object definitions were copied to mqwest1 by last night's change CHG-1187");
        tasklist.check("I confirm the backup's objects are current");
        browser.screenshot("objects-current-confirmed");
        tasklist.complete();

        // Each of QM1's channel partners signs off the DR change (parallel tasks).
        for (String partner : List.of("Bank of Example (QM1.TO.BANK)", "Card Processor (QM1.TO.CARDS)")) {
            tasklist.openTask("Confirm the partner's DR change for QM1: " + partner, ASYNC_STEPS);
            tasklist.claim();
            tasklist.awaitClaimed();
            tasklist.type("Confirmed by (name at the partner)", "Duty manager at " + partner);
            tasklist.pickToday("Confirmed on");
            // 24-hour and to the minute (the picker once snapped to quarter hours in 12-hour form)
            tasklist.typeTime("at (24-hour, your time zone; kept with its UTC offset)", "10:37");
            tasklist.type("Firewall ticket reference", "FW-" + partner.length());
            browser.screenshot("partner-signed-off-" + partner.substring(0, partner.indexOf(' ')).toLowerCase());
            tasklist.complete();
        }

        // After the channels, the cluster, a test message and the drain: the operator redirects the clients.
        tasklist.openTask("Redirect the clients of QM1 (DNS or load balancer)", ASYNC_STEPS);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("Backup queue manager")).isEqualTo("QM1");
        tasklist.select("How were clients redirected?", "DNS change");
        tasklist.type("Details (records changed, change ticket)", "Drill: qm1.mq.example now points at mqwest1, DNS-5521");
        tasklist.check("Clients are redirected");
        browser.screenshot("clients-redirected-by-operator");
        tasklist.complete();
        tasklist.logout();

        // The auditor reads the run list and the run report.
        auditorSeesTheRunEnded(runId, "completed");
        assertThat(row(runId).subList(0, 5)).containsExactly(runId, PROCESS_KEY, businessKey, "QM1", "lead");
        browser.screenshot("auditor-run-list");
        String report = openReport(runId);
        browser.screenshot("auditor-run-report");

        // Who approved the declaration, and what they decided. The evidence store lists a task as an approval
        // only when its id starts with userTask_approve or it has gate=true (EvidenceParseListener); this
        // process's gate has neither, so it is listed with the other tasks a person completed. Either way
        // the row names the approver and the decision.
        List<String> declaration = row("Declare disaster for QM1 (userTask_declareDisaster)");
        assertThat(declaration).hasSizeGreaterThanOrEqualTo(3);
        assertThat(declaration.get(1)).isEqualTo("changemgr");
        assertThat(String.join("\n", declaration)).containsPattern("decision ?[=:] approve")
                .contains("Drill approved: isolation to be confirmed by the operator");
        WebElement strmqm = browser.driver().findElement(By.xpath(
                "//details[summary[contains(., 'mqwest1') and contains(., 'strmqm QM1')]]"));
        strmqm.findElement(By.tagName("summary")).click();
        WebElement output = strmqm.findElement(By.tagName("pre"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", output);
        browser.screenshot("auditor-command-output");
        assertThat(output.getText()).startsWith("IBM MQ queue manager 'QM1' starting.")
                .contains("IBM MQ queue manager 'QM1' started using V");
        assertThat(reportedOutcome()).isEqualTo("completed");
        assertThat(report).contains("Started by", "lead", "Confirm the primary QM1 is isolated (userTask_confirmIsolation)",
                "Duty manager at Bank of Example (QM1.TO.BANK)", "Duty manager at Card Processor (QM1.TO.CARDS)",
                "Redirect the clients of QM1 (DNS or load balancer) (userTask_redirectClients)");
    }

    private Task gate() {
        return taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey("userTask_declareDisaster")
                .singleResult();
    }
}
