package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a test class, driven through chromedriver, with what the web app's tests
 * need: log in at Keycloak, check a page with axe-core (WCAG 2.0/2.1 A and AA), check it scrolls no sideways,
 * take a screenshot into {@code e2e/target/screenshots}. The flags keep Chromium off the network it cannot reach.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** The languages whose pages the every-language check keeps screenshots of, at 1280 and 320 px: bokmål and one other. */
    private static final List<String> SCREENSHOT_LANGUAGES = List.of("nb", "en");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final Path screenshots;

    Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium: apt-get install chromium chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("led-chromium-");
            screenshots = Platform.repositoryRoot().resolve("e2e/target/screenshots");
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=nb");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens a path of the platform (through the gateway: one origin). */
    void open(String path) {
        driver.get(Platform.url("gateway") + path);
    }

    /** Logs a demo user in on Keycloak's page, starting from the platform's front page. */
    void logIn(String user) {
        open("/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        // with organizations on, Keycloak asks for the user first and for the password on a second page
        if (driver.findElements(By.id("password")).isEmpty()) {
            driver.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")))
                .sendKeys(no.ks.led.foundation.testing.RealmLogin.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
    }

    /** Logs out with the page's own button and waits for the logged-out page. */
    void logOut() {
        driver.findElement(By.cssSelector(".led-logout button")).click();
        wait.until(ExpectedConditions.urlContains("/logged-out"));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The page's violations of WCAG 2.0/2.1 A and AA, as axe-core finds them. */
    List<Rule> violations() {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        return results.getViolations();
    }

    /** Fails on any WCAG violation of the page, naming the rules and the elements. */
    void assertAccessible(String what) {
        List<Rule> violations = violations();
        String report = violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n  "));
        assertEquals(0, violations.size(), what + " has accessibility violations:\n  " + report);
    }

    /** Fails if the page is wider than the window (sideways scrolling, WCAG 1.4.10). */
    void assertNoSidewaysScroll(String what) {
        Map<String, Object> widths = Map.of(
                "scroll", driver.executeScript("return document.documentElement.scrollWidth"),
                "window", driver.executeScript("return window.innerWidth"));
        long scroll = ((Number) widths.get("scroll")).longValue();
        long window = ((Number) widths.get("window")).longValue();
        assertEquals(true, scroll <= window, what + " scrolls sideways: " + scroll + " px wide in a " + window + " px window");
    }

    /** Emulates a phone's screen width (CSS pixels) until {@link #desktop()}. */
    void phone(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Saves a screenshot of the whole page, not only what the window shows, as {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    void screenshot(String name) {
        byte[] png;
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(((Number) size.get("height")).doubleValue(), 8000), "scale", 1);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException notThisWay) {
            png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
        try {
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses a language with the header's switcher, as a person would. */
    void chooseLanguage(String code) {
        driver.findElement(By.cssSelector(".led-languages button[value='" + code + "']")).click();
        // the page is replaced while we look: an <html> found just before it goes is stale, so look again
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", code));
    }

    /**
     * Opens every page in every language (chosen with the switcher), checks it with axe-core and for sideways
     * scrolling at 320 px; ends with bokmål chosen again.
     */
    void assertAccessibleInEveryLanguage(List<String> pages) {
        for (String language : List.of("nb", "nn", "en", "da")) {
            open("/accessibility");
            chooseLanguage(language);
            for (String page : pages) {
                open(page);
                find("#main");
                assertEquals(language, driver.findElement(By.tagName("html")).getAttribute("lang"));
                assertAccessible(page + " in " + language);
                String shot = "every-language-" + page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "x").replaceAll("[^A-Za-z0-9]+", "-")
                        .replaceAll("^-|-$", "") + "-" + language;
                if (SCREENSHOT_LANGUAGES.contains(language)) {
                    screenshot(shot);
                }
                phone(320);
                assertNoSidewaysScroll(page + " in " + language);
                if (SCREENSHOT_LANGUAGES.contains(language)) {
                    screenshot(shot + "-320");
                }
                desktop();
            }
        }
        open("/accessibility");
        chooseLanguage("nb");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind harms nothing
        }
    }
}
