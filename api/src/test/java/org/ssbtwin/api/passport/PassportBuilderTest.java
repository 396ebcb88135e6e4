package org.ssbtwin.api.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.eclipse.digitaltwin.aas4j.v3.dataformat.json.JsonSerializer;
import org.eclipse.digitaltwin.aas4j.v3.model.Submodel;
import org.eclipse.digitaltwin.aas4j.v3.model.impl.DefaultEnvironment;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.core.config.ConfigException;
import org.ssbtwin.fleet.usage.VehicleModel;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.HealthPoint;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackHistory;
import org.ssbtwin.plant.cell.CellDesign;

/**
 * The passport as a pure function of a pack's recorded life (5 years of telemetry aged by the twin's own model):
 * valid against the published Catena-X 6.1.0 schema, its values traced back to the pack's events and design, its
 * access tiers, its QR code and its AAS form (valid against the published AAS v3 schema).
 */
class PassportBuilderTest {
    static final PackId PACK = PackId.of("P-DK1-000042");
    static final List<PackEvent> LIFE = SamplePackLife.events(PACK, VehicleModel.VF8, LocalDate.of(2028, 3, 6), 5, 3, 42);
    static final PassportDeclarations DECLARED = PassportDeclarations.bundledExample();
    static final String URL = "https://twin.example/api/v1/packs/P-DK1-000042/passport";

    static BatteryPassport passportAt(Instant at) {
        PackPassportFacts.Facts facts = SamplePackLife.facts(PACK, LIFE, at);
        RatedPackDesign design = RatedPackDesign.of(facts.vehicleModel(), facts.cellCount(), facts.nominalCapacityKwh(), CellDesign.DUNKIRK);
        return PassportBuilder.build(facts, design, DECLARED, URL);
    }

    @Test
    void aFiveYearOldPacksPassportIsValidAgainstTheCatenaXSchema() throws Exception {
        BatteryPassport p = passportAt(null);
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p.document());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, json), json);
        assertEquals(List.of(), p.undeclared());
        // and the schema really checks: a passport without its dynamic part is refused
        ObjectNode broken = p.document().deepCopy();
        ((ObjectNode) broken.get("performance")).remove("dynamic");
        assertFalse(PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, broken.toString()).isEmpty());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/example-passport-5-years.json"), json);
    }

    @Test
    void capacityFadeIsTheSohHistory() {
        // at each monthly telemetry batch the twin recorded, the passport's capacity fade and resistance increase are
        // those of the pack's SoH history point at the passport's time (the history keeps one point a week)
        List<HealthPoint> history = PackHistory.of(LIFE);
        java.util.Map<Instant, HealthPoint> byTime = new java.util.HashMap<>();
        history.forEach(h -> byTime.put(h.at(), h));
        int matched = 0;
        for (Instant batch : LIFE.stream().filter(e -> e instanceof PackEvent.UsageRecorded).map(PackEvent::at).distinct().toList()) {
            BatteryPassport p = passportAt(batch);
            HealthPoint h = byTime.get(p.asOf());
            if (h == null) continue;
            matched++;
            JsonNode d = p.document();
            assertEquals((1 - h.stateOfHealth()) * 100, d.at("/performance/dynamic/capacity/fade/value").asDouble(), 0.0005, batch.toString());
            assertEquals(h.at().toString(), d.at("/performance/dynamic/capacity/fade/time").asText());
            assertEquals((h.relativeResistance() - 1) * 100, d.at("/performance/dynamic/resistance/increase/pack/value").asDouble(), 0.0005);
            assertEquals(h.equivalentFullCycles(), d.at("/performance/dynamic/fullCycles/value").asDouble(), 0.05);
        }
        assertTrue(matched >= 5, "passports at history points: " + matched);
    }

    @Test
    void dynamicValuesAreTheTwinsOwn() {
        BatteryPassport p = passportAt(null);
        JsonNode d = p.document();
        PackEvent.UsageRecorded lastUsage = (PackEvent.UsageRecorded) LIFE.get(LIFE.size() - 1);
        HealthPoint last = new HealthPoint(lastUsage.periodEnd(), lastUsage.stateOfHealthAfter(), lastUsage.relativeResistanceAfter(),
                LIFE.stream().filter(e -> e instanceof PackEvent.UsageRecorded).mapToDouble(e -> ((PackEvent.UsageRecorded) e).equivalentFullCycles()).sum(), 0);
        assertEquals(last.at(), p.asOf());
        assertEquals((1 - last.stateOfHealth()) * 100, d.at("/performance/dynamic/capacity/fade/value").asDouble(), 0.0005);
        assertEquals(last.equivalentFullCycles(), d.at("/performance/dynamic/fullCycles/value").asDouble(), 0.05);
        double kwh = LIFE.stream().filter(e -> e instanceof PackEvent.UsageRecorded).mapToDouble(e -> ((PackEvent.UsageRecorded) e).energyKwh()).sum();
        assertEquals(kwh, d.at("/performance/dynamic/energy/throughput/value").asDouble(), 0.05);
        assertTrue(last.stateOfHealth() < 0.99 && last.stateOfHealth() > 0.6, "5 years aged the pack: " + last.stateOfHealth());
        // rated values from the design data (VehicleModel VF8 / its PackDesign, CellDesign)
        assertEquals(VehicleModel.VF8.ratedKWh(), d.at("/performance/rated/energy/value").asDouble(), 0.0005, "the design's kWh, to 3 decimals");
        assertEquals(VehicleModel.VF8.packDesign().cellAmpHours(), d.at("/performance/rated/capacity/value").asDouble(), 0.001);
        assertEquals(VehicleModel.VF8.packDesign().seriesElements() * VehicleModel.VF8.packDesign().nominalCellVoltage(),
                d.at("/performance/rated/voltage/nominal").asDouble(), 0.01);
        assertEquals(CellDesign.DUNKIRK.cellResistanceMilliOhm() / 1000, d.at("/performance/rated/resistance/cell").asDouble(), 1e-9);
        // provenance: measured (telemetry) vs modelled (ageing model)
        assertEquals("measured", d.at("/twin/provenance/~1performance~1dynamic~1fullCycles/method").asText());
        assertEquals("modelled", d.at("/twin/provenance/~1performance~1dynamic~1capacity~1fade/method").asText());
        // negative events from the telemetry: the 3 days at 62 degC, above 60 degC; no day below 5 % SoC
        assertTrue(d.at("/performance/dynamic/negativeEvents/0/content").asText().startsWith("3 day(s) of telemetry with a mean cell temperature above 60.0 degC, last ending "),
                d.at("/performance/dynamic/negativeEvents").toString());
        assertEquals("Deep discharge", d.at("/performance/dynamic/negativeEvents/1/header").asText());
        assertTrue(d.at("/performance/dynamic/negativeEvents/1/content").asText().startsWith("0 day(s)"),
                d.at("/performance/dynamic/negativeEvents").toString());
        assertEquals("measured", d.at("/twin/provenance/~1performance~1dynamic~1negativeEvents/method").asText());
        // genealogy: cells from the Dunkirk plant, pack from the joint venture
        assertEquals("DK1", d.at("/twin/genealogy/cellPlants/0/site").asText());
        assertEquals(VehicleModel.VF8.packDesign().seriesElements(), d.at("/twin/genealogy/cellPlants/0/cells").asInt());
        assertEquals("2028-03-06", d.at("/operation/manufacturer/manufacturingDate").asText());
        assertEquals(2, d.at("/operation/manufacturer/facility").size());
        assertEquals("draft", d.at("/metadata/status").asText(), "example declarations make a draft");
        assertEquals(PassportBuilder.passportId(PACK.value()), d.at("/metadata/passportIdentifier").asText());
    }

    @Test
    void thePassportAtADateIsTheStateThen() {
        // what the twin had recorded by the end of 2031-06-01: the last usage event recorded by then
        Instant june2031 = PassportRoutes.at("2031-06-01");
        PackEvent.UsageRecorded lastThen = null;
        for (PackEvent e : LIFE) if (e instanceof PackEvent.UsageRecorded u && !u.at().isAfter(june2031)) lastThen = u;
        BatteryPassport then = passportAt(june2031);
        BatteryPassport now = passportAt(null);
        double fadeThen = then.document().at("/performance/dynamic/capacity/fade/value").asDouble();
        assertEquals((1 - lastThen.stateOfHealthAfter()) * 100, fadeThen, 0.0005);
        assertEquals(lastThen.periodEnd(), then.asOf());
        assertEquals(then.asOf().toString().substring(0, 10), then.document().at("/metadata/lastModification").asText());
        assertTrue(fadeThen < now.document().at("/performance/dynamic/capacity/fade/value").asDouble());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, then.document().toString()));
    }

    @Test
    void sameInputsSameDocument() {
        assertEquals(passportAt(null).document(), passportAt(null).document());
    }

    @Test
    void tiersWithholdTheirPartsAndNothingElse() {
        ObjectNode full = passportAt(null).document();
        ObjectNode pub = PassportTiers.view(full, PassportTier.PUBLIC);
        ObjectNode li = PassportTiers.view(full, PassportTier.LEGITIMATE_INTEREST);
        ObjectNode auth = PassportTiers.view(full, PassportTier.AUTHORITY);
        assertTrue(pub.at("/performance/dynamic").isMissingNode());
        assertTrue(pub.at("/materials/composition").isMissingNode());
        assertTrue(pub.at("/conformity/resultOfTestReport").isMissingNode());
        assertFalse(pub.at("/performance/rated/capacity").isMissingNode(), "rated capacity is public");
        assertFalse(pub.at("/sustainability/carbonFootprint").isMissingNode(), "carbon footprint is public");
        assertEquals("public", pub.at("/twin/accessTier").asText());
        assertTrue(pub.at("/twin/withheld").toString().contains("/performance/dynamic"));
        assertFalse(li.at("/performance/dynamic").isMissingNode());
        assertTrue(li.at("/conformity/resultOfTestReport").isMissingNode());
        assertFalse(auth.at("/conformity/resultOfTestReport").isMissingNode());
        assertEquals(0, auth.at("/twin/withheld").size());
        assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.BATTERY_PASS, auth.toString()), "the full view is the valid passport");
        assertEquals(PassportTier.PUBLIC, PassportTier.of(true, java.util.Optional.empty()));
        assertEquals(PassportTier.AUTHORITY, PassportTier.of(false, java.util.Optional.empty()));
    }

    @Test
    void theQrCodeDecodesToThePassportUrl() throws Exception {
        byte[] png = PassportQrCode.png(URL);
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(URL, decoded);
        assertTrue(decoded.endsWith(PACK.value() + "/passport"), "the URL carries the unique id");
    }

    @Test
    void theAasFormIsValidAgainstTheAasSchema() throws Exception {
        BatteryPassport p = passportAt(null);
        for (PassportTier tier : PassportTier.values()) {
            ObjectNode view = PassportTiers.view(p.document(), tier);
            List<Submodel> submodels = new ArrayList<>();
            for (PassportShell.Part part : PassportShell.partsFor(tier)) submodels.add(PassportShell.submodel(p, view, part));
            var env = new DefaultEnvironment.Builder()
                    .assetAdministrationShells(PassportShell.shell(p.packId(), 17, p.passportId(), tier))
                    .submodels(submodels).build();
            String json = new JsonSerializer().write(env);
            assertEquals(List.of(), PublishedSchemas.errors(PublishedSchemas.AAS, json), tier + ": " + json.substring(0, Math.min(2000, json.length())));
            assertEquals(PassportShell.partsFor(tier).size(), submodels.size());
        }
        assertEquals(7, PassportShell.partsFor(PassportTier.AUTHORITY).size());
        assertEquals(6, PassportShell.partsFor(PassportTier.PUBLIC).size(), "product condition (state of health) is not public");
        // the schema really checks: an element without its value type is refused
        String bad = "{\"submodels\":[{\"id\":\"x\",\"modelType\":\"Submodel\",\"submodelElements\":[{\"idShort\":\"a\",\"modelType\":\"Property\"}]}]}";
        assertFalse(PublishedSchemas.errors(PublishedSchemas.AAS, bad).isEmpty());
        String id = PassportShell.submodelId(PACK.value(), "ProductCondition");
        assertEquals(id, PassportShell.decodeId(PassportShell.encodeId(id)));
        assertFalse(PassportShell.encodeId(id).contains("="));
    }

    @Test
    void declarationsMayNotSetWhatTheTwinComputes() throws Exception {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(getClass().getClassLoader().getResourceAsStream(PassportDeclarations.EXAMPLE_RESOURCE));
        ((ObjectNode) root.get("passport")).putObject("performance").putObject("dynamic").put("selfDischargingRate", 0.1);
        ConfigException e = assertThrows(ConfigException.class, () -> PassportDeclarations.parse(root, "decl"));
        assertEquals("decl.passport.performance.dynamic", e.path());
        ObjectNode noOperator = (ObjectNode) Json.MAPPER.readTree(getClass().getClassLoader().getResourceAsStream(PassportDeclarations.EXAMPLE_RESOURCE));
        noOperator.put("economicOperatorId", "ACME");
        assertEquals("decl.economicOperatorId", assertThrows(ConfigException.class, () -> PassportDeclarations.parse(noOperator, "decl")).path());
        assertNotEquals(0, DECLARED.passport().size());
    }
}
