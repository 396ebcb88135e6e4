package org.ssbtwin.plant.layout;

/** Why an item left the line as scrap; each cause belongs to the station that detects it. */
public enum ScrapCause {
    /** Coating defect found on a roll (thickness, pinholes); the whole roll is scrapped. */
    COATING_DEFECT,
    /** Poor adhesion after temperature lamination (temperature away from its window). */
    DELAMINATION,
    /** Frame adhesive or cut defect at framing. */
    FRAME_DEFECT,
    /** Moisture pick-up in the dry room (dew-point excursion). */
    MOISTURE_DEFECT,
    /** Inlays stacked outside the alignment tolerance. */
    STACKING_MISALIGNMENT,
    /** Formation failure (no/poor first charge). */
    FORMATION_FAILURE,
    /** Self-discharge at or above the ageing limit (internal short suspected). */
    SELF_DISCHARGE,
    /** Capacity or resistance outside the grading limits at the end-of-line test. */
    EOL_OUT_OF_SPEC,
    /** Handling or assembly fault at pack assembly. */
    PACK_ASSEMBLY_FAULT;

    /** The cause a station's base (non-physics) scrap is booked under. */
    public static ScrapCause baseCauseOf(StationKind kind) {
        return switch (kind) {
            case CATHODE_COATING, ELECTROLYTE_COATING, ANODE_COATING -> COATING_DEFECT;
            case LAMINATION -> DELAMINATION;
            case FRAMING -> FRAME_DEFECT;
            case CORE_ASSEMBLY -> MOISTURE_DEFECT;
            case BIPOLAR_STACKING -> STACKING_MISALIGNMENT;
            case FORMATION_AGEING -> FORMATION_FAILURE;
            case EOL_TEST -> EOL_OUT_OF_SPEC;
            case PACK_ASSEMBLY -> PACK_ASSEMBLY_FAULT;
        };
    }
}
