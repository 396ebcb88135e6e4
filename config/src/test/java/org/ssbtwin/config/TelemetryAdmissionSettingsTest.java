package org.ssbtwin.config;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.config.ConfigException;

class TelemetryAdmissionSettingsTest {
    private static com.typesafe.config.Config config(String overrides) {
        return ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultIsTheAssumedThousand() {
        assertEquals(1000, TelemetryAdmissionSettings.from(config("")).maxPackWritesInFlight());
        assertEquals(TelemetryAdmissionSettings.DEFAULT, TelemetryAdmissionSettings.from(config("")));
        assertEquals(250, TelemetryAdmissionSettings.from(config("twin.ingest.max-pack-writes-in-flight = 250")).maxPackWritesInFlight());
    }

    @Test
    void badValuesNameTheKey() {
        assertKey("twin.ingest.max-pack-writes-in-flight = 0", "was 0");
        assertKey("twin.ingest.max-pack-writes-in-flight = -5", "was -5");
        assertKey("twin.ingest.max-pack-writes-in-flight = lots", "lots");
        assertKey("twin.ingest.max-pack-writes-in-flight = 2000000", "was 2000000");
    }

    private static void assertKey(String overrides, String hint) {
        ConfigException e = assertThrows(ConfigException.class, () -> TelemetryAdmissionSettings.from(config(overrides)));
        assertEquals("twin.ingest.max-pack-writes-in-flight", e.path());
        assertTrue(e.getMessage().contains("twin.ingest.max-pack-writes-in-flight"), e.getMessage());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
    }
}
