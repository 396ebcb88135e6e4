package org.ssbtwin.config;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.config.ConfigException;

class SimulatedHistorySettingsTest {
    static final Instant SOP = Instant.parse("2028-01-03T06:00:00Z");

    @Test
    void theDefaultStartsThreeYearsAfterThePlantsStart() {
        SimulatedHistorySettings h = SimulatedHistorySettings.from(ConfigFactory.load());
        assertEquals(1096, h.days());
        assertEquals(Duration.ofDays(1), h.catchUpStep());
        assertEquals(Duration.ofHours(12), h.readingInterval());
        assertEquals(Instant.parse("2031-01-03T06:00:00Z"), h.present(SOP));
    }

    @Test
    void theSimulationStartsAtThePlantOrTheLatestFactNeverAfterThePresent() {
        SimulatedHistorySettings h = new SimulatedHistorySettings(1096, Duration.ofDays(1), Duration.ofHours(12));
        Instant present = h.present(SOP);
        assertEquals(SOP, h.simulationStart(SOP, Optional.empty(), present), "an empty journal: from the plant's start");
        Instant mid = Instant.parse("2029-06-01T00:00:00Z");
        assertEquals(mid, h.simulationStart(SOP, Optional.of(mid), present), "an interrupted catch-up resumes");
        Instant later = present.plusSeconds(60);
        assertEquals(present, h.simulationStart(SOP, Optional.of(later), present));
        assertEquals(SOP, h.simulationStart(SOP, Optional.of(SOP.minusSeconds(5)), present));
        assertEquals(present, SimulatedHistorySettings.NONE.simulationStart(SOP, Optional.empty(), present), "no history: from now");
        assertEquals(SOP, SimulatedHistorySettings.NONE.present(SOP));
    }

    @Test
    void badValuesNameTheKey() {
        var bad = ConfigFactory.parseMap(Map.of("twin.simulation.history-days", -1, "twin.simulation.catch-up-step-hours", 0))
                .withFallback(ConfigFactory.load());
        ConfigException e = assertThrows(ConfigException.class, () -> SimulatedHistorySettings.from(bad));
        assertTrue(e.getMessage().contains("twin.simulation.history-days"), e.getMessage());
        assertTrue(e.getMessage().contains("twin.simulation.catch-up-step-hours"), e.getMessage());
    }
}
