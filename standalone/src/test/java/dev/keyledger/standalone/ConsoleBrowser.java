package dev.keyledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (no driver download), on the console of a running
 * service. It keeps what the browser itself logged: console errors (a CSP violation among them) and every request
 * the page made, so a test can prove nothing went to another origin.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answers the console expects and explains on the page (a guard's 409, a 403 shown as such). */
    private static final Pattern HANDLED_ANSWER =
            Pattern.compile("Failed to load resource: the server responded with a status of 4\\d\\d");

    private final ChromeDriver driver;
    private final URI base;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> requestedUrls = new ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /** Skips the test with a message where Chromium is missing, unless .ci/run says the browser is required. */
    static ConsoleBrowser open(URI base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String missing = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("KEYLEDGER_BROWSER_REQUIRED"))) {
                throw new IllegalStateException(missing + ", and KEYLEDGER_BROWSER_REQUIRED is true");
            }
            Assumptions.abort(missing + ": the console's browser tests are skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: Chromium refuses to run as root with its sandbox, and CI runs as root (STACK.md).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--disable-sync");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ConsoleBrowser(new ChromeDriver(service, options), base);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads the console afresh: a new page holds no token, as after a reload. */
    void load() {
        driver.get(base.resolve("/console/").toString());
        // Granted per origin, so only once the page is on it: the copy test reads the clipboard back.
        driver.setPermission("clipboard-read", "granted");
        driver.setPermission("clipboard-write", "granted");
        waitFor("#sign-in-id");
    }

    void signIn(String clientId, String secret) {
        load();
        type("#sign-in-id", clientId);
        type("#sign-in-secret", secret);
        click("#sign-in button[type=submit]");
        waitFor("#who-name");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("who-name"), clientId));
    }

    void go(String hash) {
        driver.executeScript("location.hash = arguments[0]", hash);
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(css), text));
    }

    void waitUntil(String what, BooleanSupplier condition) {
        // The console redraws as answers come in, so an element a look found may be gone when it is used.
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(ignored -> condition.getAsBoolean());
    }

    /** The visible button reading {@code text}, enabled or not. */
    WebElement button(String text) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]")));
    }

    List<WebElement> buttons(String text) {
        return driver.findElements(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /** The control whose label reads {@code label}: found as a screen reader would find it. */
    WebElement labelled(String label) {
        WebElement element = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]")));
        return driver.findElement(By.id(element.getDomAttribute("for")));
    }

    void type(String css, String text) {
        WebElement input = waitFor(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        waitFor(css).click();
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    /** The whole page, not only the window: Chrome's DevTools protocol captures beyond the viewport. */
    void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        capture(name, 0, 0, size.get("width"), size.get("height"));
    }

    /** One part of the page, whole even where it is taller than the window: as the README shows it. */
    void screenshotOf(String css, String name) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) driver.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return [r.left + scrollX, r.top + scrollY, r.width, r.height];", waitFor(css));
        capture(name, box.get(0), box.get(1), box.get(2), box.get(3));
    }

    private void capture(String name, Number x, Number y, Number width, Number height) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", x, "y", y, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Errors the browser logged since the last call that the console did not handle itself: script errors, CSP
     * violations.
     */
    List<String> takeConsoleErrors() {
        drainLogs();
        List<String> taken = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return taken;
    }

    /** Every URL the page requested that is not on the service's own origin. */
    List<String> requestsToOtherOrigins() {
        drainLogs();
        String origin = base.getScheme() + "://" + base.getAuthority() + "/";
        return requestedUrls.stream()
                .filter(url -> !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:" + origin))
                .toList();
    }

    /** Every URL the page requested, for a test that checks the log is being read at all. */
    List<String> requestedUrls() {
        drainLogs();
        return List.copyOf(requestedUrls);
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !HANDLED_ANSWER.matcher(entry.getMessage()).find()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                    requestedUrls.add(message.at("/params/request/url").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
