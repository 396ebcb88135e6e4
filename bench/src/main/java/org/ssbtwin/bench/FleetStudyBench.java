package org.ssbtwin.bench;

import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;
import org.ssbtwin.fleet.usage.ChargingHabit;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.DriverArchetype;
import org.ssbtwin.fleet.usage.FleetMix;
import org.ssbtwin.fleet.usage.FleetSpec;
import org.ssbtwin.fleet.usage.VehicleModel;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput benchmark: a 100,000-pack, 15-year study (Vietnam-heavy mix) on 2 threads by default.
 * Usage: {@code java -cp twin-core/target/classes org.ssbtwin.bench.FleetStudyBench [packs] [years] [threads]}.
 */
public final class FleetStudyBench {
    private FleetStudyBench() {
    }

    public static void main(String[] args) {
        int packs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int years = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        FleetMix mix = new FleetMix(
                Map.of(VehicleModel.VF3, 0.35, VehicleModel.VF5, 0.26, VehicleModel.VF6, 0.12,
                        VehicleModel.VF7, 0.10, VehicleModel.VF8, 0.12, VehicleModel.VF9, 0.05),
                Map.of(Climate.HO_CHI_MINH_CITY, 0.45, Climate.HANOI, 0.40, Climate.LILLE_DUNKIRK, 0.10,
                        Climate.OSLO, 0.05),
                Map.of(DriverArchetype.COMMUTER, 0.55, DriverArchetype.RIDE_HAILING_TAXI, 0.35,
                        DriverArchetype.LONG_DISTANCE, 0.10),
                Map.of(ChargingHabit.HOME_AC, 0.40, ChargingHabit.HOME_AC_FULL, 0.10, ChargingHabit.MIXED, 0.20,
                        ChargingHabit.DC_HEAVY, 0.30));
        LocalDate start = LocalDate.of(2028, 1, 1);
        FleetSpec spec = FleetSpec.of(packs, years, start, mix);
        // warm-up (JIT) on a small study
        FleetStudy.run(spec.withPacks(Math.min(packs, 4_000)), 7L, threads);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        FleetStudyResult r = FleetStudy.run(spec, 42L, threads);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        CohortYearStats y8 = r.fleet(Math.min(8, years));
        // on a shared machine the wall time measures the neighbours too: the process CPU time / threads is the wall
        // time the study would take with its threads' cores to itself
        System.out.printf(Locale.ROOT, "process cpu=%.2f s (%.0f %% of %d cores over the wall time) -> %.2f s on %d free cores%n",
                cpu, 100 * cpu / (s * threads), threads, cpu / threads, threads);
        System.out.printf(Locale.ROOT, "packs=%d years=%d threads=%d pack-days=%d wall=%.2f s  %.2f M pack-days/s%n",
                packs, years, threads, r.packDays(), s, r.packDays() / s / 1e6);
        System.out.printf(Locale.ROOT, "year %d: SoH p5/p50/p95 = %.3f/%.3f/%.3f, below70=%.4f, claims=%.4f%n",
                y8.year(), y8.sohP5(), y8.sohP50(), y8.sohP95(), y8.shareBelow70(), y8.warrantyClaimShare());
    }
}
