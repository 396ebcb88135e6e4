package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.PhysicsParameters;

/** Framing: frame adhesive and cutting; only the base scrap rate (frame defects) applies. */
final class FramingStep extends ProcessStep {
    FramingStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                PhysicsParameters phys, boolean genealogy) {
        super(station, upstream, calendar, items, phys, genealogy, 1);
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        InlayStore inlays = items.inlays;
        if (genealogy) {
            inlays.frmUnit[item] = u;
            inlays.frmStart[item] = station.jobStart(srv);
        }
        inlays.frmEnd(item, calendar.now);   // the dry-room dwell until core assembly starts here
        if (baseScrap) return items.scrapInlay(station, u, station.baseCause, item);
        return PASSED;
    }
}
