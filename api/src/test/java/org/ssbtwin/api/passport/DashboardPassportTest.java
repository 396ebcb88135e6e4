package org.ssbtwin.api.passport;
import org.ssbtwin.api.http.DashboardBrowser;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.ssbtwin.api.passport.SamplePackLife;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.entity.PackEntity;

/** The dashboard's pack page in a real headless Chromium: the pack's passport summary and a QR code that scans to its URL. */
class DashboardPassportTest {
    @TempDir
    static Path dir;

    @Test
    void thePackPageShowsThePassportSummaryAndItsQrCode() throws Exception {
        PackId pack = PackId.of("P-DK1-000042");
        List<PackEvent> life = SamplePackLife.events(pack, VehicleModel.VF8, LocalDate.of(2028, 3, 6), 2, 2, 42);
        try (TwinServer twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false))) {
            int port = twin.port();
            twin.readiness().get();
            ClusterSharding sharding = ClusterSharding.get(twin.system());
            for (int from = 0; from < life.size(); from += 300) {
                List<PackEvent> batch = life.subList(from, Math.min(life.size(), from + 300));
                assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, pack.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(batch, r),
                        Duration.ofSeconds(30)).toCompletableFuture().get().rejection());
            }
            JsonNode passport = TestTwin.get(port, "/api/v1/packs/" + pack.value() + "/passport").json();

            try (DashboardBrowser browser = DashboardBrowser.open()) {
                browser.driver.get("http://127.0.0.1:" + port + "/#/packs/" + pack.value());
                browser.await("the pack page with its passport", Duration.ofSeconds(60), d ->
                        pack.value().equals(d.findElement(By.tagName("body")).getAttribute("data-passport-loaded"))
                                && d.findElement(By.id("view-pack")).isDisplayed() && !d.findElement(By.id("view-main")).isDisplayed());
                assertEquals(passport.at("/metadata/passportIdentifier").asText(), browser.driver.findElement(By.id("p-passport-id")).getText());
                String fade = String.format(Locale.ROOT, "%.2f %%", passport.at("/performance/dynamic/capacity/fade/value").asDouble());
                assertTrue(browser.driver.findElement(By.id("p-fade")).getText().startsWith(fade),
                        browser.driver.findElement(By.id("p-fade")).getText() + " vs " + fade);
                assertTrue(browser.driver.findElement(By.id("p-passport")).getText().contains("Dunkirk"), "the genealogy: cells from Dunkirk");
                // the QR code is loaded and scans to the passport's URL
                browser.await("the QR code image", Duration.ofSeconds(20), d ->
                        ((Number) browser.js("const i = document.getElementById('p-qr'); return i.complete ? i.naturalWidth : 0")).intValue() > 0);
                byte[] shot = browser.driver.findElement(By.id("p-qr")).getScreenshotAs(OutputType.BYTES);
                var image = ImageIO.read(new ByteArrayInputStream(shot));
                String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
                assertEquals(passport.at("/metadata/registrationIdentifier").asText(), text);
                assertTrue(text.endsWith("/api/v1/packs/" + pack.value() + "/passport"), text);
                java.nio.file.Files.write(Path.of("target", "dashboard-pack-page.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

                // an unknown pack says so
                browser.driver.get("http://127.0.0.1:" + port + "/#/packs/P-DK1-999999");
                browser.await("the unknown pack's message", Duration.ofSeconds(30), d ->
                        d.findElement(By.id("p-error")).isDisplayed() && d.findElement(By.id("p-error")).getText().contains("does not exist"));
            }
        }
    }
}
