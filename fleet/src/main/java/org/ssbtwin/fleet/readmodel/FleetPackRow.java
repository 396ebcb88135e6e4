package org.ssbtwin.fleet.readmodel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.core.quality.ManufacturingFactors;

/**
 * One pack as the fleet read side stores it (a row of {@code fleet_pack}), folded from the pack's events in journal
 * order. {@code lastSeqNr} is the sequence number of the last event folded in: an event at or below it has been
 * applied already and is ignored, so a row never counts an event twice, whatever the projection replays.
 *
 * @param productionWeek ISO week of pack assembly ({@code 2028-W05}), null before assembly
 * @param laminationBand mean lamination temperature of the pack's cells, banded (e.g. {@code 120-125}), or
 *        {@code unknown} when the pack was assembled without per-cell manufacturing factors
 * @param sohCapacity state of health (capacity relative to new, 1 = new) after the latest period of use
 * @param sohResistance resistance relative to new after the latest period of use
 * @param usageRecords periods of use folded in
 * @param events events folded in (all types)
 * @param updatedAt virtual time of the latest event folded in
 */
public record FleetPackRow(String packId, String vehicleId, String vehicleModel, String climate, String archetype,
                           String productionWeek, String laminationBand, PackStatus status, int cellCount,
                           double nominalCapacityKwh, double sohCapacity, double sohResistance, double efc, double km,
                           long usageRecords, long events, long lastSeqNr, Instant updatedAt) {
    /** Width of a lamination-temperature band, degC (assumed: the window's resolution that matters for ageing). */
    public static final double LAMINATION_BAND_C = 5.0;
    public static final String UNKNOWN = "unknown";

    public static FleetPackRow empty(String packId) {
        return new FleetPackRow(packId, null, null, null, null, null, null, PackStatus.UNKNOWN, 0, 0, 1.0, 1.0, 0, 0, 0, 0, 0, null);
    }

    /** Whether the event with this sequence number is already folded into the row. */
    public boolean hasApplied(long seqNr) {
        return seqNr <= lastSeqNr;
    }

    /** The row after one more event of this pack; an already-applied sequence number returns the row unchanged. */
    public FleetPackRow apply(PackEvent event, long seqNr) {
        if (hasApplied(seqNr)) return this;
        long ev = events + 1;
        Instant at = event.at();
        if (event instanceof PackEvent.Assembled a) {
            return new FleetPackRow(packId, vehicleId, a.vehicleModel(), climate, archetype, productionWeek(a.at()),
                    laminationBand(a.cellFactors()), PackStatus.ASSEMBLED, a.cells().size(), a.nominalCapacityKwh(),
                    sohCapacity, sohResistance, efc, km, usageRecords, ev, seqNr, at);
        } else if (event instanceof PackEvent.Installed i) {
            return new FleetPackRow(packId, i.vehicleId().value(), vehicleModel, i.climate(), i.archetype(), productionWeek,
                    laminationBand, PackStatus.IN_SERVICE, cellCount, nominalCapacityKwh, sohCapacity, sohResistance, efc, km,
                    usageRecords, ev, seqNr, at);
        } else if (event instanceof PackEvent.UsageRecorded u) {
            return new FleetPackRow(packId, vehicleId, vehicleModel, climate, archetype, productionWeek, laminationBand, status,
                    cellCount, nominalCapacityKwh, u.stateOfHealthAfter(), u.relativeResistanceAfter(),
                    efc + u.equivalentFullCycles(), km + u.km(), usageRecords + 1, ev, seqNr, at);
        } else if (event instanceof PackEvent.NegativeEventRecorded) {
            return new FleetPackRow(packId, vehicleId, vehicleModel, climate, archetype, productionWeek, laminationBand, status,
                    cellCount, nominalCapacityKwh, sohCapacity, sohResistance, efc, km, usageRecords, ev, seqNr, at);
        }
        throw new IllegalArgumentException("unknown pack event " + event.getClass().getName());
    }

    /** ISO-8601 week-based year and week of an instant (UTC), e.g. {@code 2028-W01}. */
    public static String productionWeek(Instant at) {
        var d = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return String.format(Locale.ROOT, "%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The band of the cells' mean lamination temperature: {@code [lo, lo + 5)} degC written {@code lo-hi}, with
     * {@code lo} a multiple of 5 (120.0 -> {@code 120-125}, 118.3 -> {@code 115-120}); {@code unknown} without factors.
     */
    public static String laminationBand(List<ManufacturingFactors> factors) {
        if (factors == null || factors.isEmpty()) return UNKNOWN;
        double sum = 0;
        for (ManufacturingFactors f : factors) sum += f.laminationTemperatureC();
        double mean = sum / factors.size();
        long lo = (long) (Math.floor(mean / LAMINATION_BAND_C) * LAMINATION_BAND_C);
        return lo + "-" + (lo + (long) LAMINATION_BAND_C);
    }
}
