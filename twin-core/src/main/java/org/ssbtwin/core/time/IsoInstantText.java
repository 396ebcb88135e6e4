package org.ssbtwin.core.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant}s as ISO-8601 UTC text ({@code 2028-03-12T00:00:00Z}), written and read without a
 * {@link java.time.format.DateTimeFormatter}: the text is exactly {@link Instant#toString()}'s and
 * {@link Instant#parse} reads it, but the formatter's general machinery (a parse context, a map of fields, resolving)
 * was a third of the CPU of decoding a usage event (JFR, ingest bench). Only the plain form of the years 0000-9999 is
 * handled here; {@link #format} falls back to {@code toString()} outside them and {@link #parse} answers {@code null}
 * for any other text, so that the caller can hand it to the general parser.
 */
public final class IsoInstantText {
    /** 0000-01-01T00:00:00Z and the first second after 9999-12-31T23:59:59Z. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long END_SECOND = 253_402_300_800L;
    /** The longest text of the plain form: {@code yyyy-MM-ddTHH:mm:ss.SSSSSSSSSZ}. */
    public static final int MAX_LENGTH = 30;

    private IsoInstantText() {}

    /** {@link Instant#toString()} of {@code t}. */
    public static String format(Instant t) {
        char[] buf = new char[MAX_LENGTH];
        int n = format(t, buf);
        return n < 0 ? t.toString() : new String(buf, 0, n);
    }

    /**
     * Writes {@link Instant#toString()} of {@code t} into {@code buf} (at least {@link #MAX_LENGTH} chars) and answers
     * its length, or -1 (nothing written) for a year outside 0000-9999.
     */
    public static int format(Instant t, char[] buf) {
        long s = t.getEpochSecond();
        if (s < MIN_SECOND || s >= END_SECOND) return -1;
        long day = Math.floorDiv(s, 86_400L);
        int secOfDay = (int) (s - day * 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int y = date.getYear();
        buf[0] = digit(y / 1000);
        buf[1] = digit(y / 100 % 10);
        buf[2] = digit(y / 10 % 10);
        buf[3] = digit(y % 10);
        buf[4] = '-';
        two(buf, 5, date.getMonthValue());
        buf[7] = '-';
        two(buf, 8, date.getDayOfMonth());
        buf[10] = 'T';
        two(buf, 11, secOfDay / 3600);
        buf[13] = ':';
        two(buf, 14, secOfDay / 60 % 60);
        buf[16] = ':';
        two(buf, 17, secOfDay % 60);
        int n = 19;
        int nano = t.getNano();
        if (nano != 0) {
            // as ISO_INSTANT: milliseconds, microseconds or nanoseconds, whichever shows the value exactly
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int v = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            buf[n++] = '.';
            for (int i = n + digits - 1; i >= n; i--) {
                buf[i] = digit(v % 10);
                v /= 10;
            }
            n += digits;
        }
        buf[n++] = 'Z';
        return n;
    }

    /**
     * The instant of plain ISO UTC text ({@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, a valid date and time of day), or
     * {@code null} when the text has any other form (an offset, a leap second, a signed or longer year...): not an
     * error, the general parser decides those.
     */
    public static Instant parse(char[] text, int offset, int length) {
        if (length < 20 || length > MAX_LENGTH) return null;
        int o = offset;
        int y = digits(text, o, 4);
        int mo = digits(text, o + 5, 2);
        int d = digits(text, o + 8, 2);
        int h = digits(text, o + 11, 2);
        int mi = digits(text, o + 14, 2);
        int sec = digits(text, o + 17, 2);
        if ((y | mo | d | h | mi | sec) < 0 || text[o + 4] != '-' || text[o + 7] != '-' || text[o + 10] != 'T'
                || text[o + 13] != ':' || text[o + 16] != ':' || text[o + length - 1] != 'Z') {
            return null;
        }
        if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
        if (d > 28 && d > LocalDate.of(y, mo, 1).lengthOfMonth()) return null;
        int nano = 0;
        int fraction = length - 21; // chars between the seconds' '.' and the 'Z'
        if (length > 20) {
            if (text[o + 19] != '.' || fraction < 1 || fraction > 9) return null;
            int f = digits(text, o + 20, fraction);
            if (f < 0) return null;
            nano = f;
            for (int i = fraction; i < 9; i++) nano *= 10;
        }
        long epochDay = LocalDate.of(y, mo, d).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + h * 3_600L + mi * 60L + sec, nano);
    }

    /** The same for a string. */
    public static Instant parse(String text) {
        return text.length() > MAX_LENGTH ? null : parse(text.toCharArray(), 0, text.length());
    }

    private static char digit(int v) {
        return (char) ('0' + v);
    }

    private static void two(char[] buf, int at, int v) {
        buf[at] = digit(v / 10);
        buf[at + 1] = digit(v % 10);
    }

    /** The non-negative number of {@code n} ASCII digits at {@code at}, or -1 if any of them is not a digit. */
    private static int digits(char[] text, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int c = text[i] - '0';
            if (c < 0 || c > 9) return -1;
            v = v * 10 + c;
        }
        return v;
    }
}
