package org.ssbtwin.api.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.config.TwinSettings;

/** Issue 19.1: an inline fleet spec can neither expand (substitutions) nor recurse (nesting) nor grow unbounded. */
class UntrustedFleetSpecTest {
    static final TwinSettings.Studies LIMITS = new TwinSettings.Studies(60_000, 2, 1);
    static final String MIX = "start-date = \"2031-03-01\", mix { vehicle-models { VF3 = 1 }, climates { HANOI = 1 }, archetypes { RIDE_HAILING_TAXI = 1 },"
            + " charging-habits { DC_HEAVY = 1 } }";

    static List<String> messages(String hocon) {
        String body = "{\"fleetSpec\": " + new String(Json.bytes(hocon), java.nio.charset.StandardCharsets.UTF_8)
                + ", \"packs\": 10, \"years\": 2, \"seed\": 1}";
        var e = assertThrows(StudyRequest.InvalidStudyRequestException.class, () -> StudyRequest.parse(body, LIMITS));
        e.errors().forEach(f -> assertEquals("fleetSpec", f.field()));
        return e.errors().stream().map(Json.FieldError::message).toList();
    }

    /** The 530-byte request of the issue: 7 levels, each {@code ${prev}} ten times, would expand to 10^7 copies. */
    static String substitutionBomb() {
        StringBuilder sb = new StringBuilder("l0 = \"xxxxxxxxxx\"\n");
        for (int level = 1; level <= 7; level++) {
            sb.append('l').append(level).append(" = \"\"");
            for (int i = 0; i < 10; i++) sb.append("${l").append(level - 1).append('}');
            sb.append('\n');
        }
        return sb.append("fleet { name = ${l7}, ").append(MIX).append(" }").toString();
    }

    @Test
    void substitutionsAreRefusedBeforeTheyExpand() {
        String bomb = substitutionBomb();
        assertTrue(bomb.length() < 700, "a small request: " + bomb.length());
        List<String> m = messages(bomb);
        assertTrue(m.stream().anyMatch(s -> s.contains("substitutions")), m.toString());
        // a single harmless-looking reference is refused too: the rule is no substitution at all
        assertTrue(messages("x = 3\nfleet { packs = ${x}, " + MIX + " }").stream().anyMatch(s -> s.contains("substitutions")));
        // the environment is out of reach as well
        assertTrue(messages("fleet { name = ${?HOME}, " + MIX + " }").stream().anyMatch(s -> s.contains("substitutions")));
    }

    @Test
    void nestingIsBoundedBeforeParsing() {
        String deep = "fleet { " + MIX + ", x = " + "[".repeat(5_000) + "]".repeat(5_000) + " }";
        List<String> m = messages(deep);
        assertTrue(m.stream().anyMatch(s -> s.contains("at most " + UntrustedHocon.MAX_DEPTH)), m.toString());
        // braces inside strings and comments are not nesting
        String quoted = "fleet { name = \"" + "{".repeat(100) + "\"\n # " + "[".repeat(100) + "\n" + MIX + " }";
        assertEquals(StudyRequest.INLINE, StudyRequest.parse("{\"fleetSpec\": " + new String(Json.bytes(quoted), java.nio.charset.StandardCharsets.UTF_8)
                + ", \"packs\": 10, \"years\": 2, \"seed\": 1}", LIMITS).fleet());
    }

    @Test
    void dottedKeysCountAsNesting() {
        String dotted = "fleet { " + MIX + " }\n" + "a.".repeat(20_000) + "b = 1";
        List<String> m = messages(dotted);
        assertTrue(m.stream().anyMatch(s -> s.contains("at most " + UntrustedHocon.MAX_DEPTH)), m.toString());
    }

    @Test
    void sizeIsBounded() {
        String big = "fleet { " + MIX + " }\n# " + "x".repeat(UntrustedHocon.MAX_CHARS);
        List<String> m = messages(big);
        assertTrue(m.stream().anyMatch(s -> s.contains("at most " + UntrustedHocon.MAX_CHARS + " characters")), m.toString());
    }

    @Test
    void includesAreStillRefused() {
        assertFalse(messages("include file(\"/etc/passwd\")\nfleet { " + MIX + " }").isEmpty());
    }
}
