package org.ssbtwin.api.http;

import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against a real twin with its simulated line and fleet: the line shows
 * every station with its state and live output, the bottleneck is marked, the charts are drawn with the WebJar's
 * Chart.js, and a click on a cell opens its genealogy with each inlay's lamination temperature and dew point.
 */
class DashboardTest {
    @TempDir
    Path dir;

    /** The line as shown, read in one go: {bottleneck, stations: [{id, state, out, bottleneck, text}]}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> lineSnapshot(DashboardBrowser browser) {
        return (Map<String, Object>) browser.js("""
                return {bottleneck: document.getElementById('kpi-bottleneck').textContent,
                        stations: [...document.querySelectorAll('#line .station[data-station]')].map(e => ({
                            id: e.dataset.station, state: e.dataset.state, out: e.querySelector('.out').textContent,
                            bottleneck: e.classList.contains('bottleneck'), text: e.innerText}))};""");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stations(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("stations");
    }

    @Test
    void showsTheLiveLineAndOpensACellsGenealogy() {
        try (TwinServer twin = TestTwin.start(dir, TestTwin.smallLiveLine(Map.of("twin.clock.speed-up", 3_600, "twin.simulation.tick-millis", 200)))) {
            int port = twin.port();
            TestTwin.await("ready", Duration.ofSeconds(180), () -> TestTwin.get(port, "/api/v1/ready").status() == 200);
            TestTwin.await("cells in the field", Duration.ofSeconds(180), () ->
                    TestTwin.get(port, "/api/v1/cells?status=in_field").json().get("total").asInt() > 0);

            try (DashboardBrowser browser = DashboardBrowser.open()) {
                browser.driver.get("http://127.0.0.1:" + port + "/");
                assertEquals("function", browser.js("return typeof Chart"), "Chart.js is served from the WebJar");

                // the plant line: every station with a state and a numeric output, some output already made. The line is
                // redrawn every few seconds, so it is read in one script (no stale elements)
                Map<String, Object> line = browser.await("the stations with their states and output", Duration.ofSeconds(60), d -> {
                    Map<String, Object> l = lineSnapshot(browser);
                    List<Map<String, Object>> s = stations(l);
                    if (s.size() < 10) return null;
                    long made = 0;
                    for (Map<String, Object> e : s) {
                        if (!List.of("RUNNING", "BLOCKED", "STARVED", "DOWN", "IDLE").contains(e.get("state"))) return null;
                        String out = String.valueOf(e.get("out")).trim();
                        if (!out.matches("\\d+")) return null;
                        made += Long.parseLong(out);
                    }
                    return made > 0 ? l : null;
                });
                List<Map<String, Object>> stations = stations(line);
                assertEquals(10, stations.size(), "the ten stations of the Dunkirk line");
                assertTrue(String.valueOf(stations.get(0).get("text")).contains("OEE"), String.valueOf(stations.get(0).get("text")));

                // the bottleneck is marked, once, and it is the station the KPIs name
                List<Map<String, Object>> marked = stations.stream().filter(e -> Boolean.TRUE.equals(e.get("bottleneck"))).toList();
                assertEquals(1, marked.size(), stations.toString());
                assertTrue(String.valueOf(marked.get(0).get("text")).contains("BOTTLENECK"));
                assertEquals(line.get("bottleneck"), marked.get(0).get("id"));
                List<String> ids = new ArrayList<>();
                TestTwin.get(port, "/api/v1/stations?size=100").json().get("items").forEach(s -> ids.add(s.get("id").asText()));
                assertTrue(ids.contains(String.valueOf(marked.get(0).get("id"))), ids.toString());
                String fpy = browser.driver.findElement(By.id("kpi-fpy")).getText();
                assertTrue(fpy.matches("\\d+\\.\\d %"), fpy);

                // live: the page refreshes by itself (virtual time and the refresh counter move on)
                String clock = browser.driver.findElement(By.id("clock-now")).getText();
                int updates = Integer.parseInt(browser.driver.findElement(By.tagName("body")).getAttribute("data-plant-updates"));
                browser.await("a refresh", Duration.ofSeconds(30), d ->
                        Integer.parseInt(d.findElement(By.tagName("body")).getAttribute("data-plant-updates")) > updates
                                && !d.findElement(By.id("clock-now")).getText().equals(clock));

                // the charts: yield of the ten stations, the fleet's SoH (distribution, or a histogram of the packs until it exists)
                assertEquals(10L, ((Number) browser.js("return Chart.getChart('yield-chart').data.labels.length")).longValue());
                browser.await("the fleet SoH chart", Duration.ofSeconds(30), d -> browser.js(
                        "const c = Chart.getChart('soh-chart'); return c && c.data.datasets.length > 0 && c.data.labels.length > 0") == Boolean.TRUE);
                String source = browser.driver.findElement(By.id("fleet")).getAttribute("data-source");
                assertTrue(List.of("distribution", "histogram").contains(source), source);

                // the battery design: one row per pack architecture of GET /api/v1/designs, kWh = the sum of its cells
                JsonNode designs = TestTwin.get(port, "/api/v1/designs").json();
                List<WebElement> packRows = browser.await("the battery design table", Duration.ofSeconds(30), d -> {
                    List<WebElement> rows = d.findElements(By.cssSelector("#designs-table tbody tr[data-pack]"));
                    return rows.size() == designs.get("packs").size() ? rows : null;
                });
                WebElement vf8 = packRows.stream().filter(r -> "VF8".equals(r.getAttribute("data-pack"))).findFirst().orElseThrow();
                List<WebElement> cellsOfVf8 = vf8.findElements(By.tagName("td"));
                assertEquals("224", cellsOfVf8.get(3).getText());
                assertEquals("56s4p", cellsOfVf8.get(4).getText());
                assertEquals("87.85", cellsOfVf8.get(7).getText());
                assertTrue(browser.driver.findElement(By.id("designs-cell")).getText().contains("392.2 Wh"));

                // a click on a cell opens its genealogy
                String cellId = browser.await("the cells table", Duration.ofSeconds(30), d -> d.findElements(
                        By.cssSelector("#cells-table tbody tr[data-cell]")).stream().findFirst().map(e -> e.getAttribute("data-cell")).orElse(null));
                browser.await("a click on " + cellId, Duration.ofSeconds(10), d -> {
                    d.findElement(By.cssSelector("#cells-table tbody tr[data-cell='" + cellId + "'] td:nth-child(2)")).click();
                    return true;
                });
                browser.await("the genealogy of " + cellId, Duration.ofSeconds(30), d ->
                        cellId.equals(d.findElement(By.tagName("body")).getAttribute("data-genealogy-of"))
                                && d.findElement(By.id("view-genealogy")).isDisplayed());
                assertTrue(browser.driver.getCurrentUrl().endsWith("#/cells/" + cellId), browser.driver.getCurrentUrl());
                assertFalse(browser.driver.findElement(By.id("view-main")).isDisplayed());

                JsonNode genealogy = TestTwin.get(port, "/api/v1/cells/" + cellId + "/genealogy").json();
                List<WebElement> inlays = browser.driver.findElements(By.cssSelector("#g-inlays tbody tr.inlay"));
                assertEquals(genealogy.get("inlays").size(), inlays.size());
                assertTrue(inlays.size() >= 1);
                for (int i = 0; i < inlays.size(); i++) {
                    JsonNode inlay = genealogy.get("inlays").get(i);
                    WebElement shown = inlays.get(i);
                    assertEquals(inlay.get("inlayId").asText(), shown.getAttribute("data-inlay"));
                    double temp = Double.parseDouble(shown.findElement(By.cssSelector(".lam-temp")).getText());
                    double dew = Double.parseDouble(shown.findElement(By.cssSelector(".dew-point")).getText());
                    assertEquals(inlay.get("laminationTemperatureC").asDouble(), temp, 0.051, "lamination temperature of " + inlay);
                    assertEquals(inlay.get("dewPointC").asDouble(), dew, 0.051, "dew point of " + inlay);
                    assertTrue(temp > 100 && temp < 140 && dew < -30, temp + " / " + dew);
                    assertTrue(shown.getText().contains(inlay.get("laminationUnit").asText()));
                }
                List<String> steps = new ArrayList<>();
                browser.driver.findElements(By.cssSelector("#g-steps tbody tr.step td:first-child")).forEach(e -> steps.add(e.getText()));
                assertTrue(steps.containsAll(List.of("lamination", "bipolar-stacking", "eol-test")), steps.toString());
                assertEquals(genealogy.get("packId").asText(), browser.driver.findElement(By.id("g-pack")).getText());

                // and back to the dashboard
                browser.driver.findElement(By.cssSelector("#genealogy a[href='#/']")).click();
                browser.await("the dashboard again", Duration.ofSeconds(10), d -> d.findElement(By.id("view-main")).isDisplayed());
            }
        }
    }
}
