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
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * Persisted events stay readable across the serializer settings: a UsageRecorded row (with its ageing snapshot)
 * written by an earlier build as plain jackson-json is read by today's settings (fast double parser/writer), what
 * today's JSON settings write is read back identically by a node with Pekko's default jackson-json settings, and the
 * usage event's CBOR rows (its binding since stop 13) are read by a node of an earlier build (rolling update).
 */
class JournalSerializationCompatibilityTest {
    static final String MANIFEST = PackEvent.UsageRecorded.class.getName();
    static final String OLD_PACKAGE_MANIFEST = "org.ssbtwin.core.pack.PackEvent$UsageRecorded";

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
            assertEquals(31, ser.serializerFor(PackEvent.Installed.class).identifier(), "pack events are bound to jackson-json (id 31 in the stored rows)");
            assertEquals(33, ser.serializerFor(PackEvent.UsageRecorded.class).identifier(), "but the usage event to jackson-cbor (id 33)");
            SerializerWithStringManifest json = (SerializerWithStringManifest) ser.serializerByIdentity().apply(31);
            PackEvent.UsageRecorded old = (PackEvent.UsageRecorded) json.fromBinary(stored, MANIFEST);
            // the stored row was written before stop 14, when the event's class lived in org.ssbtwin.core.pack
            assertEquals(old, json.fromBinary(stored, OLD_PACKAGE_MANIFEST), "a row naming the old package reads as today's event");
            assertEquals(old, ser.deserialize(ser.serialize(old).get(), 33, OLD_PACKAGE_MANIFEST).get(), "also as CBOR");
            assertNotNull(old.ageingAfter(), "the stored row carries an ageing snapshot");
            assertNull(old.ageingChange(), "rows written before AgeingChange have none");
            assertSame(old.ageingAfter(), old.stateAfter(null), "and their snapshot is the state after them");
            assertEquals(0.9942894541720511, old.stateOfHealthAfter());

            byte[] written = json.toBinary(old);
            SerializerWithStringManifest plainJson = (SerializerWithStringManifest) SerializationExtension.get(plain).serializerByIdentity().apply(31);
            assertEquals(old, plainJson.fromBinary(written, MANIFEST), "a default-configured node reads today's rows");
            assertEquals(old, json.fromBinary(plainJson.toBinary(old), MANIFEST));
            assertEquals(old, json.fromBinary(written, MANIFEST));

            // today's rows (CBOR), with and without an ageing change, read by today's node and by a node of an earlier
            // build (the usage event bound to jackson-json, as before: Pekko reads a row with the serializer it names)
            PackEvent.UsageRecorded withChange = new PackEvent.UsageRecorded("r-9", "telemetry", old.periodStart(), old.periodEnd(),
                    old.km(), old.energyKwh(), old.equivalentFullCycles(), old.meanCellTemperatureC(), old.dcFastChargeShare(),
                    old.stateOfHealthAfter(), old.relativeResistanceAfter(), null,
                    new org.ssbtwin.fleet.ageing.AgeingChange(0.01, 0.002, 1e-3, 148, 26.5, 2281.44, 9506, 281.4, 0.98, 1.13, 149, false,
                            java.util.List.of(4), java.util.List.of((double) 29f, (double) 1889f, (double) 453.36f, (double) 15.95f, (double) 14.5f, (double) 4.37f, (double) 10.51f, 817.0, 817.0)),
                    old.at());
            ActorSystem earlier = ActorSystem.create("earlier", ConfigFactory.parseMap(Map.of("pekko.actor.provider", "local",
                    "pekko.actor.serialization-bindings.\"org.ssbtwin.fleet.pack.PackEvent$UsageRecorded\"", "jackson-json")).withFallback(ConfigFactory.load()));
            try {
                Serialization earlierSer = SerializationExtension.get(earlier);
                assertEquals(31, earlierSer.serializerFor(PackEvent.UsageRecorded.class).identifier());
                for (PackEvent.UsageRecorded e : java.util.List.of(old, withChange)) {
                    byte[] cbor = ser.serialize(e).get();
                    assertTrue(cbor.length < json.toBinary(e).length, "CBOR rows are smaller");
                    assertEquals(e, ser.deserialize(cbor, 33, MANIFEST).get(), "today's node reads its rows");
                    assertEquals(e, earlierSer.deserialize(cbor, 33, MANIFEST).get(), "a node of an earlier build reads them");
                    assertEquals(e, ser.deserialize(earlierSer.serialize(e).get(), 31, MANIFEST).get(), "and today's node its JSON rows");
                }
            } finally {
                earlier.terminate();
                earlier.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            today.terminate();
            plain.terminate();
            today.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            plain.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
