package org.ssbtwin.plant.layout;

/**
 * The station kinds of the line, declared in flow order. The three coating stations are roll-to-roll sources
 * that all feed {@link #LAMINATION}; from lamination on the flow is a single chain.
 */
public enum StationKind {
    /** Cathode slot-die coating, roll-to-roll; output: cathode rolls. */
    CATHODE_COATING("CAT", ItemKind.ROLL, ItemKind.ROLL),
    /** Ceramic solid electrolyte / separator coating (SF-Ceramion in ProLogium's wording), roll-to-roll. */
    ELECTROLYTE_COATING("ELY", ItemKind.ROLL, ItemKind.ROLL),
    /** Silicon composite anode coating, roll-to-roll. */
    ANODE_COATING("ANO", ItemKind.ROLL, ItemKind.ROLL),
    /** Temperature lamination without external pressure: one length of each roll becomes one inlay. */
    LAMINATION("LAM", ItemKind.ROLL, ItemKind.INLAY),
    /** Logithium frame adhesive and cutting into framed inlays. */
    FRAMING("FRM", ItemKind.INLAY, ItemKind.INLAY),
    /** Core assembly in the dry room. */
    CORE_ASSEMBLY("COR", ItemKind.INLAY, ItemKind.INLAY),
    /** MAB / BiPolar+ stacking: inlays stacked in series into one cell. */
    BIPOLAR_STACKING("MAB", ItemKind.INLAY, ItemKind.CELL),
    /** Formation and ageing with the self-discharge check. */
    FORMATION_AGEING("FAG", ItemKind.CELL, ItemKind.CELL),
    /** End-of-line test and grading. */
    EOL_TEST("EOL", ItemKind.CELL, ItemKind.CELL),
    /** CIM/CIP pack assembly (cell-is-module / cell-is-pack). */
    PACK_ASSEMBLY("PCK", ItemKind.CELL, ItemKind.PACK);

    /** The unit of material a station consumes or produces. */
    public enum ItemKind { ROLL, INLAY, CELL, PACK }

    private final String code;
    private final ItemKind input;
    private final ItemKind output;

    StationKind(String code, ItemKind input, ItemKind output) {
        this.code = code;
        this.input = input;
        this.output = output;
    }

    /** Short code used in ids, e.g. {@code LAM}. */
    public String code() { return code; }

    public ItemKind input() { return input; }

    public ItemKind output() { return output; }

    /** True for the three roll-to-roll coating stations (sources of the line). */
    public boolean isCoating() { return ordinal() <= ANODE_COATING.ordinal(); }
}
