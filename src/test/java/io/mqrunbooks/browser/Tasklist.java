package io.mqrunbooks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda 7 Tasklist as a user sees it: the login form, the "Start process" dialog, Camunda Forms
 * (form-js: fields found by their label), the task list, Claim and Complete, notifications, Log out.
 */
final class Tasklist {

    private static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[type=password]");
    private static final By START_PROCESS = By.xpath("//a[normalize-space(.)='Start process']");
    private static final By ACCOUNT_MENU = By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle");
    private static final By FORM = By.cssSelector(".fjs-form");
    private static final By NOTIFICATIONS = By.cssSelector(".page-notifications .notifications");

    private final Browser browser;
    private final WebDriver driver;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.driver = browser.driver();
        this.baseUrl = baseUrl;
    }

    /**
     * Tasklist loads its modules with RequireJS, which gives up after a few seconds; on a busy machine
     * the server's first answers are slower than that. Fetching them once first warms the server up.
     */
    void warmUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
                "/camunda/lib/deps.js", "/camunda/lib/runtime.js", "/camunda/app/tasklist/scripts/config.js",
                "/camunda/app/tasklist/scripts/run-links.js",
                "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
                "/camunda/api/engine/engine/", "/camunda/app/tasklist/locales/en.json")) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new UncheckedIOException("warming up " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Opens a webapp (tasklist, cockpit) at its login form; reloads if it failed to load its modules in time. */
    void openLogin(String app) {
        driver.get(baseUrl + "/camunda/app/" + app + "/");
        for (int attempt = 1; ; attempt++) {
            try {
                browser.await("the login form of " + app, ExpectedConditions.visibilityOfElementLocated(PASSWORD));
                return;
            } catch (TimeoutException notLoaded) {
                if (attempt == 3) {
                    throw notLoaded;
                }
                driver.navigate().refresh();
            }
        }
    }

    /** Logs in to Tasklist and waits for its header. */
    void login(String user) {
        submitLogin(user);
        browser.await("Tasklist after " + user + " logged in", ExpectedConditions.elementToBeClickable(START_PROCESS));
    }

    /** Logs in on the login form on screen, of whichever webapp, and waits for the header's account menu. */
    void submitLogin(String user) {
        // The login form can still be redrawn while the page starts: type until both fields hold what was typed.
        browser.retry("the login form filled in for " + user, Browser.WAIT, d -> {
            try {
                WebElement username = d.findElement(USERNAME);
                WebElement password = d.findElement(PASSWORD);
                username.clear();
                username.sendKeys(user);
                password.clear();
                password.sendKeys(user);
                return user.equals(username.getDomProperty("value"))
                        && user.equals(password.getDomProperty("value")) ? Boolean.TRUE : null;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
        driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        String outcome = browser.await(user + " logged in", d -> !d.findElements(ACCOUNT_MENU).isEmpty()
                && d.findElement(ACCOUNT_MENU).isDisplayed() ? "logged in"
                : notificationText(d).contains("Login Failed") ? notificationText(d).strip() : null);
        assertThat(outcome).as("%s logging in to Tasklist", user).isEqualTo("logged in");
    }

    void logout() {
        driver.findElement(ACCOUNT_MENU).click();
        browser.await("the Log out entry", ExpectedConditions.elementToBeClickable(By.xpath(
                "//li[contains(@class,'account')]//a[normalize-space(.)='Log out']"))).click();
        browser.await("the login form after logging out", ExpectedConditions.visibilityOfElementLocated(PASSWORD));
    }

    /** Opens the start dialog, picks the process by its name and waits for its Camunda Form. */
    void openStartForm(String processName) {
        browser.await("the Start process link", ExpectedConditions.elementToBeClickable(START_PROCESS)).click();
        By entry = By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + literal(processName) + "]");
        // The dialog pages its definitions 15 at a time and draws the list as they arrive, so the name is looked up
        // with the dialog's own search field; a click made while the list is redrawn is lost, so the entry is clicked
        // again until the start form shows (once it does, the list is gone and nothing more is clicked).
        browser.await("the search field of the Start process dialog", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("div.modal input[ng-model='page.searchValue']"))).sendKeys(processName);
        browser.retry("the start form of " + processName + " after clicking it in the dialog", Browser.WAIT, d -> {
            if (!d.findElements(FORM).isEmpty() && d.findElement(FORM).isDisplayed()) {
                return Boolean.TRUE;
            }
            try {
                WebElement link = d.findElement(entry);
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block:'center'})", link);
                link.click();
            } catch (org.openqa.selenium.NoSuchElementException
                     | org.openqa.selenium.ElementNotInteractableException | StaleElementReferenceException notYet) {
                // drawn again in a moment
            }
            return null;
        });
        browser.await("the start form of " + processName, ExpectedConditions.visibilityOfElementLocated(FORM));
    }

    /** Clicks Start in the dialog and waits for Tasklist's confirmation. */
    void start() {
        driver.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']")).click();
        // run-links.js leaves for the run page as soon as the start is confirmed: the notification may be gone by then
        browser.await("the start confirmed (notification or run page)", d -> d.getCurrentUrl().contains("/runs/")
                || notificationText(d).contains("The process has been started.") ? Boolean.TRUE : null);
    }

    /** After a start, Tasklist's custom script (run-links.js) takes the user to the new run's page. */
    void awaitRunPage(String runId) {
        browser.await("the run page of " + runId + " after the start", d -> d.getCurrentUrl().endsWith("/runs/" + runId)
                && !d.findElements(By.xpath("//p[contains(normalize-space(.),'Run id " + runId + "')]")).isEmpty()
                ? Boolean.TRUE : null);
    }

    /** Back to Tasklist, already logged in. */
    void openTasklist() {
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        browser.await("Tasklist", ExpectedConditions.elementToBeClickable(START_PROCESS));
    }

    /** Where the open task's "Run page" link (added by run-links.js) points. */
    String runPageLink() {
        return browser.await("the run page link on the task", ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.task-card p.mq-run-page-link a"))).getDomAttribute("href");
    }

    // ---- Camunda Forms (form-js) fields, found by the text of their label ---------------------------------

    private By label(String text) {
        return By.xpath("//form[contains(@class,'fjs-form')]//label[normalize-space(text()[1])=" + literal(text) + "]");
    }

    /** The input, textarea or hidden select input a label names (form-js links them with for/id). */
    WebElement control(String labelText) {
        WebElement label = browser.await("form field '" + labelText + "' (fields: " + fieldLabels() + ")",
                ExpectedConditions.visibilityOfElementLocated(label(labelText)));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    void type(String label, String value) {
        WebElement input = control(label);
        scrollTo(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
    }

    void select(String label, String option) {
        click(control(label).findElement(By.xpath("preceding-sibling::div[contains(@class,'fjs-select-display')]")));
        click(browser.await("option '" + option + "' of '" + label + "'", ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + literal(option) + "]"))));
    }

    void choose(String groupLabel, String option) {
        click(browser.await("option '" + option + "' of '" + groupLabel + "'", ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form-field-radio')][label[1][normalize-space(text()[1])="
                        + literal(groupLabel) + "]]//label[normalize-space(.)=" + literal(option) + "]/input"))));
    }

    void check(String label) {
        WebElement box = control(label);
        if (!box.isSelected()) {
            click(box);
        }
    }

    /** Picks today in the date picker a label names. */
    void pickToday(String label) {
        click(control(label));
        click(browser.await("today in the date picker of '" + label + "'", ExpectedConditions.elementToBeClickable(
                By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"))));
    }

    /** Types a time ("10:30 AM", as the field's own list writes it) and leaves the field, which parses it. */
    void typeTime(String label, String time) {
        WebElement input = control(label);
        scrollTo(input);
        input.sendKeys(time, Keys.TAB);
        browser.await("time " + time + " in '" + label + "'",
                d -> time.equals(input.getDomProperty("value")) ? input : null);
    }

    /** The value a read-only field shows. */
    String shown(String label) {
        return control(label).getDomProperty("value");
    }

    /** Every field label of the form on screen, in order (for messages when a form differs). */
    List<String> fieldLabels() {
        return driver.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
                .map(WebElement::getText).toList();
    }

    // ---- Tasks -------------------------------------------------------------------------------------------

    void openTask(String taskName) {
        openTask(taskName, Browser.WAIT);
    }

    /** Waits until the task is in the list (re-selecting the filter to refresh), then opens it. */
    void openTask(String taskName, Duration timeout) {
        By inList = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//a[normalize-space(.)="
                + literal(taskName) + "]");
        browser.retry("task '" + taskName + "' in the task list", timeout, d -> {
            List<WebElement> found = d.findElements(inList);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            refreshList();
            return null;
        });
        clickWhenReady(inList);
        browser.await("task '" + taskName + "' opened", ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//section[contains(@class,'task-card')]//h2[contains(@class,'task')][normalize-space(.)=" + literal(taskName) + "]")));
    }

    private void refreshList() {
        try {
            driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
                    .filter(WebElement::isDisplayed).findFirst().ifPresent(WebElement::click);
        } catch (StaleElementReferenceException listRedrawn) {
            // Tasklist redrew the filters while we clicked; the next poll tries again
        }
    }

    void claim() {
        clickWhenReady(By.xpath("//section[contains(@class,'task-card')]//button[normalize-space(.)='Claim']"));
    }

    void awaitClaimed() {
        browser.await("the form of the claimed task", ExpectedConditions.and(
                ExpectedConditions.visibilityOfElementLocated(FORM),
                ExpectedConditions.elementToBeClickable(By.xpath(
                        "//section[contains(@class,'task-card')]//button[normalize-space(.)='Complete']"))));
    }

    /** Clicks Complete and waits until Tasklist has closed the task (it then asks to select one). */
    void complete() {
        clickWhenReady(By.xpath("//section[contains(@class,'task-card')]//button[normalize-space(.)='Complete']"));
        browser.await("the completed task closed", ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'no-task')][normalize-space(.)='Select a task in the list.']")));
    }

    // ---- Notifications -----------------------------------------------------------------------------------

    String awaitNotification(String containing) {
        return browser.await("a notification containing '" + containing + "'", d -> {
            String text = notificationText(d);
            return text.contains(containing) ? text.strip() : null;
        });
    }

    /** The notifications shown now; empty while Tasklist redraws them. */
    private static String notificationText(WebDriver d) {
        try {
            return d.findElements(NOTIFICATIONS).stream().map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }

    /** Scrolls the element to the middle of the window first: Tasklist's footer covers the bottom edge. */
    private void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private void clickWhenReady(By by) {
        browser.await(by.toString(), d -> {
            try {
                WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
                if (element == null) {
                    return null;
                }
                click(element);
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** An XPath string literal for any text (with both kinds of quote). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
