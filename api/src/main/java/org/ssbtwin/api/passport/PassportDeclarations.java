package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.core.config.ConfigException;

/**
 * The passport's static part that the twin cannot know and must not invent: what the economic operator declares
 * (carbon footprint, materials and recycled content, due diligence, conformity documents, safety and dismantling
 * documents, dimensions and weight, voltage limits, temperature range, round-trip efficiency, lifetime tests, the
 * Catena-X business partner numbers of the companies and plants). Read from a JSON file (docs/PASSPORT.md):
 *
 * <pre>{
 *   "example": true,                      // example data, not a declaration: passports say status "draft"
 *   "economicOperatorId": "BPNL...",       // who places the pack on the market (metadata.economicOperatorId)
 *   "packAssembler": {"name": ..., "manufacturer": "BPNL...", "facility": "BPNA..."},
 *   "cellPlants": {"DK1": {"name": ..., "facility": "BPNA..."}},   // by the site code of the cell ids
 *   "passportValidityYears": 15,           // metadata.expirationDate = manufacturing date + this
 *   "shippingStateOfChargePct": 30,        // state of charge of a pack not yet used (no telemetry yet)
 *   "passport": { ...any part of a Catena-X battery_pass 6.1.0 document... }
 * }</pre>
 *
 * A declaration may not set what the twin computes ({@link #TWIN_OWNED}): loading names such a field and fails.
 */
public record PassportDeclarations(boolean example, String economicOperatorId, Party packAssembler,
                                   Map<String, Party> cellPlants, int passportValidityYears,
                                   Double shippingStateOfChargePct, ObjectNode passport) {

    /** A company or plant: its name and Catena-X business partner numbers (legal entity BPNL, site/address BPNA). */
    public record Party(String name, String manufacturer, String facility) {}

    /** The bundled example (test and demo data; never a manufacturer's declaration). */
    public static final String EXAMPLE_RESOURCE = "passport/declarations.example.json";

    /** JSON pointers of the passport that the twin fills from its own data (design, genealogy, ageing, history). */
    public static final List<String> TWIN_OWNED = List.of(
            "/specVersion", "/identification/category", "/identification/idDmc", "/identification/identification/serial",
            "/identification/identification/batch", "/identification/identification/type",
            "/identification/identification/dataCarrier/carrierType", "/operation", "/characteristics/warranty",
            "/performance/rated/capacity", "/performance/rated/energy", "/performance/rated/voltage/nominal",
            "/performance/rated/resistance", "/performance/rated/power/value", "/performance/rated/selfDischargingRate",
            "/performance/dynamic", "/metadata/passportIdentifier", "/metadata/predecessor", "/metadata/issueDate",
            "/metadata/lastModification", "/metadata/expirationDate", "/metadata/version", "/metadata/status",
            "/metadata/economicOperatorId", "/metadata/registrationIdentifier", "/commercial/placedOnMarket", "/twin");

    private static final Set<String> FIELDS = Set.of("_about", "example", "economicOperatorId", "packAssembler", "cellPlants",
            "passportValidityYears", "shippingStateOfChargePct", "passport");

    /** The declared rated upper temperature (performance.rated.temperature.upper), NaN if not declared. */
    public double ratedUpperTemperatureC() {
        JsonNode n = passport.at("/performance/rated/temperature/upper");
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** The declared initial round-trip efficiency, percent, NaN if not declared. */
    public double initialRoundTripEfficiencyPct() {
        JsonNode n = passport.at("/performance/rated/roundTripEfficiency/initial");
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** The cell plant of a site code (the middle part of a cell id, "DK1"), or null. */
    public Party cellPlant(String siteCode) {
        return cellPlants.get(siteCode);
    }

    public static PassportDeclarations bundledExample() {
        try (InputStream in = PassportDeclarations.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) throw new IllegalStateException(EXAMPLE_RESOURCE + " is not on the classpath");
            return parse(new ObjectMapper().readTree(in), EXAMPLE_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLE_RESOURCE, e);
        }
    }

    /** Reads {@code file}; a missing file or a bad field is a {@link ConfigException} naming {@code setting} and the field. */
    public static PassportDeclarations read(Path file, String setting) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(setting, "cannot read the passport declarations " + file + ": " + e.getMessage());
        }
        return parse(root, setting + " (" + file + ")");
    }

    static PassportDeclarations parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) throw new ConfigException(where, "must be a JSON object");
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw new ConfigException(where + "." + f, "unknown field; expected one of " + FIELDS);
        });
        JsonNode passport = root.path("passport");
        if (!passport.isObject()) throw new ConfigException(where + ".passport", "is required: an object with the declared parts of the passport");
        for (String owned : TWIN_OWNED) {
            if (!passport.at(owned).isMissingNode()) {
                throw new ConfigException(where + ".passport" + owned.replace('/', '.'),
                        "is computed by the twin from its own data and may not be declared");
            }
        }
        String operator = text(root, "economicOperatorId", where);
        if (!operator.matches("^BPNL[a-zA-Z0-9]{12}$")) {
            throw new ConfigException(where + ".economicOperatorId", "must be a Catena-X legal entity number BPNL + 12 characters");
        }
        Party assembler = party(root.path("packAssembler"), where + ".packAssembler", true);
        Map<String, Party> plants = new java.util.TreeMap<>();
        JsonNode cp = root.path("cellPlants");
        if (!cp.isObject() || cp.isEmpty()) throw new ConfigException(where + ".cellPlants", "is required: {siteCode: {name, facility}}");
        cp.fields().forEachRemaining(e -> plants.put(e.getKey(), party(e.getValue(), where + ".cellPlants." + e.getKey(), false)));
        JsonNode years = root.path("passportValidityYears");
        if (!years.canConvertToInt() || years.asInt() < 1 || years.asInt() > 100) {
            throw new ConfigException(where + ".passportValidityYears", "must be a whole number of years within [1, 100]");
        }
        Double soc = null;
        if (root.has("shippingStateOfChargePct")) {
            JsonNode s = root.get("shippingStateOfChargePct");
            if (!s.isNumber() || s.asDouble() < 0 || s.asDouble() > 100) {
                throw new ConfigException(where + ".shippingStateOfChargePct", "must be a number within [0, 100]");
            }
            soc = s.asDouble();
        }
        return new PassportDeclarations(root.path("example").asBoolean(false), operator, assembler, Map.copyOf(plants),
                years.asInt(), soc, (ObjectNode) passport.deepCopy());
    }

    private static Party party(JsonNode n, String where, boolean withManufacturer) {
        if (!n.isObject()) throw new ConfigException(where, "is required: {name, " + (withManufacturer ? "manufacturer, " : "") + "facility}");
        String name = text(n, "name", where);
        String facility = text(n, "facility", where);
        if (!facility.matches("^BPNA[a-zA-Z0-9]{12}$")) throw new ConfigException(where + ".facility", "must be a Catena-X site number BPNA + 12 characters");
        String manufacturer = null;
        if (withManufacturer) {
            manufacturer = text(n, "manufacturer", where);
            if (!manufacturer.matches("^BPNL[a-zA-Z0-9]{12}$")) {
                throw new ConfigException(where + ".manufacturer", "must be a Catena-X legal entity number BPNL + 12 characters");
            }
        }
        return new Party(name, manufacturer, facility);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) throw new ConfigException(where + "." + field, "is required (text)");
        return v.asText().strip();
    }
}
