package org.d8a.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's page ({@code /admin/}) in a real browser: Debian's headless Chromium driven through its
 * chromedriver (both installed by .ci/run). Log in, see the received hits move after hits are sent, start a
 * delivery (confirmed), pause and resume the queue, see a broken warehouse's error; no JavaScript error on the way.
 * The screenshot is kept at {@code target/it/operator-page.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorPageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final FilesWarehouseOutage outage = new FilesWarehouseOutage();
    private WebDriver browser;

    @ArquillianResource
    URL baseUrl;

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("d8a.ear")));
    }

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium");
        // as root, on a closed network: no sandbox, no background connections, a profile of its own
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,900", "--user-data-dir=" + Files.createTempDirectory("d8a-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        outage.endIfOn();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSeesDataFlowRunsADeliveryAndSeesABrokenWarehouse() throws Exception {
        URI root = baseUrl.toURI().resolve("/");
        String page = root.resolve("/admin/").toString();
        // BASIC login: credentials in the address once; the browser keeps them for the realm, and the page's own
        // requests (which may not carry credentials in their address) send them from then on
        browser.get(page.replace("://", "://" + AdminApi.ADMIN + ":" + AdminApi.password(AdminApi.ADMIN) + "@"));
        browser.get(page);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), AdminApi.ADMIN + " (admin)"));
        wait.until(driver -> !text("hits-total").equals("–"));
        long before = number("hits-total");

        Tracker tracker = new Tracker(root);
        String client = "page." + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals(204, tracker.pageView(client + "." + i, "https://example.com/page").statusCode());
        }
        wait.until(driver -> number("hits-total") >= before + 5);
        wait.until(driver -> browser.findElements(By.cssSelector("#columns tbody tr")).size() > 100);

        click("deliver");
        wait.until(driver -> text("action-result").contains("deliver execution")
                || text("action-result").contains("already running"));
        click("pause");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-state"), "paused"));
        click("resume");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue-state"), "consuming"));

        outage.begin();
        assertEquals(204, tracker.pageView(client + ".outage", "https://example.com/outage").statusCode());
        wait.until(driver -> browser.findElement(By.id("last-error-box")).isDisplayed());
        assertTrue(text("last-error").contains(outage.stagingDir().toString()), text("last-error"));
        Path screenshot = Path.of(System.getProperty("d8a.it.dir"), "operator-page.png");
        Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        outage.end();
        // sessions the outage quarantined go back in line, so that the next tests find a clean spool
        if (SpoolEndpoint.read(root).getJsonNumber("quarantined").longValue() > 0) {
            click("redeliver");
        }
        wait.until(driver -> !browser.findElement(By.id("last-error-box")).isDisplayed());
        wait.until(driver -> number("spool-failing") == 0 && number("spool-quarantined") == 0);

        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals(List.of(), severe.stream().map(LogEntry::getMessage).toList(), "no JavaScript errors");
    }

    private void click(String button) {
        browser.findElement(By.id(button)).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private long number(String id) {
        return Long.parseLong(text(id).replace(",", ""));
    }
}
