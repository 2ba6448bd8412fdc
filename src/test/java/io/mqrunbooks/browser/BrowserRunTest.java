package io.mqrunbooks.browser;

import io.mqrunbooks.testsupport.LabAppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A runbook walked through the real webapps in headless Chromium (docs/browser-tests.md): the browser and
 * Tasklist helpers, screenshots in {@code target/browser-screenshots/<test>/}, what the page and the engine
 * showed when a walk fails, and the auditor's run list and report.
 */
/* Tagged apart so CI's MariaDB pass skips it: it checks pages, and runs on H2 in every build. */
@org.junit.jupiter.api.Tag("browser")
abstract class BrowserRunTest extends LabAppTest {

    /** The job executor runs the service tasks between two user tasks, some of them polling. */
    static final Duration ASYNC_STEPS = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    Browser browser;
    Tasklist tasklist;

    /** Before the app starts: without the browser there is nothing to test (CI fails, elsewhere skips). */
    @BeforeAll
    static void browserInstalled() {
        Browser.requireInstalled();
    }

    /** Opens Chromium, runs {@code walk}; on a failure keeps a screenshot, the page and where the run is. */
    void inBrowser(TestInfo test, Runnable walk) throws Exception {
        Path screenshots = Path.of("target", "browser-screenshots", test.getTestMethod().orElseThrow().getName());
        try (Browser opened = Browser.open(screenshots)) {
            browser = opened;
            tasklist = new Tasklist(browser, baseUrl());
            try {
                walk.run();
            } catch (AssertionError | RuntimeException failed) {
                browser.screenshot("failure");
                Files.writeString(screenshots.resolve("failure.html"), browser.driver().getPageSource());
                Files.writeString(screenshots.resolve("failure-run.txt"), whereTheRunIs());
                throw failed;
            }
        }
    }

    /** The auditor logs in to the webapps (Cockpit: auditors have no Tasklist); returns the run's row once ended. */
    List<String> auditorSeesTheRunEnded(String runId, String outcome) {
        tasklist.openLogin("cockpit");
        tasklist.submitLogin("auditor");
        browser.screenshot("auditor-logged-in-to-cockpit");
        // The last steps run in the background after the last task: reload the list until the run has ended.
        return browser.retry("run " + runId + " listed as " + outcome, ASYNC_STEPS, driver -> {
            driver.get(baseUrl() + "/reports/runs");
            List<String> listed = row(runId);
            return listed.size() > 7 && outcome.equals(listed.get(7)) ? listed : null;
        });
    }

    /** From the run list, the run's report; returns its text. */
    String openReport(String runId) {
        browser.driver().findElement(By.linkText(runId)).click();
        browser.await("the run report", ExpectedConditions.titleContains("Run report"));
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    /** The report's Outcome cell. */
    String reportedOutcome() {
        return browser.driver().findElement(By.xpath("//h2[normalize-space(.)='Outcome']/following-sibling::table[1]"
                + "//tr[th[normalize-space(.)='Outcome']]/td")).getText();
    }

    /** The cells of the first report table row whose first cell is {@code firstCell}. */
    List<String> row(String firstCell) {
        return browser.driver().findElements(By.xpath("(//table//tr[td[1][normalize-space(.)="
                        + Tasklist.literal(firstCell) + "]])[1]/td")).stream().map(WebElement::getText).toList();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The one run of the process (the lab and the engine are fresh for each test). */
    String runId(String processKey) {
        List<ProcessInstance> runs = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).list();
        Assertions.assertEquals(1, runs.size(), "runs of " + processKey);
        return runs.get(0).getId();
    }

    /** For a failure: the steps the run has passed and the tasks open, as the engine sees them. */
    private String whereTheRunIs() {
        StringBuilder text = new StringBuilder();
        historyService.createHistoricActivityInstanceQuery().orderByHistoricActivityInstanceStartTime().asc().list()
                .forEach(a -> text.append(a.getStartTime().toInstant()).append(' ').append(a.getActivityId())
                        .append(a.getEndTime() == null ? " (open)" : "").append('\n'));
        taskService.createTaskQuery().list().forEach(t -> text.append("task ").append(t.getName())
                .append(" assignee=").append(t.getAssignee()).append('\n'));
        runtimeService.createIncidentQuery().list().forEach(i -> text.append("incident ").append(i.getActivityId())
                .append(": ").append(i.getIncidentMessage()).append('\n'));
        return text.toString();
    }
}
