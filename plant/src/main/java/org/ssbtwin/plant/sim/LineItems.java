package org.ssbtwin.plant.sim;

import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.InlayId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.RollId;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.layout.StationKind;

/**
 * The items on the line: the roll, inlay and cell stores, the serial counters of the plant site, the ids built from
 * them, and scrapping (the scrap record and the release of the item's slots).
 */
final class LineItems {
    static final ScrapCause[] CAUSES = ScrapCause.values();

    final String site;
    final RollStore[] rolls = {new RollStore(), new RollStore(), new RollStore()};
    final InlayStore inlays;
    final CellStore cells;
    final int inlaysPerCell;
    /** With genealogy, inlays stay in the store until their cell is graded (otherwise they are released at stacking). */
    private final boolean genealogy;
    private final EventCalendar calendar;
    long inlaySerial, cellSerial, packSerial;

    LineItems(String site, int inlaysPerCell, boolean genealogy, EventCalendar calendar) {
        this.site = site;
        this.inlaysPerCell = inlaysPerCell;
        this.genealogy = genealogy;
        this.calendar = calendar;
        this.inlays = new InlayStore(1024);
        this.cells = new CellStore(1024, inlaysPerCell);
    }

    void releaseInlaysOf(int cell) {
        int base = cell * inlaysPerCell;
        for (int k = 0; k < inlaysPerCell; k++) inlays.release(cells.inlay[base + k]);
    }

    /** Records the scrapping of an item at a station unit; returns the cause. */
    int scrap(StationRuntime s, int u, int cause, StationKind.ItemKind itemKind, long serial) {
        calendar.emit(new PlantEvent.ItemScrapped(calendar.at(), s.id, s.kind, u, CAUSES[cause], itemKind, site, serial));
        return cause;
    }

    int scrapInlay(StationRuntime s, int u, int cause, int inlay) {
        scrap(s, u, cause, StationKind.ItemKind.INLAY, inlays.serial(inlay));
        inlays.release(inlay);
        return cause;
    }

    int scrapCell(StationRuntime s, int u, int cause, int cell) {
        scrap(s, u, cause, StationKind.ItemKind.CELL, cells.serial(cell));
        // inlays are released at stacking in benchmark mode, except for cells scrapped at stacking itself
        if (genealogy || s.idx == LineOrder.MAB) releaseInlaysOf(cell);
        cells.release(cell);
        return cause;
    }

    CellId cellId(long serial) { return new CellId(ItemIds.cell(site, serial)); }

    InlayId inlayId(long serial) { return new InlayId(ItemIds.inlay(site, serial)); }

    PackId packId(long serial) { return new PackId(ItemIds.pack(site, serial)); }

    /** Roll id of a coating station's roll: kind = position CAT, ELY or ANO; rolls are numbered from 1. */
    static RollId rollId(int kind, int rollIndex) { return new RollId(ItemIds.roll(LineOrder.ROLL_CODES[kind], rollIndex + 1)); }
}
