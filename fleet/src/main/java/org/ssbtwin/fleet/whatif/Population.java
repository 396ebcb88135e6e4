package org.ssbtwin.fleet.whatif;

import java.time.LocalDate;
import org.ssbtwin.fleet.usage.Climate;
import org.ssbtwin.fleet.usage.VehicleModel;

/**
 * Which packs a scenario looks at: {@code sampleSize} packs, optionally only one vehicle model, one climate and a
 * production window (null = no filter). For a bundled base the packs are drawn from the fleet's mix restricted to
 * the filter; for the live base they are a seeded sample of the live packs that match it.
 */
public record Population(int sampleSize, VehicleModel vehicleModel, Climate climate, LocalDate productionFrom,
                         LocalDate productionTo) {
    public static Population all(int sampleSize) {
        return new Population(sampleSize, null, null, null, null);
    }

    public Population withSampleSize(int n) {
        return new Population(n, vehicleModel, climate, productionFrom, productionTo);
    }
}
