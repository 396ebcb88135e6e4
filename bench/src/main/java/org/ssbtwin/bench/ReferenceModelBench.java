package org.ssbtwin.bench;

import org.ssbtwin.fleet.ageing.reference.DutyProfile;
import org.ssbtwin.fleet.ageing.reference.ReferenceModel;
import org.ssbtwin.fleet.ageing.reference.ReferenceSimulator;
import org.ssbtwin.fleet.ageing.reference.ReferenceTrajectory;
import org.ssbtwin.fleet.ageing.reference.StopCriteria;

import java.util.Locale;

/**
 * Benchmark (not a test): milliseconds per cell for a 15-year BLAST-Lite reference run of each model on the EV
 * duty profile p6 (6-minute samples) and p6h (hourly), after a warm-up. The simulator (chunk plan, temperature
 * terms, scratch arrays) is prepared once per model and profile, as a fleet would, and then reused per cell.
 *
 * <p>Arguments (optional): {@code [warmupRuns] [timedRuns]}, defaults 5 and 10.
 */
public final class ReferenceModelBench {

    private ReferenceModelBench() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double years = 15;
        String[] profiles = {"p6", "p6h"};
        System.out.printf(Locale.ROOT, "BLAST-Lite reference port, %.0f years per cell, %d warm-up + %d timed runs%n",
                years, warmup, timed);
        double sink = 0;
        for (String profileName : profiles) {
            DutyProfile profile = DutyProfile.byName(profileName);
            for (String modelName : ReferenceModel.NAMES) {
                ReferenceSimulator sim = new ReferenceSimulator(ReferenceModel.byName(modelName), profile.input());
                StopCriteria stop = StopCriteria.years(years);
                for (int i = 0; i < warmup; i++) {
                    sink += sim.simulate(stop).updateCount();
                }
                long t0 = System.nanoTime();
                int updates = 0;
                for (int i = 0; i < timed; i++) {
                    ReferenceTrajectory tr = sim.simulate(stop);
                    updates = tr.updateCount();
                    sink += tr.capacity(updates);
                }
                double msPerCell = (System.nanoTime() - t0) / 1e6 / timed;
                System.out.printf(Locale.ROOT, "%-22s %-4s %8.2f ms/cell (%d updates, %d samples per input year)%n",
                        modelName, profileName, msPerCell, updates, profile.length());
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the JIT from discarding the runs
        }
    }
}
