package org.ssbtwin.plant.cell;

/** Where a cell is in its life. */
public enum CellStatus {
    UNKNOWN, IN_PRODUCTION, GRADED, SCRAPPED, PACKED, IN_FIELD,
    /** Graded and shipped from the cell plant in a lot, not yet in a pack (added last: persisted by name). */
    SHIPPED
}
