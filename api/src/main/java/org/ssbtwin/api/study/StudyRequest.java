package org.ssbtwin.api.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.Json.FieldError;
import org.ssbtwin.api.jobs.InvalidJobRequestException;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.config.fleet.FleetSpecValidationException;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.ageing.Chemistry;
import org.ssbtwin.fleet.usage.FleetSpec;

/**
 * A validated study request: the fleet (bundled name, or {@code inline} for a {@code fleetSpec}), the spec with the
 * request's packs, years and chemistry ({@code ssb} or {@code li-ion-reference}, default: the spec's) applied, and
 * the seed.
 */
public record StudyRequest(String fleet, FleetSpec spec, long seed) {
    public static final int MAX_YEARS = 20;
    public static final int MAX_SPEC_CHARS = 65_536;
    public static final String INLINE = "inline";
    static final Set<String> FIELDS = Set.of("fleet", "fleetSpec", "packs", "years", "seed", "chemistry");

    /** The body was rejected; {@link #errors()} names every bad field. */
    public static final class InvalidStudyRequestException extends InvalidJobRequestException {
        InvalidStudyRequestException(List<FieldError> errors) {
            super("the study request", errors);
        }
    }

    /**
     * Parses and validates a request body such as {@code {"fleet": "vinfast-vn", "packs": 1000, "years": 10,
     * "seed": 42}} field by field; {@code packs} and {@code years} default to the fleet spec's own.
     */
    public static StudyRequest parse(String body, TwinSettings.Studies limits) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidStudyRequestException(List.of(new FieldError("body",
                    "body must be JSON like {\"fleet\": \"vinfast-vn\", \"packs\": 1000, \"years\": 10, \"seed\": 42}: "
                            + org.ssbtwin.api.http.RequestBodies.describe(e))));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidStudyRequestException(List.of(new FieldError("body", "body must be a JSON object")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "unknown field '" + f + "'; allowed: " + new TreeSet<>(FIELDS)));
            }
        }
        Integer packs = intField(node, "packs", 1, limits.maxPacks(), errors);
        Integer years = intField(node, "years", 1, MAX_YEARS, errors);
        Long seed = null;
        JsonNode s = node.get("seed");
        if (s == null || s.isNull()) {
            errors.add(new FieldError("seed", "seed is required (a whole number; the same spec and seed give the same result)"));
        } else if (!s.isIntegralNumber() || !s.canConvertToLong()) {
            errors.add(new FieldError("seed", "seed must be a whole number within the 64-bit range, was " + s));
        } else {
            seed = s.longValue();
        }

        JsonNode fleet = node.get("fleet");
        JsonNode inline = node.get("fleetSpec");
        boolean hasFleet = fleet != null && !fleet.isNull();
        boolean hasInline = inline != null && !inline.isNull();
        FleetSpec spec = null;
        String label = null;
        if (hasFleet && hasInline) {
            errors.add(new FieldError("fleet", "give either fleet (a bundled fleet name) or fleetSpec (inline HOCON), not both"));
        } else if (!hasFleet && !hasInline) {
            errors.add(new FieldError("fleet", "fleet (one of " + FleetSpecs.bundledNames()
                    + ") or fleetSpec (an inline HOCON fleet { ... } block) is required"));
        } else if (hasFleet) {
            if (!fleet.isTextual() || !FleetSpecs.isBundled(fleet.asText())) {
                errors.add(new FieldError("fleet", "fleet must be one of " + FleetSpecs.bundledNames() + ", was " + fleet));
            } else {
                label = fleet.asText();
                spec = FleetSpecs.bundled(label);
                if (packs != null) {
                    spec = spec.withPacks(packs);
                }
                if (years != null) {
                    spec = spec.withYears(years);
                }
            }
        } else if (!inline.isTextual()) {
            errors.add(new FieldError("fleetSpec", "fleetSpec must be a string holding a HOCON fleet { ... } block"));
        } else if (inline.asText().length() > MAX_SPEC_CHARS) {
            errors.add(new FieldError("fleetSpec", "fleetSpec must be at most " + MAX_SPEC_CHARS + " characters, was "
                    + inline.asText().length()));
        } else {
            label = INLINE;
            try {
                spec = FleetSpecs.inline(inline.asText(), packs, years);
            } catch (FleetSpecValidationException e) {
                for (String problem : e.problems()) {
                    errors.add(new FieldError("fleetSpec", "fleetSpec: " + problem));
                }
            }
        }
        if (spec != null && !node.hasNonNull("packs") && spec.packs() > limits.maxPacks()) {
            errors.add(new FieldError("packs", "packs must be within [1, " + limits.maxPacks() + "], the fleet's own is "
                    + spec.packs() + "; give packs"));
        }
        if (spec != null && !node.hasNonNull("years") && spec.years() > MAX_YEARS) {
            errors.add(new FieldError("years", "years must be within [1, " + MAX_YEARS + "], the fleet's own is "
                    + spec.years() + "; give years"));
        }
        JsonNode chem = node.get("chemistry");
        if (chem != null && !chem.isNull()) {
            try {
                if (!chem.isTextual()) {
                    throw new IllegalArgumentException("chemistry must be one of " + Chemistry.ids() + ", was " + chem);
                }
                Chemistry c = Chemistry.parse(chem.asText());
                if (spec != null) {
                    spec = spec.withChemistry(c);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("chemistry", e.getMessage()
                        + " (li-ion-reference runs the same fleet with the SSB multipliers off)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidStudyRequestException(errors);
        }
        return new StudyRequest(label, spec, seed);
    }

    private static Integer intField(JsonNode node, String name, int min, int max, List<FieldError> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(new FieldError(name, name + " must be a whole number within [" + min + ", " + max + "], was " + v));
            return null;
        }
        if (v.intValue() < min || v.intValue() > max) {
            errors.add(new FieldError(name, name + " must be within [" + min + ", " + max + "], was " + v.intValue()));
            return null;
        }
        return v.intValue();
    }
}
