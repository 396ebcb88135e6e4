package org.ssbtwin.plant.sim;

import java.time.Instant;
import org.ssbtwin.plant.layout.PhysicsParameters;
import org.ssbtwin.plant.layout.ProcessWindow;
import org.ssbtwin.plant.layout.ScrapCause;
import org.ssbtwin.plant.physics.ProcessPhysics;
import org.ssbtwin.plant.station.Setpoints;

/**
 * Lamination: one length of an open cathode, electrolyte and anode roll becomes one inlay; the laminating
 * temperature (setpoint + noise) decides delamination scrap. Rolls wait in one queue per coating kind; a roll is
 * opened when the previous one of its kind is used up.
 */
final class LaminationStep extends ProcessStep {
    /** Rolls waiting, per coating kind (CAT, ELY, ANO). */
    final IntRing[] rollQ = {new IntRing(8), new IntRing(8), new IntRing(8)};
    /** The open roll and the inlays left on it, per coating kind. */
    final int[] openRoll = new int[3];
    final int[] openLeft = new int[3];
    /** Laminating temperature process window. */
    final ProcessWindow window;
    private final StationRuntime[] coaters;
    private final int inlaysPerRoll;
    private double temperatureSetpoint;

    LaminationStep(StationRuntime station, StationRuntime[] coaters, EventCalendar calendar, LineItems items,
                   PhysicsParameters phys, boolean genealogy, ProcessWindow window, double temperatureC, int inlaysPerRoll) {
        super(station, null, calendar, items, phys, genealogy, 0);
        this.coaters = coaters;
        this.window = window;
        this.temperatureSetpoint = temperatureC;
        this.inlaysPerRoll = inlaysPerRoll;
    }

    /** Whether every coating kind has an open roll with inlays left or a roll waiting. */
    boolean rollsAvailable() {
        for (int k = 0; k < 3; k++) if (openLeft[k] == 0 && rollQ[k].isEmpty()) return false;
        return true;
    }

    @Override
    int takeInputs(int srv) {
        InlayStore inlays = items.inlays;
        int item = inlays.allocate();
        for (int k = 0; k < 3; k++) {
            if (openLeft[k] == 0) {
                openRoll[k] = rollQ[k].poll();
                openLeft[k] = inlaysPerRoll;
                coaters[k].releaseBlockedInto(rollQ[k], station.inCap);
            }
            openLeft[k]--;
        }
        inlays.roll[item * 3] = openRoll[0];
        inlays.roll[item * 3 + 1] = openRoll[1];
        inlays.roll[item * 3 + 2] = openRoll[2];
        return item;
    }

    @Override
    int complete(int srv, int u, int item, boolean baseScrap) {
        StationRuntime s = station;
        InlayStore inlays = items.inlays;
        double t = temperatureSetpoint + phys.laminationTemperatureSigmaC() * s.gauss();
        if (genealogy) {
            inlays.lamUnit[item] = u;
            inlays.lamStart[item] = s.jobStart(srv);
            inlays.lamEnd[item] = calendar.now;
        }
        inlays.lamTemp(item, t);
        inlays.serial(item, ++items.inlaySerial);
        double pDelam = ProcessPhysics.delaminationProbability(t, window, phys);
        if (baseScrap || (pDelam > 0 && s.rng.nextDouble() < pDelam)) {
            return items.scrapInlay(s, u, ScrapCause.DELAMINATION.ordinal(), item);
        }
        return PASSED;
    }

    @Override
    boolean hasReadings() { return true; }

    @Override
    void sampleReading(Instant t) {
        calendar.emit(new PlantEvent.ReadingSampled(t, station.id, Setpoints.LAMINATION_TEMPERATURE_C,
                temperatureSetpoint + phys.laminationTemperatureSigmaC() * station.gauss(), "degC"));
    }

    @Override
    void applySetpoint(String name, double value) {
        if (Setpoints.LAMINATION_TEMPERATURE_C.equals(name)) temperatureSetpoint = value;
    }

    @Override
    int inputBuffered() { return rollQ[0].size() + rollQ[1].size() + rollQ[2].size(); }
}
