package org.ssbtwin.plant.sim;

import java.time.Instant;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.station.Setpoints;

/** Cathode, electrolyte and anode coating: roll-to-roll, never starved; a finished roll passes or is scrapped. */
final class CoatingStep extends ProcessStep {
    private static final double LINE_SPEED_NOISE = 0.005;   // assumed: relative sd of the line-speed reading
    private final RollStore rolls;

    CoatingStep(StationRuntime station, EventCalendar calendar, LineItems items, PhysicsParameters phys, boolean genealogy) {
        super(station, null, calendar, items, phys, genealogy, 0);
        this.rolls = items.rolls[station.idx];
    }

    @Override
    int takeInputs(int srv) { return rolls.allocate(); }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        rolls.set(item, u, s.jobStart(srv), calendar.now);
        if (baseScrap) return items.scrap(s, u, s.baseCause, StationKind.ItemKind.ROLL, item + 1);
        calendar.emit(new PlantEvent.RollCompleted(calendar.at(), s.id, u, LineItems.rollId(s.idx, item)));
        return PASSED;
    }

    @Override
    boolean hasReadings() { return station.lineSpeedNominal > 0; }

    @Override
    void sampleReading(Instant t) {
        StationRuntime s = station;
        double v = s.busyUp > 0 ? s.lineSpeed * (1 + LINE_SPEED_NOISE * s.gauss()) : 0;
        calendar.emit(new PlantEvent.ReadingSampled(t, s.id, Setpoints.LINE_SPEED_M_PER_MIN, v, "m/min"));
    }
}
