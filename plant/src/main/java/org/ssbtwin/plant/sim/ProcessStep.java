package org.ssbtwin.plant.sim;

import java.time.Instant;
import org.ssbtwin.plant.layout.PhysicsParameters;

/**
 * What a station kind does to an item: the inputs a job needs and takes, the process physics applied when the job
 * is done (scrap or pass), the kind's sensor reading and process setpoints. One instance per station, called from
 * {@link StationRuntime} on the hot path: implementations allocate nothing except the events they emit.
 */
abstract sealed class ProcessStep
        permits CoatingStep, LaminationStep, FramingStep, CoreAssemblyStep, BipolarStackingStep, FormationAgeingStep,
        EolTestStep, PackAssemblyStep {
    /** Returned by {@link #complete} when the item passes. */
    static final int PASSED = -1;

    final StationRuntime station;
    /** The station feeding this one's input buffer (null for coating and lamination, which take rolls). */
    final StationRuntime upstream;
    final EventCalendar calendar;
    final LineItems items;
    final PhysicsParameters phys;
    /** Keep what the genealogy records need (station passes of every item). */
    final boolean genealogy;
    /** Items one job takes from the input buffer (0 for coating, which is never starved, and for roll-fed lamination). */
    private final int inputsPerJob;

    ProcessStep(StationRuntime station, StationRuntime upstream, EventCalendar calendar, LineItems items,
                PhysicsParameters phys, boolean genealogy, int inputsPerJob) {
        this.station = station;
        this.inputsPerJob = inputsPerJob;
        this.upstream = upstream;
        this.calendar = calendar;
        this.items = items;
        this.phys = phys;
        this.genealogy = genealogy;
    }

    /**
     * Whether the input buffer holds what one job needs. Final and without a virtual call (it runs several times per
     * event): lamination, fed by rolls, answers through {@link LaminationStep#rollsAvailable()}.
     */
    final boolean inputsAvailable() {
        return this instanceof LaminationStep lamination ? lamination.rollsAvailable() : station.in.size() >= inputsPerJob;
    }

    /** Takes one job's inputs for slot {@code srv} and returns the item the job works on (default: the next buffered item). */
    int takeInputs(int srv) {
        int item = station.in.poll();
        upstream.releaseBlockedInto(station.in, station.inCap);
        return item;
    }

    /**
     * Applies the process physics to the item of a finished job on slot {@code srv} of unit {@code u}.
     *
     * @param baseScrap whether the station's base scrap rate (scaled by the learning curve) hit this job
     * @return the ordinal of the scrap cause, or {@link #PASSED}
     */
    abstract int complete(int srv, int u, int item, boolean baseScrap);

    /** Whether the station reports a sensor reading at every reading interval. */
    boolean hasReadings() { return false; }

    /** Emits the station's sensor reading at {@code t}; only called when {@link #hasReadings()}. */
    void sampleReading(Instant t) { throw new IllegalStateException(station.id + " has no readings"); }

    /** Applies a process setpoint this kind knows; others have no physical effect. */
    void applySetpoint(String name, double value) { }

    /** Items (or rolls) waiting in the input buffer. */
    int inputBuffered() { return station.in.size(); }
}
