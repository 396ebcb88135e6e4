package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ssbtwin.fleet.pack.NegativeEvents;
import org.ssbtwin.fleet.readmodel.PackPassportRow;

/**
 * Builds a pack's battery passport, a pure function of what the twin knows of the pack ({@link PackPassportFacts.Facts}:
 * its state, genealogy, temperature record and negative events, from its journal or from the fleet read side), its design ({@link RatedPackDesign}) and the operator's
 * {@link PassportDeclarations}: same inputs, same document. Every value the twin supplies comes from those inputs;
 * each dynamic value carries its time, and the {@code twin.provenance} section says for each whether it was
 * measured in the vehicle, simulated by the twin, or modelled by the ageing model (docs/PASSPORT.md lists them).
 */
public final class PassportBuilder {
    public static final String SPEC_VERSION = "urn:io.catenax.battery.battery_pass:6.1.0";
    /** The Catena-X convention for "no predecessor": the nil UUID. */
    static final String NO_PREDECESSOR = "urn:uuid:00000000-0000-0000-0000-000000000000";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> SECTIONS = List.of("specVersion", "identification", "operation", "characteristics",
            "performance", "sustainability", "materials", "conformity", "safety", "handling", "commercial", "sources",
            "metadata", "twin");
    /** Required parts of the schema that only a declaration supplies (reported in {@link BatteryPassport#undeclared}). */
    static final List<String> REQUIRED_DECLARED = List.of("/identification/chemistry", "/identification/identification/codes",
            "/identification/identification/classification", "/identification/identification/dataCarrier/carrierLayout",
            "/characteristics/physicalDimension/weight", "/sustainability", "/materials", "/conformity", "/safety",
            "/handling", "/commercial/purpose", "/metadata/backupReference", "/performance/rated/voltage/min",
            "/performance/rated/voltage/max", "/performance/rated/roundTripEfficiency", "/performance/rated/power/at20SoC",
            "/performance/rated/power/at80SoC", "/performance/rated/temperature", "/performance/rated/lifetime");

    private PassportBuilder() {}

    /** The passport's stable unique identifier: a name-based UUID of the pack id. */
    public static String passportId(String packId) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("ssb-twin battery passport " + packId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param facts the pack's facts (an assembled pack)
     * @param design its rated values
     * @param declared the operator's declarations
     * @param resolvableUrl the passport's public URL (what the QR code encodes)
     */
    public static BatteryPassport build(PackPassportFacts.Facts facts, RatedPackDesign design, PassportDeclarations declared,
                                        String resolvableUrl) {
        if (facts == null) throw new IllegalArgumentException("the pack is not assembled: it has no passport");
        String id = facts.packId();
        Instant asOf = facts.asOf();
        String t = asOf.toString();
        Map<String, ObjectNode> provenance = new TreeMap<>();

        ObjectNode doc = F.objectNode();
        for (String s : SECTIONS) doc.set(s, F.objectNode());
        merge(doc, declared.passport());
        doc.put("specVersion", SPEC_VERSION);

        // ---- identification (the pack's ids, its model, its production batch) ----
        ObjectNode ident = (ObjectNode) doc.get("identification");
        ident.put("category", "EV");
        ident.put("idDmc", id);
        ObjectNode ids = obj(ident, "identification");
        ids.set("serial", F.arrayNode().add(kv("partInstanceId", id)));
        String site = site(id);
        ids.set("batch", F.arrayNode().add(kv("batchId", "P-" + site + "-" + isoWeek(facts.assembledAt()))));
        ObjectNode type = F.objectNode();
        type.put("manufacturerPartId", facts.vehicleModel() + "-PACK-" + design.seriesElements() + "S");
        type.put("nameAtManufacturer", design.modelLabel() + " solid-state cell-in-pack battery, " + design.seriesElements()
                + " cells in series");
        ids.set("type", type);
        obj(ids, "dataCarrier").put("carrierType", "QR");

        // ---- operation: manufacturer, plants and dates from the genealogy ----
        ObjectNode op = (ObjectNode) doc.get("operation");
        ObjectNode manufacturer = obj(op, "manufacturer");
        manufacturer.put("manufacturer", declared.packAssembler().manufacturer());
        ArrayNode facilities = F.arrayNode();
        facilities.add(F.objectNode().put("facility", declared.packAssembler().facility()));
        for (String s : facts.cellsBySite().keySet().stream().sorted().toList()) {
            PassportDeclarations.Party plant = declared.cellPlant(s);
            if (plant != null) facilities.add(F.objectNode().put("facility", plant.facility()));
        }
        manufacturer.set("facility", facilities);
        if (facts.assembledAt() != null) manufacturer.put("manufacturingDate", date(facts.assembledAt()));
        if (facts.installedAt() != null) op.put("intoServiceDate", date(facts.installedAt()));

        // ---- characteristics ----
        ObjectNode warranty = obj((ObjectNode) doc.get("characteristics"), "warranty");
        warranty.put("lifeValue", design.warranty().years());
        warranty.put("lifeUnit", "unit:year");

        // ---- performance: rated from the design ----
        ObjectNode perf = (ObjectNode) doc.get("performance");
        ObjectNode rated = obj(perf, "rated");
        ObjectNode capacity = obj(rated, "capacity");
        capacity.put("value", round(design.ratedCapacityAh(), 3));
        capacity.put("thresholdExhaustion", round(design.exhaustionSohPct(), 1));
        obj(rated, "energy").put("value", round(design.ratedEnergyKwh(), 3));
        obj(rated, "voltage").put("nominal", round(design.nominalVoltageV(), 2));
        ObjectNode resistance = obj(rated, "resistance");
        resistance.put("cell", round(design.cellResistanceOhm(), 6));
        resistance.put("pack", round(design.packResistanceOhm(), 6));
        if (Double.isFinite(design.ratedPowerW())) obj(rated, "power").put("value", round(design.ratedPowerW(), 0));
        rated.put("selfDischargingRate", round(facts.selfDischargeNewPctPerDay(), 5));

        // ---- performance: dynamic, from the twin ----
        ObjectNode dyn = obj(perf, "dynamic");
        double soh = facts.stateOfHealth();
        double relR = facts.relativeResistance();
        boolean measured = facts.measured();
        String usage = measured ? "measured" : facts.usagePeriods() == 0 ? "none" : "simulated";
        String usageBasis = measured ? "summed from the vehicle's telemetry records (" + facts.usagePeriods() + " periods)"
                : facts.usagePeriods() == 0 ? "no use recorded yet"
                : "summed from the twin's simulated use (" + facts.usagePeriods() + " periods, " + facts.telemetryPeriods() + " from telemetry)";
        String sohBasis = "SSB ageing model (docs/AGEING-MODEL.md) run on the pack's own cells and its recorded use; "
                + "state of health " + round(soh, 5) + " of rated";

        ObjectNode dCap = obj(dyn, "capacity");
        dCap.set("capacity", tv(round(design.ratedCapacityAh() * soh, 3), t));
        dCap.set("fade", tv(round((1 - soh) * 100, 3), t));
        double ahThroughput = facts.throughputKwh() * 1000.0 / design.nominalVoltageV();
        dCap.set("throughput", tv(round(ahThroughput, 1), t));
        provenance.put("/performance/dynamic/capacity/capacity", prov("modelled", "rated capacity x state of health; " + sohBasis, t));
        provenance.put("/performance/dynamic/capacity/fade", prov("modelled", "(1 - state of health) x 100; " + sohBasis, t));
        provenance.put("/performance/dynamic/capacity/throughput", prov(usage, "energy throughput / nominal voltage; " + usageBasis, t));

        ObjectNode dEnergy = obj(dyn, "energy");
        dEnergy.set("remaining", tv(round(design.ratedEnergyKwh() * soh, 3), t));
        dEnergy.set("soce", tv(round(soh * 100, 3), t));
        dEnergy.set("throughput", tv(round(facts.throughputKwh(), 1), t));
        provenance.put("/performance/dynamic/energy/remaining", prov("modelled", "rated energy x state of health; " + sohBasis, t));
        provenance.put("/performance/dynamic/energy/soce", prov("modelled", "state of certified energy = state of health x 100; " + sohBasis, t));
        provenance.put("/performance/dynamic/energy/throughput", prov(usage, "discharged energy, kWh; " + usageBasis, t));

        dyn.set("fullCycles", tv(round(facts.equivalentFullCycles(), 1), t));
        provenance.put("/performance/dynamic/fullCycles", prov(usage, "equivalent full cycles; " + usageBasis, t));

        ObjectNode dRes = obj(dyn, "resistance");
        ObjectNode increase = obj(dRes, "increase");
        increase.set("cell", tv(round((relR - 1) * 100, 3), t));
        increase.set("pack", tv(round((relR - 1) * 100, 3), t));
        ObjectNode remainingR = obj(dRes, "remaining");
        remainingR.set("cell", tv(round(design.cellResistanceOhm() * relR, 6), t));
        remainingR.set("pack", tv(round(design.packResistanceOhm() * relR, 6), t));
        String rBasis = "SSB ageing model: pack resistance relative to new " + round(relR, 5)
                + " (the sum of its series cells; the cell value is the mean cell's)";
        for (String p : List.of("increase/cell", "increase/pack", "remaining/cell", "remaining/pack")) {
            provenance.put("/performance/dynamic/resistance/" + p, prov("modelled", rBasis, t));
        }

        if (Double.isFinite(design.ratedPowerW())) {
            ObjectNode dPow = obj(dyn, "power");
            dPow.set("remaining", tv(round(design.ratedPowerW() / relR, 0), t));
            dPow.set("fade", tv(round((1 - 1 / relR) * 100, 3), t));
            String pBasis = "power capability at fixed voltage limits scales with 1 / resistance (assumed): rated power / " + round(relR, 5);
            provenance.put("/performance/dynamic/power/remaining", prov("modelled", pBasis, t));
            provenance.put("/performance/dynamic/power/fade", prov("modelled", pBasis, t));
        }

        double rte0 = declared.initialRoundTripEfficiencyPct();
        if (Double.isFinite(rte0)) {
            double rte = 100 - (100 - rte0) * relR;
            ObjectNode dRte = obj(dyn, "roundTripEfficiency");
            dRte.set("remaining", tv(round(rte, 3), t));
            dRte.set("fade", tv(round(rte0 - rte, 3), t));
            String eBasis = "resistive losses scale with resistance (assumed): 100 - (100 - declared initial " + rte0 + ") x " + round(relR, 5);
            provenance.put("/performance/dynamic/roundTripEfficiency/remaining", prov("modelled", eBasis, t));
            provenance.put("/performance/dynamic/roundTripEfficiency/fade", prov("modelled", eBasis, t));
        }

        dyn.put("selfDischargingRate", round(facts.selfDischargePctPerDay(), 5));
        provenance.put("/performance/dynamic/selfDischargingRate", prov("modelled",
                "worst cell's self-discharge, percent per day, SSB ageing model", t));

        Double soc = facts.stateOfChargePct();
        if (soc != null) {
            dyn.set("stateOfCharge", tv(round(soc, 1), t));
            provenance.put("/performance/dynamic/stateOfCharge", prov(usage,
                    "mean of the daily (min + max) / 2 state of charge over the recorded days of this calendar month; " + usageBasis, t));
        } else if (declared.shippingStateOfChargePct() != null) {
            dyn.set("stateOfCharge", tv(declared.shippingStateOfChargePct(), t));
            provenance.put("/performance/dynamic/stateOfCharge", prov("declared", "shipping state of charge of a pack not yet used", t));
        }

        ArrayNode negative = F.arrayNode();
        NegativeEvents ne = facts.negativeEvents();
        negative.add(doc("Overheating", ne.overheatings() + " day(s) of telemetry with a mean cell temperature above "
                + NegativeEvents.OVERHEATING_ABOVE_C + " degC" + (ne.lastOverheatingAt() == null ? "" : ", last ending " + ne.lastOverheatingAt())));
        negative.add(doc("Deep discharge", ne.deepDischarges() + " day(s) of telemetry with a lowest state of charge below "
                + round(NegativeEvents.DEEP_DISCHARGE_BELOW_SOC * 100, 1) + " %"
                + (ne.lastDeepDischargeAt() == null ? "" : ", last ending " + ne.lastDeepDischargeAt())));
        if (facts.observedFailure()) {
            negative.add(doc("Failure", "a failure of the pack was observed"));
        }
        dyn.set("negativeEvents", negative);
        provenance.put("/performance/dynamic/negativeEvents", prov(measured ? "measured" : facts.telemetryPeriods() == 0 ? "none" : usage,
                "counted from the vehicle's daily telemetry (lowest state of charge, mean cell temperature; thresholds "
                        + round(NegativeEvents.DEEP_DISCHARGE_BELOW_SOC * 100, 1) + " % and " + NegativeEvents.OVERHEATING_ABOVE_C
                        + " degC, assumed); " + usageBasis, t));
        ArrayNode env = F.arrayNode();
        env.add(doc("Temperature information", facts.usagePeriods() == 0 ? "no use recorded yet"
                : String.format(Locale.ROOT, "mean cell temperature per usage period: min %.1f degC, mean %.1f degC, max %.1f degC over %d periods",
                facts.minMeanCellTempC(), facts.meanCellTempC(), facts.maxMeanCellTempC(), facts.usagePeriods())));
        dyn.set("operatingEnvironment", env);
        provenance.put("/performance/dynamic/operatingEnvironment", prov(usage, "period mean cell temperatures; " + usageBasis, t));

        // ---- commercial and metadata ----
        if (facts.installedAt() != null) ((ObjectNode) doc.get("commercial")).put("placedOnMarket", date(facts.installedAt()));
        ObjectNode meta = (ObjectNode) doc.get("metadata");
        String passportId = passportId(id);
        meta.put("passportIdentifier", passportId);
        meta.put("predecessor", NO_PREDECESSOR);
        meta.put("version", "1." + facts.revision());
        meta.put("status", declared.example() ? "draft" : "approved");
        Instant made = facts.assembledAt() != null ? facts.assembledAt() : asOf;
        meta.put("issueDate", date(made));
        meta.put("lastModification", date(asOf));
        meta.put("expirationDate", LocalDate.ofInstant(made, ZoneOffset.UTC).plusYears(declared.passportValidityYears()).toString());
        meta.put("economicOperatorId", declared.economicOperatorId());
        meta.put("registrationIdentifier", resolvableUrl);

        // ---- the twin's own section: genealogy and provenance ----
        ObjectNode twin = (ObjectNode) doc.get("twin");
        twin.put("packId", id);
        twin.put("asOf", t);
        twin.put("resolvableUrl", resolvableUrl);
        twin.put("revision", facts.revision());
        ObjectNode gen = obj(twin, "genealogy");
        gen.put("vehicleModel", facts.vehicleModel());
        if (facts.vehicleId() != null) gen.put("vehicleId", facts.vehicleId());
        gen.put("cells", facts.cellCount());
        if (facts.assembledAt() != null) gen.put("packAssembledAt", facts.assembledAt().toString());
        gen.put("packAssembledBy", declared.packAssembler().name());
        if (facts.installedAt() != null) gen.put("installedAt", facts.installedAt().toString());
        ArrayNode plants = F.arrayNode();
        new TreeMap<>(facts.cellsBySite()).forEach((s, n) -> {
            PassportDeclarations.Party plant = declared.cellPlant(s);
            plants.add(F.objectNode().put("site", s).put("plant", plant == null ? "undeclared site " + s : plant.name()).put("cells", n));
        });
        gen.set("cellPlants", plants);
        ObjectNode provNode = obj(twin, "provenance");
        provenance.forEach(provNode::set);
        if (declared.example()) twin.put("declarations", "example data (" + PassportDeclarations.EXAMPLE_RESOURCE + "), not a manufacturer's declaration");

        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            JsonNode v = it.next().getValue();
            if (v.isObject() && v.isEmpty()) it.remove();
        }
        List<String> undeclared = new ArrayList<>();
        for (String p : REQUIRED_DECLARED) if (doc.at(p).isMissingNode()) undeclared.add(p);
        if (!undeclared.isEmpty()) twin.set("undeclared", F.arrayNode().addAll(undeclared.stream().map(F::textNode).toList()));
        return new BatteryPassport(passportId, id, asOf, doc, undeclared);
    }

    /** Deep-merges {@code from} into {@code into} (objects merged, everything else replaced). */
    static void merge(ObjectNode into, JsonNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode mine = into.get(e.getKey());
            if (mine != null && mine.isObject() && e.getValue().isObject()) merge((ObjectNode) mine, e.getValue());
            else into.set(e.getKey(), e.getValue().deepCopy());
        });
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) return o;
        return parent.putObject(field);
    }

    private static ObjectNode kv(String key, String value) {
        return F.objectNode().put("key", key).put("value", value);
    }

    private static ObjectNode tv(double value, String time) {
        return F.objectNode().put("value", value).put("time", time);
    }

    private static ObjectNode prov(String method, String basis, String time) {
        return F.objectNode().put("method", method).put("time", time).put("basis", basis);
    }

    private static ObjectNode doc(String header, String content) {
        return F.objectNode().put("header", header).put("contentType", "text/plain").put("content", content);
    }

    private static String date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static String isoWeek(Instant at) {
        if (at == null) return "unknown";
        LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The site code of an id ("DK1" of "C-DK1-00000001"). */
    static String site(String assetId) {
        return PackPassportRow.site(assetId);
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
