package io.mqrunbooks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The unplanned cross-region switch of QMNHA through the real webapps in headless Chromium, after the east region
 * (the Live group NHAEAST) is lost with the link cut: the operator starts it from Tasklist's start form, a change
 * manager reads the data-loss window at the gate, is refused while the acceptance is not ticked, ticks it and
 * approves; the west group NHAWEST is Live and an auditor reads the run report. Screenshots in
 * {@code target/browser-screenshots/<test>/}.
 */
class NativeHaCrossRegionSwitchBrowserTest extends BrowserRunTest {

    private static final String PROCESS_KEY = "nativeHaCrossRegionSwitchProcess";
    private static final String GATE = "Approve the cross-region switch of QMNHA to NHAWEST";
    private static final String CHANGE = "INC-CRR-0077";
    private static final String ACCEPT = "I accept the loss of the data in this window (required to approve an"
            + " unplanned switch)";

    @Test
    void anUnplannedCrossRegionSwitchFromTasklistToTheRunReport(TestInfo test) throws Exception {
        inBrowser(test, this::unplannedSwitch);
    }

    private void unplannedSwitch() {
        labMq.nativeHaCrossRegionLink("QMNHA", false);
        List.of("nha1", "nha2", "nha3").forEach(labMq::failHost);

        tasklist.warmUp();
        tasklist.openLogin("tasklist");
        tasklist.login("operator");
        tasklist.openStartForm("Native HA cross-region switch");
        tasklist.select("Native HA queue manager with cross-region replication (from the inventory)",
                "QMNHA (nha1, nha2, nha3)");
        tasklist.choose("Switch", "Unplanned (the Live region is lost)");
        tasklist.type("Reason (e.g. the region's maintenance, or the incident)", "East region down");
        tasklist.type("Change reference (optional)", CHANGE);
        browser.screenshot("start-form-filled");
        tasklist.start();
        String runId = runId(PROCESS_KEY);
        tasklist.awaitRunPage(runId);
        tasklist.openTasklist();
        tasklist.logout();

        tasklist.login("changemgr");
        tasklist.openTask(GATE, ASYNC_STEPS);
        tasklist.claim();
        tasklist.awaitClaimed();
        assertThat(tasklist.shown("Data-loss window (unplanned switches; empty when planned)"))
                .startsWith("The Recovery group NHAWEST last knew it lacked");
        assertThat(tasklist.shown("Both groups as read, and the plan")).contains("NHAEAST    Live       lost (left as"
                + " it is)");
        tasklist.choose("Decision", "Approve");
        tasklist.type("Comment", "Accepted in " + CHANGE);
        browser.driver().findElement(By.xpath("//section[contains(@class,'task-card')]//button[normalize-space(.)"
                + "='Complete']")).click();
        String refusal = tasklist.awaitNotification("needs the data-loss window");
        browser.screenshot("gate-refused-without-the-acceptance");
        assertThat(refusal).contains("Approving an unplanned cross-region switch needs the data-loss window accepted");
        assertThat(groups()).as("nothing edited").contains("GRPNAME(NHAWEST) GRPROLE(Recovery)");

        tasklist.check(ACCEPT);
        browser.screenshot("gate-approved-with-the-acceptance");
        // the refusal's notification stays over the Complete button; a script click reaches the button under it
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", browser.driver().findElement(
                By.xpath("//section[contains(@class,'task-card')]//button[normalize-space(.)='Complete']")));
        browser.await("the completed task closed", ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'no-task')][normalize-space(.)='Select a task in the list.']")));
        tasklist.logout();

        List<String> listed = auditorSeesTheRunEnded(runId, "completed");
        assertThat(listed.subList(0, 3)).containsExactly(runId, PROCESS_KEY, CHANGE + " nativeHaCrossRegionSwitch"
                + " QMNHA");
        String report = openReport(runId);
        browser.screenshot("auditor-run-report");
        assertThat(reportedOutcome()).isEqualTo("completed");
        assertThat(row(GATE + " (userTask_approveSwitch)").subList(1, 4)).containsExactly("changemgr",
                "switchDecision = approve", "Accepted in " + CHANGE);
        assertThat(report).contains("sed -i s/GroupRole=Recovery/GroupRole=Live/ /var/mqm/qmgrs/QMNHA/qm.ini");
        assertThat(groups()).contains("GRPNAME(NHAWEST) GRPROLE(Live)");
    }

    private String groups() {
        return labMq.execute("nhb1", "mqm", List.of("dspmq", "-o", "nativeha", "-g", "-m", "QMNHA"), "").stdout();
    }
}
