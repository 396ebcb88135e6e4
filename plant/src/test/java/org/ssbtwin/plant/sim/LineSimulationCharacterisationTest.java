package org.ssbtwin.plant.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ssbtwin.plant.layout.PlantLayout;
import org.ssbtwin.plant.layout.ReferenceLayouts;
import org.ssbtwin.plant.layout.StationKind;
import org.ssbtwin.plant.station.Setpoints;

/**
 * Characterisation (golden-master) test of the line simulation: the full Dunkirk layout from one day before SOP
 * through the first weeks of the ramp, fixed seed, with setpoint changes, a forced breakdown and a statistics reset,
 * digested as SHA-256 over every emitted event's {@code toString()} (genealogy included), the KPI records (maps in
 * key order, see {@link #canonical}) and the event counts. The expected digests were recorded from the unsplit {@code LineSimulation} (one 1,160-line class, with
 * the calibrated cell-quality model of issue 16) at commit 2a69d35, before it was split per concern: any change of behaviour (event
 * order, random-number use, a double computed differently) changes the digest. A deliberate model change must
 * re-record them (the failure message prints the new value) and say so in its commit.
 */
class LineSimulationCharacterisationTest {

    private static final Instant START = ReferenceLayouts.DUNKIRK_SOP.minus(Duration.ofDays(1));
    private static final long SEED = 20_260_105L;

    /**
     * Re-recorded on purpose for the normal deviates drawn with the JDK's ziggurat sampler
     * ({@code RandomGenerator.nextGaussian}) instead of the Marsaglia polar method (issue 15 item 6: the plant-year
     * bench spent ~20 % of its time there); same distribution, other draws. Before:
     * re-recorded for planned maintenance and the OEE losses (issue 15 item 4): the Dunkirk layout has a weekly PM
     * rotation per unit, an annual shutdown, performance losses (minor stops, reduced speed) and a 10 s ideal
     * stacking cycle; cycle times are drawn from a table of lognormal quantiles; StationStateChanged carries a reason.
     * Before: re-recorded for the 12 GWh ramp (3x the station units, Phase 1 share 0.066), from the digest of the
     * unsplit simulation at commit 2a69d35. Genealogy on, 1-minute readings.
     */
    private static final String GENEALOGY_DIGEST =
            "2aa3681c1566a8baae5536c2169308f4aef6b3071362f49ff58e4af4c3907c81";
    /** Re-recorded with {@link #GENEALOGY_DIGEST} (benchmark mode: no genealogy records). */
    private static final String BENCHMARK_DIGEST =
            "65b101f3f7e9cea867347fb87f2bed305425ecbf8cf8d960306e8aeda1746f6c";

    @Test
    void dunkirkRampWithGenealogyReproducesTheRecordedHistory() {
        Run run = run(SimulationOptions.DEFAULT, 16);
        assertTrue(run.cells > 5_000, "cells completed: " + run.cells);
        assertTrue(run.packs > 10, "packs assembled: " + run.packs);
        assertEquals(GENEALOGY_DIGEST, run.digest, "event history digest (" + run.events + " events, " + run.cells + " cells)");
    }

    @Test
    void dunkirkRampInBenchmarkModeReproducesTheRecordedHistory() {
        Run run = run(SimulationOptions.BENCHMARK, 14);
        assertTrue(run.cells > 5_000, "cells completed: " + run.cells);
        assertEquals(BENCHMARK_DIGEST, run.digest, "event history digest (" + run.events + " events, " + run.cells + " cells)");
    }

    private record Run(String digest, long events, long cells, long packs) {}

    private static Run run(SimulationOptions options, int days) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);   // genealogy results are formatted with String.format: pin the decimal separator
        try {
            PlantLayout layout = ReferenceLayouts.dunkirk();
            var lam = layout.station(StationKind.LAMINATION).id();
            var cor = layout.station(StationKind.CORE_ASSEMBLY).id();
            var mab = layout.station(StationKind.BIPOLAR_STACKING).id();
            var ely = layout.station(StationKind.ELECTROLYTE_COATING).id();
            var eol = layout.station(StationKind.EOL_TEST).id();
            Instant sop = ReferenceLayouts.DUNKIRK_SOP;
            LineSimulation sim = new LineSimulation(layout, SEED, START, options);
            sim.changeSetpoint(lam, Setpoints.LAMINATION_TEMPERATURE_C, 127.5, sop.plus(Duration.ofDays(6)));
            sim.changeSetpoint(cor, Setpoints.DEW_POINT_C, -38.0, sop.plus(Duration.ofDays(8)));
            sim.changeSetpoint(mab, Setpoints.MISALIGNMENT_SIGMA_MM, 0.09, sop.plus(Duration.ofDays(9)));
            sim.changeSetpoint(ely, Setpoints.LINE_SPEED_M_PER_MIN, 36.0, sop.plus(Duration.ofDays(10)));
            sim.changeSetpoint(eol, "operatorNote", 1.0, sop.plus(Duration.ofDays(10)));
            sim.forceBreakdown(mab, 0, Duration.ofHours(5), sop.plus(Duration.ofDays(7)).plusSeconds(1234));
            sim.forceBreakdown(lam, 1, Duration.ofMinutes(45), sop.plus(Duration.ofDays(12)));

            MessageDigest sha = sha256();
            long[] counts = new long[3];
            PlantEventSink sink = e -> {
                counts[0]++;
                if (e instanceof PlantEvent.CellCompleted) counts[1]++;
                else if (e instanceof PlantEvent.PackAssembled) counts[2]++;
                sha.update(e.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            };
            for (int d = 1; d <= days; d++) {
                // daily steps, with one odd step to exercise advanceTo at an arbitrary instant
                if (d == 5) sim.advanceTo(START.plus(Duration.ofDays(4)).plusMillis(12_345_678), sink);
                sim.advanceTo(START.plus(Duration.ofDays(d)), sink);
                if (d == 14) {
                    update(sha, "kpis day 14 " + canonical(sim.kpis()));
                    sim.resetStatistics();
                }
            }
            update(sha, "kpis " + canonical(sim.kpis()));
            update(sha, "eventsProcessed " + sim.eventsProcessed() + " now " + sim.now());
            for (var s : layout.stations()) update(sha, s.id() + " " + sim.state(s.id()));
            update(sha, "lam " + sim.setpoint(lam, Setpoints.LAMINATION_TEMPERATURE_C)
                    + " ely " + sim.setpoint(ely, Setpoints.LINE_SPEED_M_PER_MIN));
            return new Run(HexFormat.of().formatHex(sha.digest()), counts[0], counts[1], counts[2]);
        } finally {
            Locale.setDefault(previous);
        }
    }

    /**
     * A record's {@code toString()} with every map in key order: the KPI records hold {@code Map.copyOf} maps, whose
     * iteration order changes from one JVM to the next (per-JVM salt), so their plain {@code toString()} is not stable.
     */
    static String canonical(Object o) {
        if (o instanceof Record r) {
            StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('[');
            RecordComponent[] comps = r.getClass().getRecordComponents();
            for (int i = 0; i < comps.length; i++) {
                if (i > 0) b.append(", ");
                try {
                    b.append(comps[i].getName()).append('=').append(canonical(comps[i].getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return b.append(']').toString();
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            new TreeMap<>(m).forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(canonical(v)));
            return b.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object e : l) b.append(b.length() > 1 ? ", " : "").append(canonical(e));
            return b.append(']').toString();
        }
        return String.valueOf(o);
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
