package org.ssbtwin.api.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.api.http.Json.FieldError;
import org.ssbtwin.api.jobs.InvalidJobRequestException;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.config.scenario.ScenarioLoader;
import org.ssbtwin.fleet.whatif.FieldProblem;
import org.ssbtwin.fleet.whatif.InvalidScenarioException;
import org.ssbtwin.fleet.whatif.Population;
import org.ssbtwin.fleet.whatif.Scenario;

/**
 * Parses a {@code POST /api/v1/scenarios} body into a validated {@link Scenario}: either
 * {@code {"bundled": "lamination-window-shift"}} (optionally overriding {@code seed}, {@code horizonYears},
 * {@code population}) or a full scenario object. Every bad field is named.
 */
public final class ScenarioRequest {
    static final Set<String> BUNDLED_FIELDS = Set.of("bundled", "seed", "horizonYears", "population");
    public static final int MAX_BODY_CHARS = 65_536;

    private ScenarioRequest() {
    }

    /** The body was rejected; {@link #errors()} names every bad field. */
    public static final class InvalidScenarioRequestException extends InvalidJobRequestException {
        InvalidScenarioRequestException(List<FieldError> errors) {
            super("the scenario", errors);
        }
    }

    public static Scenario parse(String body, ScenarioSettings settings) {
        if (body.length() > MAX_BODY_CHARS) {
            throw fail("body", "body must be at most " + MAX_BODY_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw fail("body", "body must be JSON like {\"bundled\": \"lamination-window-shift\"} or a full scenario: "
                    + org.ssbtwin.api.http.RequestBodies.describe(e));
        }
        if (node == null || !node.isObject()) {
            throw fail("body", "body must be a JSON object");
        }
        try {
            Scenario s;
            if (node.has("bundled")) {
                List<FieldError> errors = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!BUNDLED_FIELDS.contains(f)) {
                        errors.add(new FieldError(f, "unknown field '" + f + "' next to bundled; allowed: "
                                + new TreeSet<>(BUNDLED_FIELDS)));
                    }
                }
                JsonNode b = node.get("bundled");
                if (!b.isTextual() || !ScenarioLoader.isBundled(b.asText())) {
                    errors.add(new FieldError("bundled", "bundled must be one of " + ScenarioLoader.BUNDLED + ", was " + b));
                }
                if (!errors.isEmpty()) {
                    throw new InvalidScenarioRequestException(errors);
                }
                Scenario bundled = ScenarioLoader.loadBundled(b.asText());
                // overrides: parse them with the loader's field checks on top of the bundled values
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("seed", bundled.seed());
                o.put("horizonYears", bundled.horizonYears());
                if (node.has("seed")) o.set("seed", node.get("seed"));
                if (node.has("horizonYears")) o.set("horizonYears", node.get("horizonYears"));
                if (node.has("population")) {
                    JsonNode pop = node.get("population");
                    if (pop.isObject() && !pop.has("sampleSize")) {
                        // a filter without a size keeps the bundled scenario's sample size
                        pop = ((ObjectNode) pop.deepCopy()).put("sampleSize", bundled.population().sampleSize());
                    }
                    o.set("population", pop);
                }
                Scenario over = ScenarioLoader.fromObject(config(o), bundled.seed());
                Population pop = node.has("population") ? over.population() : bundled.population();
                s = bundled.withSeed(over.seed()).withHorizonYears(over.horizonYears()).withPopulation(pop);
            } else {
                s = ScenarioLoader.fromObject(config(node), null);
            }
            return s.validate(settings.limits());
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioRequestException(errors(e.problems()));
        }
    }

    private static Config config(JsonNode json) {
        try {
            return ConfigFactory.parseString(Json.MAPPER.writeValueAsString(json),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        } catch (JsonProcessingException | com.typesafe.config.ConfigException e) {
            throw fail("body", "body is not a valid scenario object: " + e.getMessage());
        }
    }

    static List<FieldError> errors(List<FieldProblem> problems) {
        return problems.stream().map(p -> new FieldError(p.field(), p.message())).toList();
    }

    private static InvalidScenarioRequestException fail(String field, String message) {
        return new InvalidScenarioRequestException(List.of(new FieldError(field, message)));
    }
}
