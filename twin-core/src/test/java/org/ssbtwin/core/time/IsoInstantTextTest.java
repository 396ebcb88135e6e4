package org.ssbtwin.core.time;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTextTest {
    @Test
    void writesExactlyWhatInstantToStringWritesAndReadsItBack() {
        Random r = new Random(7);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long s = min + Math.floorMod(r.nextLong(), max - min + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(s, nano);
            String text = IsoInstantText.format(t);
            assertEquals(t.toString(), text);
            assertEquals(t, IsoInstantText.parse(text));
        }
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2028-02-29T12:00:00.000001Z", "2027-12-31T23:59:59Z"}) {
            Instant t = Instant.parse(edge);
            assertEquals(t.toString(), IsoInstantText.format(t));
            assertEquals(t, IsoInstantText.parse(edge));
        }
    }

    @Test
    void beyondYear9999FallsBackToTheGeneralForm() {
        Instant t = Instant.parse("+10000-01-01T00:00:00Z");
        assertEquals(-1, IsoInstantText.format(t, new char[IsoInstantText.MAX_LENGTH]));
        assertEquals(t.toString(), IsoInstantText.format(t));
        assertEquals("+10000-01-01T00:00:00Z", IsoInstantText.format(t));
    }

    @Test
    void anyOtherTextIsLeftToTheGeneralParser() {
        // fractions of any length are read, as ISO_INSTANT reads them
        assertEquals(Instant.parse("2028-03-12T00:00:00.5Z"), IsoInstantText.parse("2028-03-12T00:00:00.5Z"));
        assertEquals(Instant.parse("2028-03-12T00:00:00.12345678Z"), IsoInstantText.parse("2028-03-12T00:00:00.12345678Z"));
        for (String other : new String[] {"2028-03-12T00:00:00+01:00", "2028-03-12T00:00Z", "2028-03-12 00:00:00Z",
                "2028-02-30T00:00:00Z", "2027-02-29T00:00:00Z", "2028-13-01T00:00:00Z", "2028-03-12T24:00:00Z",
                "2028-03-12T23:60:00Z", "2028-03-12T23:59:60Z", "2028-03-12T00:00:00.Z", "2028-03-12T00:00:00.1234567890Z",
                "+2028-03-12T00:00:00Z", "2028-03-12T00:00:00z", "2028-0a-12T00:00:00Z", "", "2028-03-12T00:00:00"}) {
            assertNull(IsoInstantText.parse(other), other);
        }
    }
}
