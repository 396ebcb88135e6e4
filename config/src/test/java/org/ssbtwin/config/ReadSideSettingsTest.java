package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadSideSettingsTest {
    @Test
    void defaultsFromReferenceConf() {
        ReadSideSettings s = ReadSideSettings.from(ConfigFactory.defaultReference());
        assertTrue(s.enabled());
        assertEquals(2, s.projectionInstances());
        assertEquals(2, s.projectionConnections());
        assertEquals(2, s.queryThreads());
        assertEquals("entities", s.projectionRole());
        assertEquals("read-side", ReadSideSettings.from(ConfigFactory.parseMap(Map.of("twin.read-side.projection-role", "read-side"))
                .withFallback(ConfigFactory.defaultReference())).projectionRole());
    }

    @Test
    void errorsNameTheKey() {
        var bad = assertThrows(ConfigException.class, () -> ReadSideSettings.from(ConfigFactory.parseMap(
                Map.of("twin.read-side.projection-instances", 0)).withFallback(ConfigFactory.defaultReference())));
        assertEquals("twin.read-side.projection-instances", bad.path());
        var notBool = assertThrows(ConfigException.class, () -> ReadSideSettings.from(ConfigFactory.parseMap(
                Map.of("twin.read-side.enabled", "maybe")).withFallback(ConfigFactory.defaultReference())));
        assertEquals("twin.read-side.enabled", notBool.path());
        var notInt = assertThrows(ConfigException.class, () -> ReadSideSettings.from(ConfigFactory.parseMap(
                Map.of("twin.read-side.query-threads", "many")).withFallback(ConfigFactory.defaultReference())));
        assertEquals("twin.read-side.query-threads", notInt.path());
        var notARole = assertThrows(ConfigException.class, () -> ReadSideSettings.from(ConfigFactory.parseMap(
                Map.of("twin.read-side.projection-role", "readers")).withFallback(ConfigFactory.defaultReference())));
        assertEquals("twin.read-side.projection-role", notARole.path());
        assertTrue(notARole.getMessage().contains("[api, entities, read-side]"), notARole.getMessage());
    }
}
