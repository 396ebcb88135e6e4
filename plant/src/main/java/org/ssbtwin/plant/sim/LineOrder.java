package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.StationKind;

/**
 * Positions of the stations along the line (the {@link StationKind} order, which a layout's station list follows):
 * the index of a station in the simulation's arrays and in its event payloads.
 */
final class LineOrder {
    private LineOrder() {}

    static final int CAT = 0, ELY = 1, ANO = 2, LAM = 3, FRM = 4, COR = 5, MAB = 6, FAG = 7, EOL = 8, PCK = 9;
    static final int STATIONS = StationKind.values().length;
    /** Coating stations' kind codes, indexed by position (CAT, ELY, ANO): the middle part of a roll id. */
    static final String[] ROLL_CODES = {"CAT", "ELY", "ANO"};
}
