package org.ssbtwin.api.http;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;

/**
 * What a newcomer sees: the embedded default (real VF 7 packs, a plant running since 2028 whose history is caught up
 * at start) in a real headless Chromium. Soon after the start the dashboard's fleet panel shows the packs' state of
 * health per month, and it has moved: months of service, packs below 1.0, the median below 1. The test reads
 * the chart's data in the page; the time it took is printed (a figure, not an assertion).
 */
class DashboardFleetHistoryTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultTwinShowsAMovedSohDistributionSoonAfterStart() {
        long t0 = System.nanoTime();
        // the default configuration (history, demo line, speed-up) on a free port
        try (TwinServer twin = TestTwin.start(dir, Map.of());
             DashboardBrowser browser = DashboardBrowser.open()) {
            int port = twin.port();
            // generous: the CI machine is small and shared (its start took 159 s at load average 40)
            TestTwin.await("ready", Duration.ofSeconds(180), () -> TestTwin.get(port, "/api/v1/ready").status() == 200);
            browser.driver.get("http://127.0.0.1:" + port + "/");

            // the fleet panel redraws every 15 s; read its chart's data until the distribution has moved
            @SuppressWarnings("unchecked")
            Map<String, Object> chart = browser.await("a moved SoH distribution on the dashboard", Duration.ofSeconds(80), d -> {
                Object r = browser.js("""
                        const c = typeof Chart === 'undefined' ? null : Chart.getChart('soh-chart');
                        if (!c || document.getElementById('fleet').dataset.source !== 'distribution') return null;
                        const p50 = c.data.datasets.find(s => s.label === 'p50');
                        const p5 = c.data.datasets.find(s => s.label === 'p5');
                        if (!p50 || !p5 || c.data.labels.length < 2) return null;
                        const last = p50.data[p50.data.length - 1];
                        if (!(last < 1)) return null;
                        return {months: c.data.labels, p50: p50.data, p5: p5.data,
                                text: document.getElementById('fleet-source').textContent};""");
                return (Map<String, Object>) r;
            });
            long millis = (System.nanoTime() - t0) / 1_000_000;
            List<?> months = (List<?>) chart.get("months");
            List<?> p50 = (List<?>) chart.get("p50");
            List<?> p5 = (List<?>) chart.get("p5");
            assertTrue(String.valueOf(months.get(0)).startsWith("2028-"), "the fleet's service starts with the plant in 2028: " + months);
            double first = ((Number) p50.get(0)).doubleValue();
            double last = ((Number) p50.get(p50.size() - 1)).doubleValue();
            double lowest = ((Number) p5.get(p5.size() - 1)).doubleValue();
            assertTrue(last < 1.0 && lowest <= last, "p50 " + last + ", p5 " + lowest);
            assertTrue(last <= first, "the median SoH does not rise over the months: " + p50);
            String text = String.valueOf(chart.get("text"));
            assertTrue(text.matches(".*\\d+ packs in the last month.*"), text);
            // the packs behind it are real VF 7 packs, each with all its cells
            var pack = TestTwin.get(port, "/api/v1/packs?state=in_service&size=1").json().get("items").get(0);
            assertEquals(192, pack.get("cellCount").asInt(), pack.toString());
            System.out.printf("moved SoH distribution on the dashboard %.1f s after start (%d months, p50 %.4f, p5 %.4f, %s)%n",
                    millis / 1000.0, months.size(), last, lowest, text);
        }
    }
}
