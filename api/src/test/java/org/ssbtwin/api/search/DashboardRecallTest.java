package org.ssbtwin.api.search;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.http.DashboardBrowser;

/**
 * The dashboard's recall panel in a real headless Chromium against a real twin whose read-side tables hold the
 * genealogy of {@link RecallGenealogy}: the form finds the affected packs with their matching cells, offers the
 * campaign CSV, narrows by roll and date, and shows the API's explanation of a bad date.
 */
class DashboardRecallTest {
    @TempDir
    Path dir;

    @Test
    void runsARecallFromThePanel() throws Exception {
        try (TwinServer twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false))) {
            twin.readiness().get();
            RecallRoutesTest.fillReadSide(twin);
            int port = twin.port();
            try (DashboardBrowser browser = DashboardBrowser.open()) {
                browser.driver.get("http://127.0.0.1:" + port + "/");
                type(browser, "#recall-unit", "DK1-LAM-03");
                type(browser, "#recall-from", "2029-03-01");
                type(browser, "#recall-soh", "0.85");
                browser.driver.findElement(By.id("recall-run")).click();
                assertEquals("2", done(browser));
                List<String> packs = column(browser, 0);
                assertEquals(List.of("P-DK1-000001", "P-DK1-000003"), packs);
                assertEquals(List.of("1", "2"), column(browser, 5));
                String p3cells = column(browser, 6).get(1);
                assertTrue(p3cells.contains("C-DK1-00000005 (DK1-LAM-03, 2029-03-01T00:00:00Z, -36.0 °C)"), p3cells);
                assertTrue(p3cells.contains("C-DK1-00000006"), p3cells);

                // the CSV link is the campaign of the same filter
                String href = browser.driver.findElement(By.id("recall-csv")).getAttribute("href");
                HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, csv.statusCode(), csv.body());
                assertEquals(List.of(RecallRoutes.HEADER,
                        "P-DK1-000001,VF8-000001,VF8,IN_SERVICE,0.8000,HANOI,1,C-DK1-00000001",
                        "P-DK1-000003,VF8-000003,VF8,IN_SERVICE,0.7000,HO_CHI_MINH_CITY,2,C-DK1-00000005 C-DK1-00000006"),
                        List.of(csv.body().split("\n")));

                // narrowed to one roll and one day ("to" is inclusive): only C5 of P3
                type(browser, "#recall-roll", "R-CAT-0003");
                type(browser, "#recall-to", "2029-03-01");
                browser.driver.findElement(By.id("recall-run")).click();
                assertEquals("1", done(browser));
                assertEquals(List.of("P-DK1-000003"), column(browser, 0));
                assertEquals(List.of("1"), column(browser, 5));

                // a date that does not exist: the API's 400 is shown, no table
                type(browser, "#recall-from", "2029-13-01");
                browser.driver.findElement(By.id("recall-run")).click();
                assertEquals("error", done(browser));
                String message = browser.driver.findElement(By.id("recall-summary")).getText();
                assertTrue(message.contains("ISO date"), message);
                assertEquals(List.of(), column(browser, 0));
            }
        }
    }

    static void type(DashboardBrowser browser, String selector, String text) {
        var input = browser.driver.findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    static String done(DashboardBrowser browser) {
        return browser.await("the recall answer", Duration.ofSeconds(30), d -> {
            Object v = browser.js("return document.body.dataset.recallDone || null");
            return v == null ? null : String.valueOf(v);
        });
    }

    @SuppressWarnings("unchecked")
    static List<String> column(DashboardBrowser browser, int index) {
        return (List<String>) browser.js("return [...document.querySelectorAll('#recall-table tbody tr')]"
                + ".map(r => r.children[arguments[0]].textContent)", index);
    }
}
