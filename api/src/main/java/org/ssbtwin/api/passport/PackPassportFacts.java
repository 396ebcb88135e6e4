package org.ssbtwin.api.passport;

import java.time.Instant;
import java.util.Map;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.ageing.AgeingChange;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.fleet.ageing.SsbAgeingModel;
import org.ssbtwin.fleet.entity.PackAgeing;
import org.ssbtwin.fleet.pack.NegativeEvents;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;
import org.ssbtwin.fleet.pack.PackStatus;
import org.ssbtwin.fleet.readmodel.FleetPackRow;
import org.ssbtwin.fleet.readmodel.PackPassportRow;
import org.ssbtwin.plant.cell.CellDesign;

/**
 * What a passport needs of a pack's past, folded from its events in journal order (all of them for the passport
 * now, those up to a date for the passport at that date): the pack's state (the same fold as the pack entity),
 * when it was assembled and put into service, and its temperature record from the usage events (each carries the
 * period's mean cell temperature). Mutable while folding, like {@link org.ssbtwin.fleet.pack.PackHistory};
 * {@link #facts()} is the immutable result. The fleet read side keeps the same facts per pack
 * ({@link Facts#of(FleetPackRow, PackPassportRow)}), which is how the NDJSON export builds 100,000 passports.
 */
public final class PackPassportFacts {
    private static final PackAgeing AGEING = PackAgeing.standard();

    /**
     * The facts a passport is built from, whichever way they were gathered (pack entity's journal or read side).
     *
     * @param revision events of the pack so far (the passport's version)
     * @param asOf the time of every dynamic value: the end of the pack's last usage period (its assembly before use)
     * @param assembledAt the pack's assembly (its manufacturing date)
     * @param installedAt when it went into a vehicle (its putting into service); null before
     * @param stateOfHealth capacity relative to new; {@code relativeResistance} resistance relative to new
     * @param selfDischargeNewPctPerDay the worst cell's self-discharge when new (ageing model); {@code
     *        selfDischargePctPerDay} now
     * @param stateOfChargePct mean SoC of the recorded days of the month of the last use, percent; null without use
     * @param observedFailure whether the ageing state observed a failure of the pack
     * @param negativeEvents deep discharges and overheating days (the pack state's tally)
     * @param usagePeriods usage events folded; {@code telemetryPeriods} of them from vehicle telemetry (measured),
     *        the others from the twin's simulation
     * @param minMeanCellTempC lowest period mean cell temperature (NaN without usage)
     */
    public record Facts(String packId, String vehicleModel, String vehicleId, int cellCount, Map<String, Integer> cellsBySite,
                        double nominalCapacityKwh, long revision, Instant asOf, Instant assembledAt, Instant installedAt,
                        double stateOfHealth, double relativeResistance, double equivalentFullCycles, double throughputKwh,
                        double selfDischargeNewPctPerDay, double selfDischargePctPerDay, Double stateOfChargePct,
                        boolean observedFailure, NegativeEvents negativeEvents, long usagePeriods, long telemetryPeriods,
                        double minMeanCellTempC, double maxMeanCellTempC, double meanCellTempC) {
        public Facts {
            cellsBySite = Map.copyOf(cellsBySite);
        }

        /** Were the usage values measured in the vehicle (every period from telemetry) or simulated by the twin? */
        public boolean measured() {
            return usagePeriods > 0 && telemetryPeriods == usagePeriods;
        }

        /** The pack's rated values, from its vehicle model's design. */
        public RatedPackDesign design(CellDesign cellDesign) {
            return RatedPackDesign.of(vehicleModel, cellCount, nominalCapacityKwh, cellDesign);
        }

        /** The same facts of another pack id (for benchmarks that multiply a few sample lives). */
        public Facts withPackId(String id) {
            return new Facts(id, vehicleModel, vehicleId, cellCount, cellsBySite, nominalCapacityKwh, revision, asOf, assembledAt,
                    installedAt, stateOfHealth, relativeResistance, equivalentFullCycles, throughputKwh, selfDischargeNewPctPerDay,
                    selfDischargePctPerDay, stateOfChargePct, observedFailure, negativeEvents, usagePeriods, telemetryPeriods,
                    minMeanCellTempC, maxMeanCellTempC, meanCellTempC);
        }

        /** From the pack entity's state and what was folded beside it; null when the pack does not exist. */
        static Facts of(Pack pack, Instant assembledAt, Instant installedAt, long usage, long telemetry, double minT, double maxT,
                        double sumT) {
            if (!pack.exists()) return null;
            AgeingSnapshot a = pack.ageing();
            double now = AGEING.stateOf(pack).worstSelfDischargePctPerDay();
            double asNew = a == null ? now : AGEING.stateOf(withoutAgeing(pack)).worstSelfDischargePctPerDay();
            Double soc = null;
            if (a != null && a.monthlyUsage() != null && a.monthlyUsage().size() == AgeingChange.SUMS && pack.healthAt() != null) {
                int m = java.time.LocalDate.ofInstant(pack.healthAt().minusSeconds(1), java.time.ZoneOffset.UTC).getMonthValue() - 1;
                soc = PackPassportRow.stateOfChargePct(a.days(), a.monthlyUsage(), m * AgeingChange.SUMS_PER_MONTH);
            }
            return new Facts(pack.id().value(), pack.vehicleModel(), pack.vehicleId() == null ? null : pack.vehicleId().value(),
                    pack.cells().size(), PackPassportRow.cellsBySite(pack.cells()), pack.nominalCapacityKwh(), pack.revision(),
                    pack.healthAt() != null ? pack.healthAt() : pack.lastEventAt(), assembledAt, installedAt, pack.stateOfHealth(),
                    pack.relativeResistance(), pack.equivalentFullCycles(), pack.throughputKwh(), asNew, now, soc,
                    a != null && a.observedFailure(), pack.negativeEvents(), usage, telemetry, minT, maxT,
                    usage == 0 ? Double.NaN : sumT / usage);
        }

        /**
         * From the fleet read side's rows of the pack; null when the pack does not exist there or its passport row
         * does not hold its whole life (then the journal is the source).
         */
        public static Facts of(FleetPackRow row, PackPassportRow p) {
            if (row == null || p == null || row.status() == PackStatus.UNKNOWN || !p.complete() || p.lastSeqNr() != row.lastSeqNr()) return null;
            SsbAgeingModel model = SsbAgeingModel.DEFAULT;
            long usage = row.usageRecords();
            return new Facts(row.packId(), row.vehicleModel(), row.vehicleId(), row.cellCount(), p.cellsBySite(), row.nominalCapacityKwh(),
                    row.events(), p.healthAt() != null ? p.healthAt() : row.updatedAt(), p.assembledAt(), p.installedAt(),
                    row.sohCapacity(), row.sohResistance(), row.efc(), p.throughputKwh(),
                    model.worstSelfDischargePctPerDay(p.worstDefectSeverity(), 0),
                    model.worstSelfDischargePctPerDay(p.worstDefectSeverity(), p.ageingDays()), p.stateOfChargePct(),
                    p.observedFailure(), p.negativeEvents(), usage, p.telemetryPeriods(), p.minMeanCellTempC(), p.maxMeanCellTempC(),
                    usage == 0 ? Double.NaN : p.sumMeanCellTempC() / usage);
        }

        private static Pack withoutAgeing(Pack p) {
            return new Pack(p.id(), p.status(), p.vehicleModel(), p.cells(), p.cellProfile(), p.nominalCapacityKwh(), p.vehicleId(),
                    p.climate(), p.archetype(), p.installedAt(), 1.0, 1.0, 0, 0, 0, p.installedAt(), p.recentRecords(), null,
                    p.lastEventAt(), p.revision());
        }
    }

    private Pack pack;
    private Instant assembledAt;
    private Instant installedAt;
    private long usage;
    private long telemetry;
    private double minT = Double.NaN;
    private double maxT = Double.NaN;
    private double sumT;

    public PackPassportFacts(PackId id) {
        this.pack = Pack.unknown(id);
    }

    /** Folds the next event of the pack (non-pack events are ignored). */
    public PackPassportFacts add(Object event) {
        if (!(event instanceof PackEvent e)) return this;
        pack = pack.apply(e);
        if (e instanceof PackEvent.Assembled a) {
            assembledAt = a.at();
        } else if (e instanceof PackEvent.Installed i) {
            installedAt = i.at();
        } else if (e instanceof PackEvent.UsageRecorded u) {
            usage++;
            if ("telemetry".equals(u.source())) telemetry++;
            double t = u.meanCellTemperatureC();
            if (Double.isFinite(t)) {
                minT = Double.isNaN(minT) ? t : Math.min(minT, t);
                maxT = Double.isNaN(maxT) ? t : Math.max(maxT, t);
                sumT += t;
            }
        }
        return this;
    }

    /** The facts, or null when the pack does not exist (yet). */
    public Facts facts() {
        return Facts.of(pack, assembledAt, installedAt, usage, telemetry, minT, maxT, sumT);
    }
}
