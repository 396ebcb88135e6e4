package org.ssbtwin.plant.cell;

/** Where a cell is in its life. */
public enum CellStatus {
    UNKNOWN, IN_PRODUCTION, GRADED, SCRAPPED, PACKED, IN_FIELD
}
