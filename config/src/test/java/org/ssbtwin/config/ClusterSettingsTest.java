package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {
    private static ClusterSettings from(Map<String, Object> overrides) {
        return ClusterSettings.from(ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void aSingleNodeDoesEverythingByDefault() {
        ClusterSettings c = from(Map.of());
        assertEquals(Set.of("api", "entities"), c.roles());
        assertFalse(c.bootstrap());
        assertFalse(c.management());
    }

    @Test
    void rolesComeAsAListOrAsACommaSeparatedStringFromTheEnvironment() {
        assertEquals(Set.of("entities"), from(Map.of("twin.cluster.roles", List.of("entities"))).roles());
        assertEquals(Set.of("api", "entities"), from(Map.of("twin.cluster.roles", " api , entities")).roles());
        assertTrue(from(Map.of("twin.cluster.roles", "api")).hasRole(ClusterSettings.API));
        assertEquals(Set.of("read-side"), from(Map.of("twin.cluster.roles", List.of("read-side"))).roles());
    }

    @Test
    void bootstrapImpliesManagement() {
        ClusterSettings c = from(Map.of("twin.cluster.bootstrap", "on"));
        assertTrue(c.bootstrap());
        assertTrue(c.management());
        assertTrue(from(Map.of("twin.cluster.management", "on")).management());
    }

    @Test
    void wrongValuesNameTheKey() {
        assertEquals("twin.cluster.roles", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.cluster.roles", List.of("api", "worker")))).path());
        assertEquals("twin.cluster.roles", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.cluster.roles", List.of()))).path());
        assertEquals("twin.cluster.bootstrap", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.cluster.bootstrap", "maybe"))).path());
    }
}
