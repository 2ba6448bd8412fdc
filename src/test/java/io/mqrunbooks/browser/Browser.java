package io.mqrunbooks.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so Selenium Manager
 * never looks for (or downloads) a browser or driver. Saves a numbered screenshot per step.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NOT_INSTALLED = "chromium and chromium-driver are not installed (.ci/run installs them)";

    /** Async steps run on the job executor; Tasklist refreshes its list on its own. */
    static final Duration WAIT = Duration.ofSeconds(30);
    /** How often a wait looks again: Selenium's default of 500 ms left a page that was ready idle 0.25 s per wait. */
    static final Duration LOOK_AGAIN = Duration.ofMillis(100);
    /** For a wait that acts each time it looks (reloads, re-clicks, types again): no faster than a page redraws. */
    static final Duration ACT_AGAIN = Duration.ofMillis(500);

    private final ChromeDriver driver;
    private final Path userDataDir;
    private final Path screenshotDir;
    private int step;

    private Browser(ChromeDriver driver, Path userDataDir, Path screenshotDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.screenshotDir = screenshotDir;
    }

    /** In CI a missing browser fails the test; on a developer's machine it skips it with the same text. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            Assertions.assertTrue(installed, NOT_INSTALLED);
        } else {
            Assumptions.assumeTrue(installed, NOT_INSTALLED);
        }
    }

    static Browser open(Path screenshotDir) throws IOException {
        requireInstalled();
        deleteRecursively(screenshotDir);
        Files.createDirectories(screenshotDir);
        Path userDataDir = Files.createTempDirectory("mqrb-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + userDataDir,
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new Browser(driver, userDataDir, screenshotDir);
    }

    WebDriver driver() {
        return driver;
    }

    <T> T await(String what, ExpectedCondition<T> condition) {
        return await(what, WAIT, condition);
    }

    <T> T await(String what, Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout, LOOK_AGAIN).withMessage(what).until(condition);
    }

    /** Like {@link #await}, for a condition that acts when it finds the page not there yet (see {@link #ACT_AGAIN}). */
    <T> T retry(String what, Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout, ACT_AGAIN).withMessage(what).until(condition);
    }

    /** Saves {@code <nn>-<step>.png} and returns its path. */
    Path screenshot(String name) {
        step++;
        Path file = screenshotDir.resolve(String.format("%02d-%s.png", step, name));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(userDataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
