package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceModelLookupTest {

    @Test
    void modelsByName() {
        assertEquals(List.of("nmc111-gr-kokam75ah", "lfp-gr-sonymurata3ah", "nmc811-grsi-lgm50"), ReferenceModel.NAMES);
        for (String name : ReferenceModel.NAMES) {
            assertEquals(name, ReferenceModel.byName(name).name());
        }
        assertTrue(ReferenceModel.byName("nmc111-gr-kokam75ah") instanceof Nmc111GrKokam75Ah);
        assertTrue(ReferenceModel.byName("nmc111-gr-kokam75ah").hasResistance());
        assertTrue(ReferenceModel.byName("lfp-gr-sonymurata3ah").hasResistance());
        assertFalse(ReferenceModel.byName("nmc811-grsi-lgm50").hasResistance());
        assertEquals(75, ReferenceModel.byName("nmc111-gr-kokam75ah").nominalCapacityAh());
        assertEquals(3, ReferenceModel.byName("lfp-gr-sonymurata3ah").nominalCapacityAh());
        assertEquals(5, ReferenceModel.byName("nmc811-grsi-lgm50").nominalCapacityAh());
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceModel.byName("nca-gr-panasonic3ah"));
        assertTrue(e.getMessage().contains("nca-gr-panasonic3ah"));
        for (String name : ReferenceModel.NAMES) {
            assertTrue(e.getMessage().contains(name));
        }
        assertThrows(IllegalArgumentException.class, () -> ReferenceModel.byName(null));
    }

    @Test
    void inputValidation() {
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceInput.of(new double[] {0, 1}, new double[] {0.5}, new double[] {25, 25}));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceInput.of(new double[] {0, 0}, new double[] {0.5, 0.5}, new double[] {25, 25}));
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceInput.of(new double[] {0}, new double[] {0.5}, new double[] {25}));
    }
}
