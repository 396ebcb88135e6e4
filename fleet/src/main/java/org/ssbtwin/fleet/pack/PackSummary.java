package org.ssbtwin.fleet.pack;

import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.id.VehicleId;

/** The fields of a pack that lists and filters need; folded from the same events as {@link Pack}. */
public record PackSummary(PackId id, PackStatus status, String vehicleModel, int cellCount, double nominalCapacityKwh,
                          VehicleId vehicleId, String climate, String archetype, double stateOfHealth,
                          double relativeResistance, double equivalentFullCycles, double km) {

    public static PackSummary of(PackId id) {
        return new PackSummary(id, PackStatus.UNKNOWN, null, 0, 0, null, null, null, 1.0, 1.0, 0, 0);
    }

    public PackSummary apply(PackEvent e) {
        if (e instanceof PackEvent.Assembled a) {
            return new PackSummary(id, PackStatus.ASSEMBLED, a.vehicleModel(), a.cells().size(), a.nominalCapacityKwh(),
                    vehicleId, climate, archetype, stateOfHealth, relativeResistance, equivalentFullCycles, km);
        } else if (e instanceof PackEvent.Installed i) {
            return new PackSummary(id, PackStatus.IN_SERVICE, vehicleModel, cellCount, nominalCapacityKwh, i.vehicleId(),
                    i.climate(), i.archetype(), stateOfHealth, relativeResistance, equivalentFullCycles, km);
        } else if (e instanceof PackEvent.UsageRecorded u) {
            return new PackSummary(id, status, vehicleModel, cellCount, nominalCapacityKwh, vehicleId, climate, archetype,
                    u.stateOfHealthAfter(), u.relativeResistanceAfter(), equivalentFullCycles + u.equivalentFullCycles(),
                    km + u.km());
        }
        return this;
    }
}
