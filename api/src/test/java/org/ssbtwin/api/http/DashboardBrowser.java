package org.ssbtwin.api.http;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Debian Chromium driven through Debian's chromedriver (both given explicitly, so Selenium Manager
 * never downloads anything), with a fresh profile that is deleted on close.
 */
public final class DashboardBrowser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    public final ChromeDriver driver;
    private final Path profile;

    private DashboardBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static DashboardBrowser open() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(CHROMIUM + " and " + CHROMEDRIVER + " are needed: apt-get install -y chromium chromium-driver"
                    + " (.ci/run installs them)");
        }
        try {
            Path profile = Files.createTempDirectory("ssb-twin-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1400,1000");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                    // never the test JVM's stdout: surefire talks to its fork through it
                    .withLogFile(profile.resolve("chromedriver.log").toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            return new DashboardBrowser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory", e);
        }
    }

    /** Waits (generously: the CI machine is small and shared) until the condition holds; stale elements are retried. */
    public <T> T await(String what, Duration max, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, max, Duration.ofMillis(250))
                .withMessage(() -> "waiting for " + what)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
