package org.ssbtwin.fleet.usage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Shares of vehicle models, climates, driver archetypes and charging habits. Packs draw each attribute
 * independently from these marginals (assumption: no correlation, e.g. between taxi and DC-heavy; model that by
 * running separate specs). Each map's shares must be in [0,1] and sum to 1 (within 1e-6).
 */
public record FleetMix(
        Map<VehicleModel, Double> vehicleModels,
        Map<Climate, Double> climates,
        Map<DriverArchetype, Double> archetypes,
        Map<ChargingHabit, Double> chargingHabits) {

    public FleetMix {
        vehicleModels = check("mix.vehicle-models", vehicleModels, VehicleModel.class);
        climates = check("mix.climates", climates, Climate.class);
        archetypes = check("mix.archetypes", archetypes, DriverArchetype.class);
        chargingHabits = check("mix.charging-habits", chargingHabits, ChargingHabit.class);
    }

    /** A mix with one value per dimension (share 1). */
    public static FleetMix single(VehicleModel v, Climate c, DriverArchetype a, ChargingHabit h) {
        return new FleetMix(Map.of(v, 1.0), Map.of(c, 1.0), Map.of(a, 1.0), Map.of(h, 1.0));
    }

    private static <E extends Enum<E>> Map<E, Double> check(String path, Map<E, Double> shares, Class<E> type) {
        if (shares == null || shares.isEmpty()) {
            throw new IllegalArgumentException(path + " must name at least one entry");
        }
        double sum = 0;
        EnumMap<E, Double> copy = new EnumMap<>(type);
        for (Map.Entry<E, Double> e : shares.entrySet()) {
            Double v = e.getValue();
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(path + "." + e.getKey().name() + " share must be in [0,1], was " + v);
            }
            sum += v;
            copy.put(e.getKey(), v);
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException(path + " shares must sum to 1, was " + sum);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Cumulative share table over enum ordinals for sampling (not on the hot path). */
    public static <E extends Enum<E>> double[] cumulative(Map<E, Double> shares, E[] values) {
        double[] cum = new double[values.length];
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += shares.getOrDefault(values[i], 0.0);
            cum[i] = s;
        }
        for (int i = 0; i < values.length; i++) {
            cum[i] /= s;
        }
        return cum;
    }

    /** The index of the first cumulative share above {@code u} (skipping zero-share tails). */
    public static int pick(double[] cum, double u) {
        for (int i = 0; i < cum.length; i++) {
            if (u < cum[i]) {
                return i;
            }
        }
        for (int i = cum.length - 1; i >= 0; i--) {
            if (i == 0 || cum[i] > cum[i - 1]) {
                return i;
            }
        }
        return 0;
    }
}
