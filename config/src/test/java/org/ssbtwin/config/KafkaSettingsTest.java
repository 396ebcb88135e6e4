package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
    private static KafkaSettings from(Map<String, Object> overrides) {
        return KafkaSettings.from(ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @Test
    void offByDefaultWithACommitAfterPersistConsumerGroup() {
        KafkaSettings s = from(Map.of());
        assertFalse(s.enabled());
        assertEquals("localhost:9092", s.bootstrapServers());
        assertEquals("ssb-twin-telemetry", s.groupId());
        assertEquals("pack-telemetry", s.topic());
        assertEquals("pack-telemetry-dead-letters", s.deadLetterTopic());
        assertEquals(64, s.parallelism());
        assertEquals(Duration.ofSeconds(1), s.commitInterval());
        assertEquals(Map.of(), s.properties());
    }

    @Test
    void clientPropertiesPassThroughAndAreNeverPrinted() {
        KafkaSettings s = from(Map.of("twin.kafka.properties", Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "secret-value")));
        assertEquals("SASL_SSL", s.properties().get("security.protocol"));
        assertFalse(s.toString().contains("secret-value"), s.toString());
    }

    @Test
    void wrongValuesNameTheKey() {
        assertEquals("twin.kafka.bootstrap-servers", assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.bootstrap-servers", "kafka"))).path());
        assertEquals("twin.kafka.topic", assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.topic", "pack telemetry"))).path());
        assertEquals("twin.kafka.dead-letter-topic",
                assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.dead-letter-topic", "pack-telemetry"))).path(),
                "dead letters on the telemetry topic would be read again");
        assertEquals("twin.kafka.parallelism", assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.parallelism", 0))).path());
        assertEquals("twin.kafka.max-batch", assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.max-batch", 0))).path());
        assertEquals("twin.kafka.max-backoff", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.kafka.min-backoff", "10s", "twin.kafka.max-backoff", "1s"))).path());
        assertEquals("twin.kafka.properties.enable.auto.commit", assertThrows(ConfigException.class,
                () -> from(Map.of("twin.kafka.properties", Map.of("enable.auto.commit", "true")))).path(),
                "auto-commit would commit offsets before the entities persisted");
        assertEquals("twin.kafka", assertThrows(ConfigException.class, () -> from(Map.of("twin.kafka.parallelism", "many"))).path());
    }

    @Test
    void metricsSettingsAreValidatedToo() {
        MetricsSettings m = MetricsSettings.from(ConfigFactory.defaultReference().resolve());
        assertTrue(m.enabled());
        assertEquals(Duration.ofSeconds(10), m.sampleInterval());
        assertEquals("twin.metrics.sample-interval", assertThrows(ConfigException.class, () -> MetricsSettings.from(
                ConfigFactory.parseMap(Map.of("twin.metrics.sample-interval", "1ms")).withFallback(ConfigFactory.defaultReference()).resolve())).path());
    }
}
