package org.ssbtwin.api.passport;

import java.time.Instant;
import org.ssbtwin.core.id.PackId;
import org.ssbtwin.fleet.pack.Pack;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * What a passport needs of a pack's past, folded from its events in journal order (all of them for the passport
 * now, those up to a date for the passport at that date): the pack's state (the same fold as the pack entity),
 * when it was assembled and put into service, and its temperature record from the usage events (each carries the
 * period's mean cell temperature) with the periods above the rated upper temperature counted as overheating.
 * Mutable while folding, like {@link org.ssbtwin.fleet.pack.PackHistory}; {@link #facts()} is the immutable result.
 */
public final class PackPassportFacts {
    /**
     * @param pack the pack as the twin knows it at the end of the fold
     * @param assembledAt the pack's assembly (its manufacturing date); null before
     * @param installedAt when it went into a vehicle (its putting into service); null before
     * @param usagePeriods usage events folded; {@code telemetryPeriods} of them from vehicle telemetry (measured),
     *        the others from the twin's simulation
     * @param overheatingPeriods usage periods whose mean cell temperature exceeded {@code overheatingAboveC}
     * @param overheatingAboveC the rated upper temperature that counts as overheating; NaN when none is declared
     *        (overheating then is not assessed)
     * @param minMeanCellTempC lowest period mean cell temperature (NaN without usage)
     */
    public record Facts(Pack pack, Instant assembledAt, Instant installedAt, int usagePeriods, int telemetryPeriods,
                        int overheatingPeriods, Instant lastOverheatingAt, double overheatingAboveC,
                        double minMeanCellTempC, double maxMeanCellTempC, double meanCellTempC) {
        /** Were the usage values measured in the vehicle (every period from telemetry) or simulated by the twin? */
        public boolean measured() {
            return usagePeriods > 0 && telemetryPeriods == usagePeriods;
        }
    }

    private final double overheatingAboveC;
    private Pack pack;
    private Instant assembledAt;
    private Instant installedAt;
    private int usage;
    private int telemetry;
    private int overheating;
    private Instant lastOverheatingAt;
    private double minT = Double.NaN;
    private double maxT = Double.NaN;
    private double sumT;

    public PackPassportFacts(PackId id, double overheatingAboveC) {
        this.pack = Pack.unknown(id);
        this.overheatingAboveC = overheatingAboveC;
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
                if (t > overheatingAboveC) {
                    overheating++;
                    lastOverheatingAt = u.periodEnd();
                }
            }
        }
        return this;
    }

    public Facts facts() {
        return new Facts(pack, assembledAt, installedAt, usage, telemetry, overheating, lastOverheatingAt, overheatingAboveC,
                minT, maxT, usage == 0 ? Double.NaN : sumT / usage);
    }
}
