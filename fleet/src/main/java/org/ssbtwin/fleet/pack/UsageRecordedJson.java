package org.ssbtwin.fleet.pack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.fleet.ageing.AgeingChange;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.core.time.IsoInstantText;

/**
 * The JSON of {@link PackEvent.UsageRecorded}, written and read field by field with Jackson's streaming API.
 *
 * <p>Why by hand: it is the event of every telemetry record, written once and decoded by every read-side reader
 * (fleet projection, asset directory). With Jackson's generic bean (de)serializers, encoding and decoding it were
 * 30 % of a node's CPU in the ingest bench (JFR): reflection on the record's canonical constructor, a property
 * buffer, and {@code DateTimeFormatter} for the three instants.
 *
 * <p>The text is exactly the bean serializer's (same fields, order, number forms, {@code null}s and
 * {@code schemaVersion}), so rows written before and after this class are read by both; {@code UsageRecordedJsonTest}
 * compares the two byte for byte and reads old forms (an {@code ageingAfter} snapshot, no {@code ageingChange},
 * unknown fields, reordered fields).
 */
public final class UsageRecordedJson {
    private UsageRecordedJson() {}

    public static final class Serializer extends StdSerializer<PackEvent.UsageRecorded> {
        public Serializer() {
            super(PackEvent.UsageRecorded.class);
        }

        @Override
        public void serialize(PackEvent.UsageRecorded e, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject(e);
            fields(e, g, p);
            g.writeEndObject();
        }

        /** As a {@link PackEvent}: the type id ({@code "type": "pack-usage-recorded"}) first, as for every event. */
        @Override
        public void serializeWithType(PackEvent.UsageRecorded e, JsonGenerator g, SerializerProvider p, TypeSerializer t) throws IOException {
            g.setCurrentValue(e);
            WritableTypeId id = t.writeTypePrefix(g, t.typeId(e, JsonToken.START_OBJECT));
            fields(e, g, p);
            t.writeTypeSuffix(g, id);
        }

        private static void fields(PackEvent.UsageRecorded e, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStringField("recordId", e.recordId());
            g.writeStringField("source", e.source());
            instant(g, p, "periodStart", e.periodStart());
            instant(g, p, "periodEnd", e.periodEnd());
            g.writeNumberField("km", e.km());
            g.writeNumberField("energyKwh", e.energyKwh());
            g.writeNumberField("equivalentFullCycles", e.equivalentFullCycles());
            g.writeNumberField("meanCellTemperatureC", e.meanCellTemperatureC());
            g.writeNumberField("dcFastChargeShare", e.dcFastChargeShare());
            g.writeNumberField("stateOfHealthAfter", e.stateOfHealthAfter());
            g.writeNumberField("relativeResistanceAfter", e.relativeResistanceAfter());
            if (e.ageingAfter() == null) {
                g.writeNullField("ageingAfter");
            } else {
                g.writeFieldName("ageingAfter");
                p.defaultSerializeValue(e.ageingAfter(), g);
            }
            g.writeFieldName("ageingChange");
            change(e.ageingChange(), g);
            instant(g, p, "at", e.at());
            g.writeNumberField("schemaVersion", e.schemaVersion());
        }

        private static void change(AgeingChange c, JsonGenerator g) throws IOException {
            if (c == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject(c);
            g.writeNumberField("qCal", c.qCal());
            g.writeNumberField("qCyc", c.qCyc());
            g.writeNumberField("hazard", c.hazard());
            g.writeNumberField("days", c.days());
            g.writeNumberField("efcTotal", c.efcTotal());
            g.writeNumberField("throughputKWh", c.throughputKWh());
            g.writeNumberField("km", c.km());
            g.writeNumberField("dcKWh", c.dcKWh());
            g.writeNumberField("capacity", c.capacity());
            g.writeNumberField("resistance", c.resistance());
            g.writeNumberField("dayOfYear", c.dayOfYear());
            g.writeBooleanField("observedFailure", c.observedFailure());
            g.writeArrayFieldStart("months");
            for (int m : c.months()) g.writeNumber(m);
            g.writeEndArray();
            g.writeArrayFieldStart("monthSums");
            List<Double> sums = c.monthSums();
            for (int i = 0, n = sums.size(); i < n; i++) g.writeNumber(sums.get(i).floatValue()); // held as floats
            g.writeEndArray();
            g.writeEndObject();
        }

        private static void instant(JsonGenerator g, SerializerProvider p, String name, Instant t) throws IOException {
            g.writeFieldName(name);
            if (t == null) {
                g.writeNull();
                return;
            }
            char[] buf = new char[IsoInstantText.MAX_LENGTH];
            int n = p.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? -1 : IsoInstantText.format(t, buf);
            if (n < 0) p.defaultSerializeValue(t, g); // timestamps configured, or a year beyond 0000-9999
            else g.writeString(buf, 0, n);
        }
    }

    public static final class Deserializer extends StdDeserializer<PackEvent.UsageRecorded> {
        public Deserializer() {
            super(PackEvent.UsageRecorded.class);
        }

        /**
         * Reads the fields of the object the parser is in (at its START_OBJECT, or at its first field after the type
         * id). Absent fields are null or 0, as for the bean deserializer; unknown fields are skipped.
         */
        @Override
        public PackEvent.UsageRecorded deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) t = p.nextToken();
            String recordId = null, source = null;
            Instant periodStart = null, periodEnd = null, at = null;
            double km = 0, energyKwh = 0, efc = 0, meanCellTemperatureC = 0, dcShare = 0, soh = 0, resistance = 0;
            AgeingSnapshot ageingAfter = null;
            AgeingChange ageingChange = null;
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "recordId" -> recordId = string(p, v, ctxt);
                    case "source" -> source = string(p, v, ctxt);
                    case "periodStart" -> periodStart = instant(p, v, ctxt);
                    case "periodEnd" -> periodEnd = instant(p, v, ctxt);
                    case "km" -> km = number(p, v, ctxt);
                    case "energyKwh" -> energyKwh = number(p, v, ctxt);
                    case "equivalentFullCycles" -> efc = number(p, v, ctxt);
                    case "meanCellTemperatureC" -> meanCellTemperatureC = number(p, v, ctxt);
                    case "dcFastChargeShare" -> dcShare = number(p, v, ctxt);
                    case "stateOfHealthAfter" -> soh = number(p, v, ctxt);
                    case "relativeResistanceAfter" -> resistance = number(p, v, ctxt);
                    case "ageingAfter" -> ageingAfter = v == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, AgeingSnapshot.class);
                    case "ageingChange" -> ageingChange = v == JsonToken.VALUE_NULL ? null : change(p, ctxt);
                    case "at" -> at = instant(p, v, ctxt);
                    case "schemaVersion" -> p.skipChildren(); // read-only: the version this class writes
                    default -> handleUnknownProperty(p, ctxt, PackEvent.UsageRecorded.class, name); // skipped unless the mapper fails on them
                }
            }
            if (t != JsonToken.END_OBJECT) return (PackEvent.UsageRecorded) ctxt.handleUnexpectedToken(PackEvent.UsageRecorded.class, p);
            return new PackEvent.UsageRecorded(recordId, source, periodStart, periodEnd, km, energyKwh, efc,
                    meanCellTemperatureC, dcShare, soh, resistance, ageingAfter, ageingChange, at);
        }

        private static AgeingChange change(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) return (AgeingChange) ctxt.handleUnexpectedToken(AgeingChange.class, p);
            double qCal = 0, qCyc = 0, hazard = 0, efcTotal = 0, throughput = 0, km = 0, dcKWh = 0, capacity = 0, resistance = 0;
            int days = 0, dayOfYear = 0;
            boolean failure = false;
            List<Integer> months = null;
            float[] sums = null;
            int nSums = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) return (AgeingChange) ctxt.handleUnexpectedToken(AgeingChange.class, p);
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "qCal" -> qCal = number(p, v, ctxt);
                    case "qCyc" -> qCyc = number(p, v, ctxt);
                    case "hazard" -> hazard = number(p, v, ctxt);
                    case "days" -> days = integer(p, v, ctxt);
                    case "efcTotal" -> efcTotal = number(p, v, ctxt);
                    case "throughputKWh" -> throughput = number(p, v, ctxt);
                    case "km" -> km = number(p, v, ctxt);
                    case "dcKWh" -> dcKWh = number(p, v, ctxt);
                    case "capacity" -> capacity = number(p, v, ctxt);
                    case "resistance" -> resistance = number(p, v, ctxt);
                    case "dayOfYear" -> dayOfYear = integer(p, v, ctxt);
                    case "observedFailure" -> failure = v == JsonToken.VALUE_TRUE
                            || (v != JsonToken.VALUE_FALSE && v != JsonToken.VALUE_NULL && ctxt.readValue(p, Boolean.class));
                    case "months" -> {
                        if (v == JsonToken.VALUE_NULL) {
                            months = null;
                        } else {
                            if (v != JsonToken.START_ARRAY) return (AgeingChange) ctxt.handleUnexpectedToken(List.class, p);
                            months = new ArrayList<>(2);
                            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) months.add(integer(p, e, ctxt));
                        }
                    }
                    case "monthSums" -> {
                        if (v == JsonToken.VALUE_NULL) {
                            sums = null;
                        } else {
                            if (v != JsonToken.START_ARRAY) return (AgeingChange) ctxt.handleUnexpectedToken(List.class, p);
                            sums = new float[AgeingChange.SUMS_PER_MONTH * 2];
                            nSums = 0;
                            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                                if (nSums == sums.length) sums = java.util.Arrays.copyOf(sums, sums.length * 2);
                                // as the bean path: the text read as a double, held as a float
                                sums[nSums++] = (float) number(p, e, ctxt);
                            }
                        }
                    }
                    default -> ctxt.handleUnknownProperty(p, null, AgeingChange.class, name);
                }
            }
            return new AgeingChange(qCal, qCyc, hazard, days, efcTotal, throughput, km, dcKWh, capacity, resistance,
                    dayOfYear, failure, months, sums == null ? null : org.ssbtwin.core.quality.CompactCellLists.floats(java.util.Arrays.copyOf(sums, nSums)));
        }

        private static String string(JsonParser p, JsonToken v, DeserializationContext ctxt) throws IOException {
            if (v == JsonToken.VALUE_STRING) return p.getText();
            if (v == JsonToken.VALUE_NULL) return null;
            return ctxt.readValue(p, String.class);
        }

        private static double number(JsonParser p, JsonToken v, DeserializationContext ctxt) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) return p.getDoubleValue();
            if (v == JsonToken.VALUE_NULL) return (Double) nullForPrimitive(p, ctxt, 0.0);
            return ctxt.readValue(p, Double.class); // "NaN", "Infinity"...: as the bean path reads them
        }

        private static int integer(JsonParser p, JsonToken v, DeserializationContext ctxt) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT) return p.getIntValue();
            if (v == JsonToken.VALUE_NULL) return (Integer) nullForPrimitive(p, ctxt, 0);
            return ctxt.readValue(p, Integer.class);
        }

        /** A null for a primitive field: its zero, or an error if the mapper fails on those (as the bean path). */
        private static Object nullForPrimitive(JsonParser p, DeserializationContext ctxt, Object zero) throws IOException {
            if (ctxt.isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)) {
                ctxt.reportInputMismatch(PackEvent.UsageRecorded.class, "null for the primitive field '%s'", p.currentName());
            }
            return zero;
        }

        private static Instant instant(JsonParser p, JsonToken v, DeserializationContext ctxt) throws IOException {
            if (v == JsonToken.VALUE_NULL) return null;
            if (v == JsonToken.VALUE_STRING) {
                Instant t = IsoInstantText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (t != null) return t;
            }
            return ctxt.readValue(p, Instant.class); // any other form the configured Instant deserializer accepts
        }
    }
}
