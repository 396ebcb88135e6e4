package org.ssbtwin.api.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json.FieldError;
import org.ssbtwin.config.TwinSettings;

class StudyRequestTest {
    static final TwinSettings.Studies LIMITS = new TwinSettings.Studies(60_000, 2, 1);

    static List<String> fields(String body) {
        var e = assertThrows(StudyRequest.InvalidStudyRequestException.class, () -> StudyRequest.parse(body, LIMITS));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aBundledFleetWithTheRequestsPacksYearsAndSeed() {
        StudyRequest r = StudyRequest.parse("{\"fleet\": \"europe\", \"packs\": 1234, \"years\": 7, \"seed\": -9}", LIMITS);
        assertEquals("europe", r.fleet());
        assertEquals(1234, r.spec().packs());
        assertEquals(7, r.spec().years());
        assertEquals(-9, r.seed());
        StudyRequest defaults = StudyRequest.parse("{\"fleet\": \"europe\", \"seed\": 1}", LIMITS);
        assertEquals(50_000, defaults.spec().packs(), "packs default to the fleet's own");
        assertEquals(15, defaults.spec().years());
    }

    @Test
    void theFleetsOwnSizeMustAlsoRespectTheLimits() {
        // vinfast-vn has 100,000 packs, above this node's 60,000
        assertEquals(List.of("packs"), fields("{\"fleet\": \"vinfast-vn\", \"seed\": 1}"));
        assertEquals(100, StudyRequest.parse("{\"fleet\": \"vinfast-vn\", \"packs\": 100, \"seed\": 1}", LIMITS).spec().packs());
    }

    @Test
    void anInlineSpecMayLeavePacksAndYearsToTheRequest() {
        String hocon = "fleet { start-date = \\\"2031-03-01\\\", mix { vehicle-models { VF3 = 1 }, climates { HANOI = 1 },"
                + " archetypes { RIDE_HAILING_TAXI = 1 }, charging-habits { DC_HEAVY = 1 } } }";
        StudyRequest r = StudyRequest.parse("{\"fleetSpec\": \"" + hocon + "\", \"packs\": 40, \"years\": 3, \"seed\": 2}", LIMITS);
        assertEquals(StudyRequest.INLINE, r.fleet());
        assertEquals(40, r.spec().packs());
        assertEquals(3, r.spec().years());
        assertEquals("2031-03-01", r.spec().startDate().toString());
        assertEquals(List.of("fleetSpec", "fleetSpec"), fields("{\"fleetSpec\": \"" + hocon + "\", \"seed\": 2}"),
                "without packs and years the spec itself must give them");
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals(List.of("x", "packs", "years", "seed", "fleet"),
                fields("{\"x\": 1, \"packs\": \"ten\", \"years\": 2.5, \"seed\": \"s\", \"fleet\": 3}"));
        assertEquals(List.of("fleet"), fields("{\"seed\": 1}"));
        assertEquals(List.of("fleetSpec"), fields("{\"fleetSpec\": \"fleet { packs = \", \"seed\": 1}"));
        assertEquals(List.of("fleetSpec"), fields("{\"fleetSpec\": 42, \"seed\": 1}"));
        assertEquals(List.of("body"), fields("[1, 2]"));
        assertEquals(List.of("seed"), fields("{\"fleet\": \"europe\", \"seed\": 99999999999999999999}"));
    }
}
