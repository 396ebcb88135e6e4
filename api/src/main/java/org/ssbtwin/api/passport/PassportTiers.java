package org.ssbtwin.api.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which part of a passport each access tier reads (Regulation (EU) 2023/1542, Annex XIII), and the view of a
 * passport for one reader. Everything not listed here is public (Annex XIII point 1: manufacturer, category,
 * chemistry, rated capacity, voltages, power, resistance, lifetime, temperature range, carbon footprint, critical
 * raw materials and hazardous substances, recycled content, due diligence, conformity declaration...).
 */
public final class PassportTiers {
    private PassportTiers() {}

    /** JSON pointer -> the lowest tier that reads it. */
    public static final Map<String, PassportTier> RESTRICTED;

    static {
        Map<String, PassportTier> m = new LinkedHashMap<>();
        // Annex XIII point 4 (Art. 14): the state of health and the values it is computed from
        m.put("/performance/dynamic", PassportTier.LEGITIMATE_INTEREST);
        m.put("/twin/provenance", PassportTier.LEGITIMATE_INTEREST);
        // Annex XIII point 2: detailed composition, part numbers of components, dismantling and safety information
        m.put("/materials/composition", PassportTier.LEGITIMATE_INTEREST);
        m.put("/handling", PassportTier.LEGITIMATE_INTEREST);
        m.put("/safety/dismantling", PassportTier.LEGITIMATE_INTEREST);
        m.put("/safety/safetyMeasures", PassportTier.LEGITIMATE_INTEREST);
        m.put("/safety/removalFromAppliance", PassportTier.LEGITIMATE_INTEREST);
        m.put("/safety/safeDischarging", PassportTier.LEGITIMATE_INTEREST);
        // Annex XIII point 3: results of test reports proving compliance
        m.put("/conformity/resultOfTestReport", PassportTier.AUTHORITY);
        m.put("/performance/rated/testReport", PassportTier.AUTHORITY);
        RESTRICTED = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The passport as {@code tier} reads it: a copy without the parts above the tier; {@code twin.accessTier} names
     * the tier and {@code twin.withheld} lists the parts left out (present in the document but not readable).
     */
    public static ObjectNode view(ObjectNode passport, PassportTier tier) {
        ObjectNode copy = passport.deepCopy();
        ArrayNode withheld = copy.arrayNode();
        RESTRICTED.forEach((pointer, needs) -> {
            if (tier.sees(needs)) return;
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, cut));
            if (parent instanceof ObjectNode o && o.has(pointer.substring(cut + 1))) {
                o.remove(pointer.substring(cut + 1));
                withheld.add(pointer);
            }
        });
        ObjectNode twin = copy.has("twin") ? (ObjectNode) copy.get("twin") : copy.putObject("twin");
        twin.put("accessTier", tier.label());
        twin.set("withheld", withheld);
        return copy;
    }
}
