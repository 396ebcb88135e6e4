package org.ssbtwin.api.passport;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.passport.BatteryPassport;
import org.ssbtwin.api.passport.PassportBuilder;
import org.ssbtwin.api.passport.PassportDeclarations;
import org.ssbtwin.api.passport.PassportShell;
import org.ssbtwin.api.passport.PublishedSchemas;
import org.ssbtwin.api.passport.RatedPackDesign;
import org.ssbtwin.api.passport.SamplePackLife;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.plant.cell.CellDesign;
import org.ssbtwin.fleet.entity.PackEntity;

/**
 * The battery passport served by a real node (H2, sharding, read side, access control on): a pack with 5 years of
 * recorded telemetry, its passport per access tier (never refused as a whole), at a date from its journal, its QR
 * code, the AAS Part 2 subset (valid against the published AAS v3 schema) and the NDJSON export.
 */
class PassportRoutesTest {
    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static final String READER = "reader-key-5a1c9e7b3d20";
    static final String ENGINEER = "engineer-key-c81f0a6e4b93";
    static final String REPAIRER = "repairer-key-2e7d9b1f6a05";
    static final String AUTHORITY = "authority-key-94b3e0c7a1f8";
    static final PackId PACK = PackId.of("P-DK1-000042");
    static final PackId NEW_PACK = PackId.of("P-DK1-000043");
    static final String CELL = "C-DK1-00004704";
    static final List<PackEvent> LIFE = SamplePackLife.events(PACK, VehicleModel.VF8, LocalDate.of(2028, 3, 6), 5, 3, 42);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.auth.enabled", true,
                "twin.auth.keys", List.of(
                        Map.of("name", "dashboard", "role", "reader", "key", READER),
                        Map.of("name", "lab", "role", "engineer", "key", ENGINEER),
                        Map.of("name", "repair-shop", "role", "legitimate-interest", "key", REPAIRER),
                        Map.of("name", "market-surveillance", "role", "authority", "key", AUTHORITY))));
        port = twin.port();
        twin.readiness().get();
        ClusterSharding sharding = ClusterSharding.get(twin.system());
        for (int from = 0; from < LIFE.size(); from += 300) {
            List<PackEvent> batch = LIFE.subList(from, Math.min(LIFE.size(), from + 300));
            assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, PACK.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(batch, r),
                    Duration.ofSeconds(30)).toCompletableFuture().get().rejection());
        }
        List<PackEvent> fresh = SamplePackLife.events(NEW_PACK, VehicleModel.VF5, LocalDate.of(2030, 1, 7), 0, 0, 7);
        assertNull(sharding.entityRefFor(PackEntity.TYPE_KEY, NEW_PACK.value()).<PackEntity.Reply>ask(r -> new PackEntity.RecordAll(fresh, r),
                Duration.ofSeconds(30)).toCompletableFuture().get().rejection());
        // one cell of the aged pack, recorded as the plant would (served as a shell on request)
        Instant t0 = Instant.parse("2028-03-01T06:00:00Z");
        var factors = new org.ssbtwin.core.quality.ManufacturingFactors(1.02, 0.0, 0.0, 121.5, -46);
        var inlay = new org.ssbtwin.plant.cell.InlayRecord(org.ssbtwin.core.id.InlayId.of("I-DK1-00004704"),
                List.of(org.ssbtwin.core.id.RollId.of("R-CAT-000001")), org.ssbtwin.core.id.StationId.of("DK1-LAM-01"), t0, 121.5, -46, 53.1, 1.2);
        assertNull(sharding.entityRefFor(org.ssbtwin.plant.entity.CellEntity.TYPE_KEY, CELL).<org.ssbtwin.plant.entity.CellEntity.Reply>ask(r ->
                new org.ssbtwin.plant.entity.CellEntity.RecordAll(List.of(
                        new org.ssbtwin.plant.cell.CellEvent.InlaysLaminated(org.ssbtwin.core.id.CellId.of(CELL), List.of(inlay), t0),
                        new org.ssbtwin.plant.cell.CellEvent.Graded("A", 53, 2.5, 1.1, factors, t0.plusSeconds(120)),
                        new org.ssbtwin.plant.cell.CellEvent.Packed(PACK, 0, t0.plusSeconds(180))), r), Duration.ofSeconds(20))
                .toCompletableFuture().get().rejection());
        TestTwin.await("read side sees the packs", Duration.ofSeconds(30),
                () -> get("/api/v1/packs", READER).json().get("total").asInt() == 2);
        // the NDJSON export reads the fleet read side: wait until it has folded the aged pack's last event
        TestTwin.await("the read side's passport of the aged pack", Duration.ofSeconds(60), () -> {
            try {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/passports"))
                        .header("X-Api-Key", READER).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
                return Json.MAPPER.readTree(body.split("\n")[0]).at("/metadata/version").asText().equals("1." + LIFE.size());
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static TestTwin.Answer get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (key != null) b.header("Authorization", "Bearer " + key);
        return TestTwin.send(port, b);
    }

    static String url(PackId id) {
        return "http://127.0.0.1:" + port + "/api/v1/packs/" + id.value() + "/passport";
    }

    @Test
    void theFullPassportIsValidAndItsValuesAreThePacks() throws Exception {
        TestTwin.Answer a = get("/api/v1/packs/" + PACK.value() + "/passport", AUTHORITY);
        assertEquals(200, a.status(), a.body());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, a.body()), a.body());
        JsonNode pack = get("/api/v1/packs/" + PACK.value(), READER).json();
        assertEquals((1 - pack.get("stateOfHealth").asDouble()) * 100, a.json().at("/performance/dynamic/capacity/fade/value").asDouble(), 0.0005);
        assertEquals(pack.get("healthAt").asText(), a.json().at("/performance/dynamic/capacity/fade/time").asText());
        assertEquals(pack.get("equivalentFullCycles").asDouble(), a.json().at("/performance/dynamic/fullCycles/value").asDouble(), 0.05);
        assertEquals("authority", a.json().at("/twin/accessTier").asText());
        assertEquals(url(PACK), a.json().at("/metadata/registrationIdentifier").asText());
        // the same document as the pure builder makes from the same events
        BatteryPassport expected = build(null);
        ObjectNode served = (ObjectNode) a.json().deepCopy();
        ((ObjectNode) served.get("twin")).remove(List.of("accessTier", "withheld"));
        assertEquals(Json.MAPPER.readTree(expected.document().toString()), served);
        // a pack with no use yet has a passport too (its state of charge is the declared shipping one)
        TestTwin.Answer fresh = get("/api/v1/packs/" + NEW_PACK.value() + "/passport", AUTHORITY);
        assertEquals(200, fresh.status(), fresh.body());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, fresh.body()), fresh.body());
        assertEquals("declared", fresh.json().at("/twin/provenance/~1performance~1dynamic~1stateOfCharge/method").asText());
    }

    static BatteryPassport build(Instant at) {
        var facts = SamplePackLife.facts(PACK, LIFE, at);
        return PassportBuilder.build(facts, RatedPackDesign.of("VF8", facts.cellCount(), facts.nominalCapacityKwh(),
                CellDesign.DUNKIRK), PassportDeclarations.bundledExample(), url(PACK));
    }

    @Test
    void eachTierReadsItsPartAndNobodyIsRefused() {
        for (String key : new String[] {null, "not-a-known-key-at-all"}) {
            TestTwin.Answer pub = get("/api/v1/packs/" + PACK.value() + "/passport", key);
            assertEquals(200, pub.status(), pub.body());
            assertEquals("public", pub.json().at("/twin/accessTier").asText());
            assertTrue(pub.json().at("/performance/dynamic").isMissingNode(), "the state of health is not public");
            assertFalse(pub.json().at("/performance/rated/capacity/value").isMissingNode());
            assertFalse(pub.json().at("/sustainability/carbonFootprint").isMissingNode());
        }
        for (String key : new String[] {READER, REPAIRER}) {
            TestTwin.Answer li = get("/api/v1/packs/" + PACK.value() + "/passport", key);
            assertEquals("legitimate-interest", li.json().at("/twin/accessTier").asText());
            assertFalse(li.json().at("/performance/dynamic/capacity/fade").isMissingNode());
            assertTrue(li.json().at("/conformity/resultOfTestReport").isMissingNode(), "test reports are for authorities");
        }
        TestTwin.Answer auth = get("/api/v1/packs/" + PACK.value() + "/passport", ENGINEER);
        assertFalse(auth.json().at("/conformity/resultOfTestReport").isMissingNode());
        // a passport-only role reads passports and nothing else of the twin
        assertEquals(403, get("/api/v1/packs/" + PACK.value(), REPAIRER).status());
        assertEquals(403, get("/api/v1/packs", AUTHORITY).status());
    }

    @Test
    void thePassportAtADateComesFromTheJournal() {
        TestTwin.Answer then = get("/api/v1/packs/" + PACK.value() + "/passport?at=2031-06-01", AUTHORITY);
        assertEquals(200, then.status(), then.body());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, then.body()));
        // the history endpoint's state at the same instant
        TestTwin.Answer state = get("/api/v1/packs/" + PACK.value() + "/at?time=2031-06-01T23:59:59.999999999Z", READER);
        assertEquals(200, state.status(), state.body());
        assertEquals((1 - state.json().at("/state/stateOfHealth").asDouble()) * 100,
                then.json().at("/performance/dynamic/capacity/fade/value").asDouble(), 0.0005);
        assertEquals(state.json().at("/state/healthAt").asText(), then.json().at("/twin/asOf").asText());
        assertTrue(then.json().at("/performance/dynamic/capacity/fade/value").asDouble()
                < get("/api/v1/packs/" + PACK.value() + "/passport", AUTHORITY).json().at("/performance/dynamic/capacity/fade/value").asDouble());
        // before assembly there is no passport; a bad date is a 400 naming the field
        TestTwin.Answer before = get("/api/v1/packs/" + PACK.value() + "/passport?at=2027-01-01", null);
        assertEquals(404, before.status());
        TestTwin.Answer bad = get("/api/v1/packs/" + PACK.value() + "/passport?at=June", null);
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals("at", bad.json().at("/errors/0/field").asText());
        assertEquals(404, get("/api/v1/packs/P-DK1-999999/passport", null).status());
        assertEquals(400, get("/api/v1/packs/not-a-pack/passport", null).status());
    }

    @Test
    void theQrCodeDecodesToThePassportsUrl() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packs/" + PACK.value()
                + "/passport/qr.png")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        var image = ImageIO.read(new ByteArrayInputStream(r.body()));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(url(PACK), text);
        // the URL it encodes is the passport
        assertEquals(PassportBuilder.passportId(PACK.value()),
                TestTwin.send(port, HttpRequest.newBuilder(URI.create(text)).GET()).json().at("/metadata/passportIdentifier").asText());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/packs/P-DK1-999999/passport/qr.png"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theAssetAdministrationShellIsValidAasJson() {
        String shellId = PassportShell.encodeId(PassportShell.shellId(PACK.value()));
        TestTwin.Answer list = get("/api/v1/aas/shells?limit=1", null);
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().get("result").size());
        String cursor = list.json().at("/paging_metadata/cursor").asText();
        assertEquals(1, get("/api/v1/aas/shells?limit=1&cursor=" + cursor, null).json().get("result").size());
        TestTwin.Answer shell = get("/api/v1/aas/shells/" + shellId, REPAIRER);
        assertEquals(200, shell.status(), shell.body());
        TestTwin.Answer refs = get("/api/v1/aas/shells/" + shellId + "/submodel-refs", REPAIRER);
        assertEquals(7, refs.json().get("result").size());
        ArrayNode submodels = Json.MAPPER.createArrayNode();
        for (JsonNode ref : refs.json().get("result")) {
            String id = ref.at("/keys/0/value").asText();
            TestTwin.Answer sm = get("/api/v1/aas/submodels/" + PassportShell.encodeId(id), REPAIRER);
            assertEquals(200, sm.status(), sm.body());
            submodels.add(sm.json());
        }
        ObjectNode env = Json.MAPPER.createObjectNode();
        env.putArray("assetAdministrationShells").add(shell.json());
        env.set("submodels", submodels);
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.AAS, env.toString()));
        // public: 6 parts, product condition (state of health) refused on its own
        assertEquals(6, get("/api/v1/aas/shells/" + shellId + "/submodel-refs", null).json().get("result").size());
        String condition = PassportShell.encodeId(PassportShell.submodelId(PACK.value(), "ProductCondition"));
        assertEquals(403, get("/api/v1/aas/submodels/" + condition, null).status());
        TestTwin.Answer value = get("/api/v1/aas/submodels/" + condition + "/$value", REPAIRER);
        JsonNode passport = get("/api/v1/packs/" + PACK.value() + "/passport", REPAIRER).json();
        assertEquals(passport.at("/performance/dynamic"), value.json().get("dynamic"));
        assertEquals(400, get("/api/v1/aas/shells/not*base64", null).status());
        assertEquals(404, get("/api/v1/aas/shells/" + PassportShell.encodeId("urn:ssbtwin:aas:P-DK1-999999"), null).status());
    }

    @Test
    void aCellIsAShellOnRequest() {
        String shellId = PassportShell.encodeId(PassportShell.shellId(CELL));
        TestTwin.Answer shell = get("/api/v1/aas/shells/" + shellId, REPAIRER);
        assertEquals(200, shell.status(), shell.body());
        TestTwin.Answer refs = get("/api/v1/aas/shells/" + shellId + "/submodel-refs", REPAIRER);
        assertEquals(2, refs.json().get("result").size());
        ArrayNode submodels = Json.MAPPER.createArrayNode();
        for (JsonNode ref : refs.json().get("result")) {
            TestTwin.Answer sm = get("/api/v1/aas/submodels/" + PassportShell.encodeId(ref.at("/keys/0/value").asText()), REPAIRER);
            assertEquals(200, sm.status(), sm.body());
            submodels.add(sm.json());
        }
        ObjectNode env = Json.MAPPER.createObjectNode();
        env.putArray("assetAdministrationShells").add(shell.json());
        env.set("submodels", submodels);
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.AAS, env.toString()));
        TestTwin.Answer plate = get("/api/v1/aas/submodels/" + PassportShell.encodeId(PassportShell.submodelId(CELL, "DigitalNameplate")) + "/$value", null);
        assertEquals(PACK.value(), plate.json().at("/nameplate/packId").asText());
        assertEquals("DK1", plate.json().at("/nameplate/site").asText());
        assertEquals(1, get("/api/v1/aas/shells/" + shellId + "/submodel-refs", null).json().get("result").size(), "the genealogy is not public");
        assertEquals(403, get("/api/v1/aas/submodels/" + PassportShell.encodeId(PassportShell.submodelId(CELL, "Genealogy")), null).status());
        assertEquals(404, get("/api/v1/aas/shells/" + PassportShell.encodeId("urn:ssbtwin:aas:C-DK1-99999999"), null).status());
    }

    @Test
    void theNdjsonExportHasEveryPacksPassport() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/passports"))
                .header("X-Api-Key", READER).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        assertEquals("2", r.headers().firstValue("X-Total-Count").orElse(""));
        String[] lines = r.body().strip().split("\n");
        assertEquals(2, lines.length);
        assertEquals(PACK.value(), Json.MAPPER.readTree(lines[0]).at("/identification/idDmc").asText());
        assertEquals("legitimate-interest", Json.MAPPER.readTree(lines[0]).at("/twin/accessTier").asText());
        assertNotNull(Json.MAPPER.readTree(lines[1]).at("/performance/dynamic/stateOfCharge/value"));
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/passports")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theExportCommandWritesOneFilePerPack() throws Exception {
        Path key = dir.resolve("reader.key");
        java.nio.file.Files.writeString(key, READER + "\n");
        Path out = dir.resolve("export");
        int code = new picocli.CommandLine(new org.ssbtwin.api.cli.PassportCommand()).execute("export", "--fleet", "http://127.0.0.1:" + port,
                "--out", out.toString(), "--api-key-file", key.toString());
        assertEquals(0, code);
        JsonNode written = Json.MAPPER.readTree(out.resolve(PACK.value() + ".json").toFile());
        assertEquals(get("/api/v1/packs/" + PACK.value() + "/passport", READER).json(), written);
        assertTrue(java.nio.file.Files.exists(out.resolve(NEW_PACK.value() + ".json")));
        var err = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new org.ssbtwin.api.cli.PassportCommand()).setErr(new java.io.PrintWriter(err));
        assertEquals(2, cli.execute("export", "--fleet", "ftp://x", "--out", out.toString()));
        assertTrue(err.toString().contains("--fleet"), err.toString());
    }
}
