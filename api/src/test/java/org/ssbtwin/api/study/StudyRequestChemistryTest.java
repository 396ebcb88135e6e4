package org.ssbtwin.api.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssbtwin.config.TwinSettings;
import org.ssbtwin.fleet.ageing.Chemistry;

/** The study request's chemistry switch: the same fleet with the SSB multipliers on (default) or off. */
class StudyRequestChemistryTest {
    static final TwinSettings.Studies LIMITS = new TwinSettings.Studies(60_000, 2, 1);

    @Test
    void chemistryDefaultsToTheSpecsAndSwitchesToTheLiIonReference() {
        assertEquals(Chemistry.SSB, StudyRequest.parse("{\"fleet\": \"europe\", \"seed\": 1}", LIMITS)
                .spec().ageing().chemistry());
        StudyRequest li = StudyRequest.parse("{\"fleet\": \"europe\", \"seed\": 1, \"chemistry\": \"li-ion-reference\"}",
                LIMITS);
        assertEquals(Chemistry.LI_ION_REFERENCE, li.spec().ageing().chemistry());
        assertEquals(StudyRequest.parse("{\"fleet\": \"europe\", \"seed\": 1}", LIMITS).spec().mix(), li.spec().mix(),
                "the same fleet");
    }

    @Test
    void anUnknownChemistryNamesTheFieldAndTheValidValues() {
        var e = assertThrows(StudyRequest.InvalidStudyRequestException.class, () -> StudyRequest.parse(
                "{\"fleet\": \"europe\", \"seed\": 1, \"chemistry\": \"nmc\"}", LIMITS));
        assertEquals("chemistry", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("ssb") && e.errors().get(0).message().contains("li-ion-reference"),
                e.errors().get(0).message());
        var e2 = assertThrows(StudyRequest.InvalidStudyRequestException.class, () -> StudyRequest.parse(
                "{\"fleet\": \"europe\", \"seed\": 1, \"chemistry\": 3}", LIMITS));
        assertEquals("chemistry", e2.errors().get(0).field());
    }
}
