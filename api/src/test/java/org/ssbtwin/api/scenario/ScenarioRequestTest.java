package org.ssbtwin.api.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json.FieldError;
import org.ssbtwin.config.ScenarioSettings;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.whatif.Scenario;

class ScenarioRequestTest {
    static final ScenarioSettings SETTINGS = ScenarioSettings.from(ConfigFactory.load());

    @Test
    void bundledOverridesKeepTheRestOfTheBundledScenario() {
        Scenario s = ScenarioRequest.parse("{\"bundled\": \"dry-room-excursion\", \"seed\": 9,"
                + " \"population\": {\"climate\": \"HANOI\"}}", SETTINGS);
        assertEquals("dry-room-excursion", s.name());
        assertEquals(9, s.seed());
        assertEquals(10, s.horizonYears());
        assertEquals(-33.0, s.plant().dewPointC());
        assertEquals(Climate.HANOI, s.population().climate());
        assertEquals(2000, s.population().sampleSize(), "a filter without a size keeps the bundled size");
    }

    @Test
    void unknownFieldsNextToBundledAndBadOverridesAreNamed() {
        ScenarioRequest.InvalidScenarioRequestException e = assertThrows(ScenarioRequest.InvalidScenarioRequestException.class,
                () -> ScenarioRequest.parse("{\"bundled\": \"dry-room-excursion\", \"plant\": {}}", SETTINGS));
        assertEquals(List.of("plant"), e.errors().stream().map(FieldError::field).toList());
        e = assertThrows(ScenarioRequest.InvalidScenarioRequestException.class,
                () -> ScenarioRequest.parse("{\"bundled\": \"dry-room-excursion\", \"seed\": \"x\", \"horizonYears\": 0}", SETTINGS));
        assertEquals(List.of("seed"), e.errors().stream().map(FieldError::field).toList());
        e = assertThrows(ScenarioRequest.InvalidScenarioRequestException.class,
                () -> ScenarioRequest.parse("{\"bundled\": \"dry-room-excursion\", \"horizonYears\": 0}", SETTINGS));
        assertEquals(List.of("horizonYears"), e.errors().stream().map(FieldError::field).toList());
    }
}
