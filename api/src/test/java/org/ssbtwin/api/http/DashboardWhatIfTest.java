package org.ssbtwin.api.http;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's what-if panel in a real headless Chromium against the scenarios API ({@code GET
 * /api/v1/scenarios/bundled}, {@code POST /api/v1/scenarios}, polling {@code GET /api/v1/scenarios/{id}}): a bundled
 * scenario is run and its baseline and scenario are compared in the table and the fleet p50 chart.
 * Needs the scenarios API (feature "what-if"): it fails on a twin without it.
 */
class DashboardWhatIfTest {
    @TempDir
    Path dir;

    @Test
    void runsABundledScenarioAndComparesItWithTheBaseline() {
        try (TwinServer twin = TestTwin.start(dir, TestTwin.smallLiveLine(Map.of("twin.clock.speed-up", 3_600, "twin.simulation.tick-millis", 200)))) {
            int port = twin.port();
            TestTwin.await("ready", Duration.ofSeconds(180), () -> TestTwin.get(port, "/api/v1/ready").status() == 200);
            var bundled = TestTwin.get(port, "/api/v1/scenarios/bundled");
            assertEquals(200, bundled.status(), "the scenarios API is needed: " + bundled.body());
            assertTrue(bundled.json().size() > 0, bundled.body());

            try (DashboardBrowser browser = DashboardBrowser.open()) {
                browser.driver.get("http://127.0.0.1:" + port + "/");
                List<WebElement> options = browser.await("the bundled scenarios", Duration.ofSeconds(30), d -> {
                    List<WebElement> o = d.findElements(By.cssSelector("#whatif-select option"));
                    return o.isEmpty() ? null : o;
                });
                assertEquals(bundled.json().size(), options.size());
                assertEquals(bundled.json().get(0).get("name").asText(), options.get(0).getAttribute("value"));
                assertFalse(browser.driver.findElement(By.id("whatif-unavailable")).isDisplayed());

                browser.driver.findElement(By.id("whatif-run")).click();
                browser.await("the scenario to finish", Duration.ofSeconds(240), d -> {
                    String status = d.findElement(By.id("whatif")).getAttribute("data-status");
                    if ("FAILED".equals(status) || "CANCELLED".equals(status)) {
                        throw new AssertionError("the scenario ended " + status + ": " + d.findElement(By.id("whatif-status")).getText());
                    }
                    return "DONE".equals(status);
                });

                // plant: baseline and scenario side by side, with numbers
                for (String metric : List.of("gwhPerYear", "firstPassYield")) {
                    WebElement row = browser.driver.findElement(By.cssSelector("#whatif-table tr[data-metric='" + metric + "']"));
                    double base = Double.parseDouble(row.findElement(By.cssSelector(".baseline")).getText());
                    double scen = Double.parseDouble(row.findElement(By.cssSelector(".scenario")).getText());
                    assertTrue(base > 0 && scen > 0, metric + ": " + base + " / " + scen);
                }
                // fleet: p50 per year, baseline and scenario
                int years = Integer.parseInt(browser.driver.findElement(By.id("whatif")).getAttribute("data-years"));
                assertTrue(years > 0);
                assertEquals(Boolean.TRUE, browser.js("""
                        const c = Chart.getChart('whatif-chart');
                        return c.data.datasets.length === 2 && c.data.labels.length === arguments[0]
                            && c.data.datasets.every(d => d.data.every(v => typeof v === 'number' && v > 0 && v <= 1.2));""", years));
            }
        }
    }
}
