package org.ssbtwin.fleet.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ssbtwin.core.id.CellId;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.core.quality.SeriesCellProfile;
import org.ssbtwin.fleet.ageing.AgeingChange;
import org.ssbtwin.fleet.ageing.AgeingSnapshot;
import org.ssbtwin.fleet.pack.NegativeEvents;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * What the battery passport needs of a pack beyond its {@link FleetPackRow} (a row of {@code fleet_pack_passport},
 * keyed by pack id), folded from the pack's events in journal order by the fleet projection, so that every passport
 * of the fleet can be built from two tables instead of a journal fold per pack: the pack's assembly and installation,
 * its cells per plant site, the facts of its use (energy throughput, telemetry periods, mean cell temperatures,
 * negative events) and the two values of the ageing state the passport shows (state of charge of the current month,
 * days aged, for the self-discharge), each computed as the pack entity's state gives it.
 *
 * @param firstSeqNr sequence number of the first event folded in: 1 when the row holds the pack's whole life (a row
 *        started later, e.g. on a database projected before this table existed, is incomplete and not used)
 * @param lastSeqNr sequence number of the last event folded in
 * @param healthAt the end of the last usage period (the assembly before any), the time of every dynamic value
 * @param cellSites the pack's cells per plant site code ({@code DK1=112}, sites sorted, {@code ;}-separated)
 * @param worstDefectSeverity the worst series element's latent defect severity (the ageing model's self-discharge
 *        growth), 0 for a pack assembled without manufacturing factors
 * @param stateOfChargePct mean state of charge, percent, of the recorded days of the month of the last usage
 *        (null without use)
 * @param ageingDays days the ageing model aged the pack
 * @param minMeanCellTempC lowest usage period mean cell temperature, NaN without use
 * @param sumMeanCellTempC sum of the usage periods' mean cell temperatures (mean = sum / usage periods)
 */
public record PackPassportRow(String packId, long firstSeqNr, long lastSeqNr, Instant assembledAt, Instant installedAt,
                              Instant healthAt, String cellSites, double worstDefectSeverity, double throughputKwh,
                              long telemetryPeriods, double minMeanCellTempC, double maxMeanCellTempC,
                              double sumMeanCellTempC, Double stateOfChargePct, int ageingDays, boolean observedFailure,
                              NegativeEvents negativeEvents) {
    public PackPassportRow {
        negativeEvents = negativeEvents == null ? NegativeEvents.NONE : negativeEvents;
    }

    public static PackPassportRow empty(String packId) {
        return new PackPassportRow(packId, 0, 0, null, null, null, "", 0, 0, 0, Double.NaN, Double.NaN, 0, null, 0, false,
                NegativeEvents.NONE);
    }

    public boolean hasApplied(long seqNr) {
        return seqNr <= lastSeqNr;
    }

    /** Whether the row holds the pack's whole life (its first event was folded in). */
    public boolean complete() {
        return firstSeqNr == 1;
    }

    /** The row after one more event of this pack; an already-applied sequence number returns the row unchanged. */
    public PackPassportRow apply(PackEvent event, long seqNr) {
        if (hasApplied(seqNr)) return this;
        long first = firstSeqNr == 0 ? seqNr : firstSeqNr;
        if (event instanceof PackEvent.Assembled a) {
            SeriesCellProfile profile = Pack.unknown(a.packId()).apply(a).cellProfile();
            double severity = profile == null ? SeriesCellProfile.nominal(1).maxLatentDefectSeverity() : profile.maxLatentDefectSeverity();
            return new PackPassportRow(packId, first, seqNr, a.at(), installedAt, a.at(), cellSites(cellsBySite(a.cells())), severity,
                    throughputKwh, telemetryPeriods, minMeanCellTempC, maxMeanCellTempC, sumMeanCellTempC, stateOfChargePct,
                    ageingDays, observedFailure, negativeEvents);
        } else if (event instanceof PackEvent.Installed i) {
            return new PackPassportRow(packId, first, seqNr, assembledAt, i.at(), healthAt, cellSites, worstDefectSeverity,
                    throughputKwh, telemetryPeriods, minMeanCellTempC, maxMeanCellTempC, sumMeanCellTempC, stateOfChargePct,
                    ageingDays, observedFailure, negativeEvents);
        } else if (event instanceof PackEvent.UsageRecorded u) {
            double t = u.meanCellTemperatureC();
            double min = minMeanCellTempC, max = maxMeanCellTempC, sum = sumMeanCellTempC;
            if (Double.isFinite(t)) {
                min = Double.isNaN(min) ? t : Math.min(min, t);
                max = Double.isNaN(max) ? t : Math.max(max, t);
                sum += t;
            }
            Double soc = stateOfChargePct;
            int days = ageingDays;
            boolean failure = observedFailure;
            if (u.ageingAfter() != null || u.ageingChange() != null) {
                int month = LocalDate.ofInstant(u.periodEnd().minusSeconds(1), ZoneOffset.UTC).getMonthValue() - 1;
                if (u.ageingAfter() != null) {
                    AgeingSnapshot s = u.ageingAfter();
                    days = s.days();
                    failure = s.observedFailure();
                    soc = s.monthlyUsage().size() == AgeingChange.SUMS
                            ? stateOfChargePct(days, s.monthlyUsage(), month * AgeingChange.SUMS_PER_MONTH) : null;
                } else {
                    AgeingChange c = u.ageingChange();
                    days = c.days();
                    failure = c.observedFailure();
                    int k = c.months().indexOf(month);
                    soc = k < 0 ? null : stateOfChargePct(days, c.monthSums(), k * AgeingChange.SUMS_PER_MONTH);
                }
            }
            return new PackPassportRow(packId, first, seqNr, assembledAt, installedAt, u.periodEnd(), cellSites, worstDefectSeverity,
                    throughputKwh + u.energyKwh(), telemetryPeriods + ("telemetry".equals(u.source()) ? 1 : 0), min, max, sum,
                    soc, days, failure, negativeEvents);
        } else if (event instanceof PackEvent.NegativeEventRecorded n) {
            return new PackPassportRow(packId, first, seqNr, assembledAt, installedAt, healthAt, cellSites, worstDefectSeverity,
                    throughputKwh, telemetryPeriods, minMeanCellTempC, maxMeanCellTempC, sumMeanCellTempC, stateOfChargePct,
                    ageingDays, observedFailure, negativeEvents.with(n));
        }
        throw new IllegalArgumentException("unknown pack event " + event.getClass().getName());
    }

    /**
     * Mean state of charge, percent, of one month's usage sums (days at {@code offset}, the SoC sum three after it, as
     * {@code PackAgeingState} keeps them); null without recorded days. The pack entity's passport uses the same.
     */
    public static Double stateOfChargePct(int ageingDays, List<Double> sums, int offset) {
        if (ageingDays == 0) return null;
        double days = sums.get(offset);
        if (!(days > 0)) return null;
        return 100.0 * sums.get(offset + 3) / days;
    }

    /** The site code of an asset id ("DK1" of "C-DK1-00000001"), "" when it has none. */
    public static String site(String assetId) {
        int a = assetId.indexOf('-');
        int b = assetId.lastIndexOf('-');
        return a >= 0 && b > a ? assetId.substring(a + 1, b) : "";
    }

    /** A pack's cells per site code, sites sorted. */
    public static Map<String, Integer> cellsBySite(List<CellId> cells) {
        Map<String, Integer> out = new TreeMap<>();
        for (CellId c : cells) out.merge(site(c.value()), 1, Integer::sum);
        return Collections.unmodifiableMap(out);
    }

    /** {@link #cellSites} as a map. */
    public Map<String, Integer> cellsBySite() {
        Map<String, Integer> out = new TreeMap<>();
        if (cellSites == null || cellSites.isEmpty()) return out;
        for (String part : cellSites.split(";")) {
            int eq = part.lastIndexOf('=');
            out.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return Collections.unmodifiableMap(out);
    }

    static String cellSites(Map<String, Integer> bySite) {
        StringBuilder b = new StringBuilder();
        bySite.forEach((s, n) -> b.append(b.isEmpty() ? "" : ";").append(s).append('=').append(n));
        return b.toString();
    }

    /** The pack id as an id. */
    public PackId id() {
        return PackId.of(packId);
    }
}
