package org.ssbtwin.api.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.ssbtwin.config.ScenarioSettings;

/**
 * Issue 19.1 for scenarios: a scenario body is JSON, read as HOCON's JSON syntax, so substitutions and includes are
 * only text; its size is bounded and Jackson bounds its nesting (1,000) before the HOCON parser recurses.
 */
class UntrustedScenarioTest {
    static final ScenarioSettings SETTINGS = ScenarioSettings.from(ConfigFactory.load());

    static String fields(String body) {
        var e = assertThrows(ScenarioRequest.InvalidScenarioRequestException.class, () -> ScenarioRequest.parse(body, SETTINGS));
        return e.errors().stream().map(f -> f.field() + ": " + f.message()).toList().toString();
    }

    @Test
    void substitutionsAndIncludesAreNotResolved() {
        // a substitution in a value stays text (JAVA_HOME is set wherever the tests run): refused as that text
        String climate = fields("{\"bundled\": \"dry-room-excursion\", \"population\": {\"climate\": \"${?JAVA_HOME}\"}}");
        assertTrue(climate.endsWith("was \"${?JAVA_HOME}\"]"), climate);
        String seed = fields("{\"bundled\": \"dry-room-excursion\", \"seed\": \"${user.home}\"}");
        assertTrue(seed.contains("seed") && !seed.contains(System.getProperty("user.home") + "]"), seed);
        String inc = fields("{\"include\": \"file(/etc/passwd)\", \"seed\": 1}");
        assertFalse(inc.contains("root:"), inc);
    }

    @Test
    void deepNestingIsRefusedAsAnError() {
        String deep = "{\"bundled\": \"dry-room-excursion\", \"population\": " + "{\"a\":".repeat(1_100) + "1" + "}".repeat(1_100) + "}";
        String s = fields(deep);
        assertTrue(s.startsWith("[body: "), s);
        assertTrue(s.contains("nesting depth"), s);
        String justBelow = "{\"bundled\": \"dry-room-excursion\", \"population\": " + "{\"a\":".repeat(990) + "1" + "}".repeat(990) + "}";
        assertFalse(fields(justBelow).isEmpty(), "refused as a bad population, without a stack overflow");
    }

    @Test
    void sizeIsBounded() {
        String big = "{\"name\": \"" + "x".repeat(ScenarioRequest.MAX_BODY_CHARS) + "\"}";
        assertEquals("[body: body must be at most " + ScenarioRequest.MAX_BODY_CHARS + " characters]", fields(big));
    }
}
