package io.mqrunbooks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqrunbooks.testsupport.LabAppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rehearsal prepared from the lab page as an administrator does it: logged in to the webapps, open /lab,
 * fail a host and install an MQ level from the forms, and see the answer and the tables change.
 */
/* Tagged apart so CI's MariaDB pass skips it: it checks pages, and runs on H2 in every build. */
@org.junit.jupiter.api.Tag("browser")
class LabPageBrowserTest extends LabAppTest {

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void anAdministratorFailsAHostAndInstallsALevelFromTheLabPage(TestInfo test) throws Exception {
        Path screenshots = Path.of("target", "browser-screenshots", test.getTestMethod().orElseThrow().getName());
        String baseUrl = "http://localhost:" + port;
        try (Browser browser = Browser.open(screenshots)) {
            WebDriver driver = browser.driver();
            try {
                Tasklist tasklist = new Tasklist(browser, baseUrl);
                tasklist.warmUp();
                tasklist.openLogin("tasklist");
                tasklist.submitLogin("admin");

                driver.get(baseUrl + "/lab");
                browser.await("the lab page", ExpectedConditions.textToBe(By.tagName("h1"), "Lab estate"));
                assertThat(cell(driver, "#hosts tr[data-host='mqeast1'] .reachable")).isEqualTo("up");
                browser.screenshot("lab-page");

                WebElement fail = driver.findElement(By.cssSelector("form[action='/lab/control/mq/fail-host']"));
                new Select(fail.findElement(By.name("host"))).selectByValue("mqeast1");
                fail.findElement(By.cssSelector("button[type=submit]")).click();
                browser.await("the answer to Fail host", ExpectedConditions.textToBe(By.id("answer"),
                        "host mqeast1 failed: its queue managers ended unexpectedly, SSH refuses connections"));
                browser.await("mqeast1 shown down", ExpectedConditions.textToBe(
                        By.cssSelector("#hosts tr[data-host='mqeast1'] .reachable"), "down"));
                assertThat(cell(driver, "#queue-managers tr[data-host='mqeast1'][data-qm='QM1'] .status"))
                        .isEqualTo("Ended unexpectedly");
                assertThat(labFaults.isDown("mqeast1")).isTrue();
                browser.screenshot("host-failed");

                WebElement install = driver.findElement(By.cssSelector("form[action='/lab/control/mq/install-version']"));
                new Select(install.findElement(By.name("host"))).selectByValue("mqwest1");
                new Select(install.findElement(By.name("version"))).selectByValue("9.4.1.0");
                install.findElement(By.cssSelector("button[type=submit]")).click();
                browser.await("the answer to Install", ExpectedConditions.textToBe(By.id("answer"),
                        "IBM MQ 9.4.1.0 installed on mqwest1"));
                browser.await("mqwest1's new level", ExpectedConditions.textToBe(
                        By.cssSelector("#hosts tr[data-host='mqwest1'] .version"), "9.4.1.0"));
                assertThat(labMq.installedVersion("mqwest1")).isEqualTo("9.4.1.0");
                browser.screenshot("level-installed");

                WebElement cut = driver.findElement(By.cssSelector(
                        "form[action='/lab/control/mq/cut-cross-region-link']"));
                assertThat(new Select(cut.findElement(By.name("qm"))).getOptions()).extracting(WebElement::getText)
                        .containsExactly("choose a queue manager", "QMNHA");
                new Select(cut.findElement(By.name("qm"))).selectByValue("QMNHA");
                cut.findElement(By.cssSelector("button[type=submit]")).click();
                browser.await("the answer to Cut cross-region link", ExpectedConditions.textToBe(By.id("answer"),
                        "Native HA cross-region link of QMNHA cut"));
                assertThat(groups("nha1")).contains("GRPNAME(NHAWEST) GRPROLE(Recovery)", "CONNGRP(no)");
                browser.screenshot("cross-region-link-cut");

                WebElement restore = driver.findElement(By.cssSelector(
                        "form[action='/lab/control/mq/restore-cross-region-link']"));
                new Select(restore.findElement(By.name("qm"))).selectByValue("QMNHA");
                restore.findElement(By.cssSelector("button[type=submit]")).click();
                browser.await("the answer to Restore cross-region link", ExpectedConditions.textToBe(By.id("answer"),
                        "Native HA cross-region link of QMNHA restored"));
                assertThat(groups("nha1")).contains("GRPNAME(NHAWEST) GRPROLE(Recovery)", "CONNGRP(yes)");

                driver.findElement(By.cssSelector("form[action='/lab/control/reset'] button[type=submit]")).click();
                browser.await("mqeast1 up again after the reset", ExpectedConditions.textToBe(
                        By.cssSelector("#hosts tr[data-host='mqeast1'] .reachable"), "up"));
                assertThat(labFaults.isDown("mqeast1")).isFalse();
                browser.screenshot("estate-reset");
            } catch (AssertionError | RuntimeException failed) {
                browser.screenshot("failure");
                Files.writeString(screenshots.resolve("failure.html"), driver.getPageSource());
                throw failed;
            }
        }
    }

    private String groups(String host) {
        return labMq.execute(host, "mqm", java.util.List.of("dspmq", "-o", "nativeha", "-g", "-m", "QMNHA"), "")
                .stdout();
    }

    private static String cell(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
