package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {
    private static MqttSettings from(Map<String, Object> overrides) {
        return MqttSettings.from(ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void offByDefaultWithAPersistentAtLeastOnceSession() {
        MqttSettings s = from(Map.of());
        assertFalse(s.enabled());
        assertEquals("tcp://localhost:1883", s.brokerUrl());
        assertEquals("vehicles/+/telemetry", s.topic());
        assertEquals(1, s.qos());
        assertFalse(s.cleanSession(), "a persistent session keeps what arrives while the twin is down");
        assertEquals(Duration.ofSeconds(1), s.minBackoff());
        assertEquals(Optional.empty(), s.username());
        assertEquals(Optional.empty(), s.password());
    }

    @Test
    void wrongValuesNameTheKey() {
        assertEquals("twin.mqtt.qos", assertThrows(ConfigException.class, () -> from(Map.of("twin.mqtt.qos", 0))).path());
        assertEquals("twin.mqtt.broker-url", assertThrows(ConfigException.class, () -> from(Map.of("twin.mqtt.broker-url", "localhost:1883"))).path());
        assertEquals("twin.mqtt.dead-letter-topic",
                assertThrows(ConfigException.class, () -> from(Map.of("twin.mqtt.dead-letter-topic", "vehicles/dlq/telemetry"))).path(),
                "a dead-letter topic inside the subscription would feed dead letters back in");
        assertEquals("twin.mqtt.parallelism", assertThrows(ConfigException.class, () -> from(Map.of("twin.mqtt.parallelism", 0))).path());
        assertEquals("twin.mqtt.max-backoff", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.mqtt.min-backoff", "10s", "twin.mqtt.max-backoff", "1s"))).path());
        assertEquals("twin.mqtt.password", assertThrows(ConfigException.class, () -> from(Map.of("twin.mqtt.password", "s3cret"))).path());
    }

    @Test
    void thePasswordIsNeverShown() {
        MqttSettings s = from(Map.of("twin.mqtt.username", "twin", "twin.mqtt.password", "s3cret-Pa55"));
        assertEquals(Optional.of("s3cret-Pa55"), s.password());
        assertFalse(s.toString().contains("s3cret"), s.toString());
        assertTrue(s.toString().contains("username=twin"));
    }

    @Test
    void topicFiltersMatchLikeMqtt() {
        assertTrue(MqttSettings.matches("vehicles/+/telemetry", "vehicles/VF8-1/telemetry"));
        assertFalse(MqttSettings.matches("vehicles/+/telemetry", "vehicles/VF8-1/telemetry/x"));
        assertFalse(MqttSettings.matches("vehicles/+/telemetry", "twin/dead-letters/telemetry"));
        assertTrue(MqttSettings.matches("vehicles/#", "vehicles/a/b"));
        assertTrue(MqttSettings.matches("#", "anything"));
    }
}
