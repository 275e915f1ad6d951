package org.licenselifecycle.system;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Debian's Chromium, headless, driven through its chromedriver, on the running admin console; a fresh
 * profile each time. Keeps a screenshot of each step under {@code target/screenshots/<test>/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private int step;

    Browser(String baseUrl, String testName) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("console-chromium-");
            this.screenshots = Files.createDirectories(Path.of("target", "screenshots", testName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "system-test-logs", "chromedriver-" + testName + ".log").toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser on the running system's console for {@code tenant}, its screenshots and log named after the test. */
    static Browser forTest(RunningSystem system, AdminClient tenant, TestInfo test) {
        return new Browser(system.consoleFor(tenant.tenantId).baseUrl(), test.getTestMethod().orElseThrow().getName());
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the demo sign-in page (its console's tenant) as the admin whose button names them. */
    void signInAs(String buttonText) {
        open("/sign-in");
        shot("sign-in");
        driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
        await("signed in").atMost(Duration.ofSeconds(30)).until(() -> driver.getCurrentUrl().endsWith("/licenses"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']"));
    }

    /**
     * Clicks the button or link named {@code text} and waits until the page it submits to has replaced this one: a
     * click returns before the browser navigates, so reading the page at once can read the old one.
     */
    void submit(String text) {
        WebElement page = find("html");
        button(text).click();
        await("the next page loads").atMost(Duration.ofSeconds(30)).until(() -> isStale(page));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    WebElement link(String text) {
        return driver.findElement(By.linkText(text));
    }

    /** Waits until a bulk operation's page says it has finished. */
    void awaitOperationFinished() {
        // the page's script swaps the progress in while we look: an element gone stale is looked up again
        await("the operation finishes").atMost(AdminClient.EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .ignoreException(StaleElementReferenceException.class)
                .until(() -> "false".equals(find("#operation").getAttribute("data-running")));
    }

    /** Presses Tab until the focused element matches {@code css}; fails after {@code most} presses. */
    WebElement tabTo(String css, int most) {
        for (int i = 0; i < most; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (matches(active, css)) {
                return active;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        WebElement active = driver.switchTo().activeElement();
        if (matches(active, css)) {
            return active;
        }
        throw new AssertionError("Tab never reached " + css + " in " + most + " presses; focus is on "
                + active.getTagName() + " '" + active.getText() + "'");
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private boolean matches(WebElement element, String css) {
        return Boolean.TRUE.equals(script("return arguments[0].matches(arguments[1]);", element, css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void shot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
