package org.ssbtwin.api.persistence;

import static org.junit.jupiter.api.Assertions.*;

import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.util.Map;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.Test;
import org.ssbtwin.core.pack.PackEvent;

/**
 * Persisted events stay readable across the serializer settings: a UsageRecorded row (with its ageing snapshot)
 * written by an earlier build as plain jackson-json is read by today's settings (fast double parser/writer), and what
 * today's settings write is read back identically by a node with Pekko's default jackson-json settings (rolling update).
 */
class JournalSerializationCompatibilityTest {
    static final String MANIFEST = PackEvent.UsageRecorded.class.getName();

    @Test
    void oldRowsReadAndNewRowsAreReadableByDefaultSettings() throws Exception {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/serialization/usage-recorded-json-v1.json")) {
            stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        ActorSystem today = ActorSystem.create("today", ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local")).withFallback(ConfigFactory.load()));
        ActorSystem plain = ActorSystem.create("plain", ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local",
                "pekko.serialization.jackson.jackson-json.stream-read-features.USE_FAST_DOUBLE_PARSER", "off",
                "pekko.serialization.jackson.jackson-json.stream-write-features.USE_FAST_DOUBLE_WRITER", "off")).withFallback(ConfigFactory.load()));
        try {
            assertTrue(today.settings().config().getBoolean("pekko.serialization.jackson.jackson-json.stream-read-features.USE_FAST_DOUBLE_PARSER"));
            Serialization ser = SerializationExtension.get(today);
            Serializer bound = ser.serializerFor(PackEvent.UsageRecorded.class);
            assertEquals(31, bound.identifier(), "pack events are bound to jackson-json (id 31 in the stored rows)");
            SerializerWithStringManifest json = (SerializerWithStringManifest) bound;
            PackEvent.UsageRecorded old = (PackEvent.UsageRecorded) json.fromBinary(stored, MANIFEST);
            assertNotNull(old.ageingAfter(), "the stored row carries an ageing snapshot");
            assertNull(old.ageingChange(), "rows written before AgeingChange have none");
            assertSame(old.ageingAfter(), old.stateAfter(null), "and their snapshot is the state after them");
            assertEquals(0.9942894541720511, old.stateOfHealthAfter());

            byte[] written = json.toBinary(old);
            SerializerWithStringManifest plainJson = (SerializerWithStringManifest) SerializationExtension.get(plain).serializerFor(PackEvent.UsageRecorded.class);
            assertEquals(old, plainJson.fromBinary(written, MANIFEST), "a default-configured node reads today's rows");
            assertEquals(old, json.fromBinary(plainJson.toBinary(old), MANIFEST));
            assertEquals(old, json.fromBinary(written, MANIFEST));
        } finally {
            today.terminate();
            plain.terminate();
            today.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            plain.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
