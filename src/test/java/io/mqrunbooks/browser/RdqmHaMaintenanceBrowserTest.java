package io.mqrunbooks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The RDQM HA node maintenance of ha1 through the real webapps in headless Chromium: the operator starts it from
 * Tasklist's start form, a change manager approves the gate that names the node in the task list after reading the
 * plan table, the operator confirms the maintenance once the queue managers run on the other nodes, and an auditor
 * reads the run report. Screenshots in {@code target/browser-screenshots/<test>/}.
 */
class RdqmHaMaintenanceBrowserTest extends BrowserRunTest {

    private static final String PROCESS_KEY = "rdqmHaNodeMaintenanceProcess";
    private static final String GATE = "Approve the maintenance of RDQM HA node ha1";
    private static final String CHANGE = "CHG-HA-0007";

    @Test
    void rdqmHaNodeMaintenanceFromTasklistToTheRunReport(TestInfo test) throws Exception {
        inBrowser(test, this::maintenance);
    }

    private void maintenance() {
        tasklist.warmUp();
        tasklist.openLogin("tasklist");
        tasklist.login("operator");
        tasklist.openStartForm("RDQM HA node maintenance");
        tasklist.select("Node to maintain (from the inventory)", "ha1");
        tasklist.type("Reason", "Fix pack 9.4.0.5 on ha1");
        tasklist.type("Change reference (optional)", CHANGE);
        browser.screenshot("start-form-filled");
        tasklist.start();
        String runId = runId(PROCESS_KEY);
        tasklist.awaitRunPage(runId);
        browser.screenshot("run-page-after-start");
        tasklist.openTasklist();
        tasklist.logout();

        // The change manager finds the gate by the node it names and approves the plan it shows.
        tasklist.login("changemgr");
        tasklist.openTask(GATE, ASYNC_STEPS);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("Who runs where now, where each queue manager moves, HA status, and what will run"))
                .contains("QMHA1 | ha1 | ha1 | Normal | moves to ha2, back to ha1 when it resumes",
                        "QMHA2 | ha2 | ha2 | Normal | stays on ha2");
        tasklist.choose("Decision", "Approve");
        tasklist.type("Comment", "Window agreed in " + CHANGE);
        browser.screenshot("gate-approved-by-change-manager");
        tasklist.complete();
        tasklist.logout();

        // ha1 is suspended and its queue manager runs on ha2: the operator does the maintenance and confirms it.
        tasklist.login("operator");
        tasklist.openTask("Do the maintenance of ha1 and confirm it", ASYNC_STEPS);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("The HA group now")).contains("QMHA1: runs on ha2");
        assertThat(labMq.haNodeSuspended("ha1")).isTrue();
        tasklist.type("What was done (e.g. fix pack 9.4.0.5 installed)", "Fix pack 9.4.0.5 installed, node rebooted");
        browser.screenshot("maintenance-confirmed-by-operator");
        tasklist.complete();
        tasklist.logout();

        List<String> listed = auditorSeesTheRunEnded(runId, "completed");
        assertThat(listed.subList(0, 3)).containsExactly(runId, PROCESS_KEY, CHANGE + " rdqmHaNodeMaintenance ha1");
        assertThat(listed).contains("operator");
        browser.screenshot("auditor-run-list");
        String report = openReport(runId);
        browser.screenshot("auditor-run-report");
        assertThat(reportedOutcome()).isEqualTo("completed");
        List<String> approval = row(GATE + " (userTask_approveMaintenance)");
        assertThat(approval).hasSizeGreaterThanOrEqualTo(4);
        assertThat(approval.subList(1, 4)).containsExactly("changemgr", "maintenanceDecision = approve",
                "Window agreed in " + CHANGE);
        assertThat(row("Do the maintenance of ha1 and confirm it (userTask_confirmMaintenance)").subList(1, 3))
                .containsExactly("operator", "maintenanceDone: Fix pack 9.4.0.5 installed, node rebooted");
        assertThat(report).contains("rdqmadm -s", "rdqmadm -r");
        assertThat(labMq.haNodeSuspended("ha1")).isFalse();
        assertThat(labMq.haCurrentLocation("QMHA1")).contains("ha1");
    }
}
