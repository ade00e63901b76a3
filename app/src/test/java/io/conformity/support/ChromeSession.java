package io.conformity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's real browser: Debian's Chromium, headless, driven through Debian's chromedriver, with a fresh
 * profile that is deleted on close. Selenium Manager is never asked to download anything: the driver and browser
 * paths are given. Without Chromium the browser tests are skipped with a loud message, except on CI, where they
 * fail ({@code CI} set), so a CI without the browser cannot pass by skipping them.
 */
public final class ChromeSession implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("CONFORMITY_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CONFORMITY_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Pattern FAILED_LOAD =
            Pattern.compile("(\\S+) - Failed to load resource: the server responded with a status of 4\\d\\d.*");

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private ChromeSession(int port, int width, int height) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("conformity-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        // The console, read by consoleProblems(): a blocked inline script or style shows there.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop browser, 1280 px wide. */
    public static ChromeSession open(int port) {
        return open(port, 1280, 900);
    }

    /** A browser of this size (a tablet is 820 × 1180). */
    public static ChromeSession open(int port, int width, int height) {
        requireChromium();
        return new ChromeSession(port, width, height);
    }

    /** Skips the test loudly where no Chromium exists; on CI, fails it. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "No Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                + ": the browser tests cannot run. Install Debian's packages chromium and chromium-driver"
                + " (.ci/run does).";
        if (System.getenv("CI") != null) {
            Assertions.fail(message + " CI is set, so this is a failure, not a skip.");
        }
        System.err.println(
                "\n" + "!".repeat(100) + "\n!!! SKIPPED BROWSER TEST: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return base + path;
    }

    public ChromeSession go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on the login page and waits for the page after it. */
    public ChromeSession signIn(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /**
     * Clicks a form's button and waits until the browser shows the answer: the page it left is gone, even when the
     * answer has the same address (a form that comes back to the page it is on).
     */
    public void submitAndAwaitNextPage(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        waitUntil(ExpectedConditions.stalenessOf(page));
        find(By.tagName("main"));
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(condition, Duration.ofSeconds(20));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition::apply);
    }

    /**
     * What the console reported since the last call at warning level or above: content-security-policy refusals,
     * script errors, failed loads. A page that works leaves this empty.
     */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * As {@link #consoleProblems()}, without Chromium's "failed to load" line for a 4xx answer at an address of this
     * server whose path holds one of these parts: a refused form comes back with the API's status, which Chromium
     * reports as a failed load although the page is what the test expects.
     */
    public List<String> consoleProblemsBesidesRefusalsAt(String... pathParts) {
        return consoleProblems().stream()
                .filter(line -> !isRefusalAt(line, pathParts))
                .toList();
    }

    private boolean isRefusalAt(String line, String... pathParts) {
        Matcher refusal = FAILED_LOAD.matcher(line);
        return refusal.matches()
                && refusal.group(1).startsWith(base + "/")
                && Stream.of(pathParts)
                        .anyMatch(part ->
                                refusal.group(1).substring(base.length()).contains(part));
    }

    /** The page's visible text. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves the page as {@code target/screenshots/<name>.png} (the whole page height, not just the window). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension window = driver.manage().window().getSize();
            Object height = driver.executeScript("return document.documentElement.scrollHeight");
            int full = height instanceof Number n ? Math.min(n.intValue() + 150, 8000) : window.getHeight();
            driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(full, window.getHeight())));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(window);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A profile left in /tmp is no reason to fail a test.
            }
        }
    }
}
