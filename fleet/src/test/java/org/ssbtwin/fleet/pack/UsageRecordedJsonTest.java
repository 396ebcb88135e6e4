package org.ssbtwin.fleet.pack;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssbtwin.fleet.ageing.AgeingChange;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;

/** The hand-written JSON of the hot event is the bean serializer's, byte for byte, and reads what the bean path reads. */
class UsageRecordedJsonTest {
    /** As Pekko's jackson-json binding is configured for the twin (plant reference.conf). */
    private static JsonMapper.Builder pekkoLike() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    private static final ObjectMapper HAND = pekkoLike().build();
    /** The same mapper, blind to the event's own (de)serializer: Jackson's generic bean path. */
    private static final ObjectMapper BEAN = pekkoLike().annotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Object findSerializer(Annotated a) {
            return a.getRawType() == PackEvent.UsageRecorded.class ? null : super.findSerializer(a);
        }

        @Override
        public Object findDeserializer(Annotated a) {
            return a.getRawType() == PackEvent.UsageRecorded.class ? null : super.findDeserializer(a);
        }
    }).build();

    @Test
    void writesTheBeanFormByteForByteAndBothPathsReadIt() throws Exception {
        Random r = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            PackEvent.UsageRecorded e = random(r, i);
            for (Class<?> as : List.of(PackEvent.class, PackEvent.UsageRecorded.class)) {
                String hand = HAND.writerFor(as).writeValueAsString(e);
                assertEquals(BEAN.writerFor(as).writeValueAsString(e), hand);
                assertEquals(e, HAND.readValue(hand, as));
                assertEquals(e, BEAN.readValue(hand, as));
            }
        }
    }

    @Test
    void readsOlderAndOtherFormsAsTheBeanPathDoes() throws Exception {
        Random r = new Random(5);
        PackEvent.UsageRecorded withSnapshot = new PackEvent.UsageRecorded("r1", "telemetry", Instant.parse("2028-03-12T00:00:00Z"),
                Instant.parse("2028-03-13T00:00:00Z"), 50, 12, 0.14, 27, 0, 0.97, 1.1,
                new AgeingSnapshot(0.03, 2.6e-4, 0, 71, 12.6, 1081.2, 4505, 130.8, 0.97, 1.1, 72, false, sums(r, 108)),
                null, Instant.parse("2028-01-05T00:05:16.826067600Z"));
        String old = BEAN.writerFor(PackEvent.class).writeValueAsString(withSnapshot);
        assertEquals(withSnapshot, HAND.readValue(old, PackEvent.class));

        List<String> variants = List.of(
                // the type id not first, fields reordered, an unknown field, no schemaVersion
                "{\"at\":\"2028-01-05T00:05:16Z\",\"recordId\":\"r2\",\"type\":\"pack-usage-recorded\",\"future\":{\"a\":[1,2]},"
                        + "\"km\":3,\"ageingChange\":{\"months\":[2],\"monthSums\":[1,2,3,4,5,6,7,8,9],\"extra\":1,\"days\":4}}",
                // instants in other forms the Instant deserializer accepts, numbers as NaN and as integers
                "{\"type\":\"pack-usage-recorded\",\"periodStart\":1830000000.5,\"periodEnd\":\"2028-03-13T01:00:00+01:00\","
                        + "\"meanCellTemperatureC\":\"NaN\",\"energyKwh\":12,\"ageingAfter\":null,\"ageingChange\":null}",
                // a minimal event
                "{\"type\":\"pack-usage-recorded\"}");
        for (String v : variants) {
            assertEquals(BEAN.readValue(v, PackEvent.class), HAND.readValue(v, PackEvent.class), v);
        }
    }

    @Test
    void aMapperThatRefusesUnknownFieldsStillDoes() {
        ObjectMapper strict = pekkoLike().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        assertThrows(UnrecognizedPropertyException.class,
                () -> strict.readValue("{\"type\":\"pack-usage-recorded\",\"kmm\":3}", PackEvent.class));
        assertThrows(UnrecognizedPropertyException.class,
                () -> strict.readValue("{\"type\":\"pack-usage-recorded\",\"ageingChange\":{\"dayz\":1}}", PackEvent.class));
        ObjectMapper noNulls = pekkoLike().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        assertThrows(com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
                () -> noNulls.readValue("{\"type\":\"pack-usage-recorded\",\"km\":null}", PackEvent.class));
    }

    private static PackEvent.UsageRecorded random(Random r, int i) {
        Instant start = Instant.parse("2027-01-01T00:00:00Z").plusSeconds(86_400L * r.nextInt(4000));
        Instant at = i % 3 == 0 ? start.plusNanos(r.nextLong(1_000_000_000_000L)) : start.plusMillis(r.nextInt(1_000_000));
        AgeingChange change = null;
        if (i % 5 != 0) {
            int months = 1 + r.nextInt(2);
            List<Integer> m = new ArrayList<>();
            int first = r.nextInt(12 - months + 1);
            for (int k = 0; k < months; k++) m.add(first + k);
            change = new AgeingChange(r.nextDouble() * 0.1, r.nextDouble() * 1e-3, i % 7 == 0 ? 0 : r.nextDouble(), r.nextInt(5000),
                    r.nextDouble() * 3000, r.nextDouble() * 2e5, r.nextInt(400_000), r.nextDouble() * 1e4, 0.7 + r.nextDouble() * 0.3,
                    1 + r.nextDouble(), r.nextInt(365), r.nextInt(50) == 0, m, sums(r, months * AgeingChange.SUMS_PER_MONTH));
        }
        double temp = i % 11 == 0 ? Double.NaN : -20 + r.nextDouble() * 60;
        return new PackEvent.UsageRecorded("r" + i + (i % 13 == 0 ? "-\"ü\\" : ""), i % 2 == 0 ? "telemetry" : "simulation",
                start, start.plusSeconds(86_400L * (1 + r.nextInt(7))), r.nextInt(600) + (i % 2) * r.nextDouble(), r.nextDouble() * 80,
                r.nextDouble(), temp, r.nextDouble(), 0.6 + r.nextDouble() * 0.4, 1 + r.nextDouble(), null, change, at);
    }

    private static List<Double> sums(Random r, int n) {
        List<Double> s = new ArrayList<>();
        for (int k = 0; k < n; k++) s.add((double) (float) (r.nextDouble() * Math.pow(10, r.nextInt(6))));
        return s;
    }
}
