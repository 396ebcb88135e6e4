package org.ssbtwin.fleet.ageing.reference;

import java.util.Arrays;

/**
 * The BLAST-Lite 1.1.0 simulation driver ({@code simulate_battery_life}, reference-ageing-models.md section 1.3)
 * for one model and one input, reproduced exactly: chunks from the input's {@link ChunkPlan} (one-sample gap
 * included), SOC rescaling {@code s' = s_first + (s - s_first)/q} with clipping of the whole chunk to [0,1] when any
 * sample leaves it, per-chunk stressors (dt, dEFC, DOD, time-averaged C-rate with the 0.01 cutoff, discharge
 * C-rate), trapezoid time averaging of the rates, state update times {@code degradationScalar}, thresholds, and
 * replay of the whole input from its original SOC until a threshold is met. NaN propagates as in BLAST.
 *
 * <p>Temperature terms and the chunk plan are computed once in the constructor; every chunk then works in
 * preallocated scratch arrays and the update loop allocates nothing (only the output history grows, and it is
 * presized from the time threshold). One simulator may run many cells (different degradation scalars) one after
 * another; it is not thread-safe.
 */
public final class ReferenceSimulator {

    private static final double SECONDS_PER_DAY = 24 * 60 * 60;
    private static final double SECONDS_PER_HOUR = 60 * 60;
    private static final double CRATE_CUTOFF = 1e-2;

    private final ReferenceModel model;
    private final ModelKernel kernel;
    private final ReferenceInput input;
    private final ChunkPlan plan;
    private final ChunkStressors chunk;
    private final double[] rates;
    private final double[] states;

    /** Prepares the driver for {@code model} on {@code input} (temperature terms, scratch arrays). */
    public ReferenceSimulator(ReferenceModel model, ReferenceInput input) {
        this.model = model;
        this.kernel = (ModelKernel) model;
        this.input = input;
        this.plan = input.chunkPlan();
        String[] rateNames = kernel.rateKeys();
        this.chunk = new ChunkStressors(Math.max(2, plan.maxChunkLength()), Math.max(5, rateNames.length));
        this.chunk.timeS = input.timeSRef();
        this.chunk.temperatureTerms = kernel.temperatureTerms(input.temperatureCRef());
        this.rates = new double[rateNames.length];
        this.states = new double[kernel.stateCount()];
    }

    public ReferenceModel model() {
        return model;
    }

    public ReferenceInput input() {
        return input;
    }

    /** Runs with {@code degradation_scalar = 1}. */
    public ReferenceTrajectory simulate(StopCriteria stop) {
        return simulate(stop, 1.0);
    }

    /**
     * Runs the BLAST driver from a new cell until {@code stop} is met.
     *
     * @param degradationScalar BLAST's {@code degradation_scalar}: every state increment is multiplied by it
     */
    public ReferenceTrajectory simulate(StopCriteria stop, double degradationScalar) {
        double[] t = input.timeSRef();
        double maxYears = stop.maxYears();
        double minCapacity = stop.minCapacity();
        double maxEfc = stop.maxEfc();
        if (stop.noneGiven()) {
            maxYears = (t[t.length - 1] - 1) / (365 * 86400.0);
        }
        double capYears = Double.isNaN(maxYears) ? StopCriteria.SAFETY_CAP_YEARS : Double.POSITIVE_INFINITY;

        int chunksPerPass = plan.chunkCount();
        int capacityRows;
        if (Double.isFinite(maxYears) && maxYears >= 0) {
            double passes = Math.ceil(maxYears * 365 / plan.countedDaysPerPass()) + 1;
            capacityRows = (int) Math.min(Integer.MAX_VALUE - 8, passes * chunksPerPass + 1);
        } else {
            capacityRows = 16 * chunksPerPass + 1;
        }
        double[] outT = new double[capacityRows];
        double[] outEfc = new double[capacityRows];
        double[] outQ = new double[capacityRows];
        double[] outR = new double[capacityRows];

        kernel.initialStates(states);
        boolean hasR = model.hasResistance();
        // BLAST's constructor outputs: q = 1, r = 1 (not derived from the initial states)
        double q = 1;
        double r = hasR ? 1 : Double.NaN;
        double tDays = 0;
        double efc = 0;
        outT[0] = 0;
        outEfc[0] = 0;
        outQ[0] = q;
        outR[0] = r;
        int rows = 1;

        int ci = 0;
        while (true) {
            fillStressors(plan.chunkStart(ci), plan.chunkEnd(ci), q);
            kernel.computeRates(chunk, rates);
            kernel.updateStates(chunk, rates, states, degradationScalar);
            q = kernel.capacity(states);
            r = kernel.resistance(states);
            tDays = tDays + chunk.deltaTDays;
            efc = efc + chunk.deltaEfc;
            if (rows == outT.length) {
                int newLen = outT.length + (outT.length >> 1) + 1;
                outT = Arrays.copyOf(outT, newLen);
                outEfc = Arrays.copyOf(outEfc, newLen);
                outQ = Arrays.copyOf(outQ, newLen);
                outR = Arrays.copyOf(outR, newLen);
            }
            outT[rows] = tDays;
            outEfc[rows] = efc;
            outQ[rows] = q;
            outR[rows] = r;
            rows++;
            double years = tDays / 365;
            if (years > maxYears || q < minCapacity || efc > maxEfc || years > capYears) {
                break;
            }
            ci++;
            if (ci == chunksPerPass) {
                ci = 0; // replay the whole input from its original SOC; no time between passes
            }
        }
        return new ReferenceTrajectory(model.name(), hasR, Arrays.copyOf(outT, rows), Arrays.copyOf(outEfc, rows),
                Arrays.copyOf(outQ, rows), Arrays.copyOf(outR, rows));
    }

    /** BLAST's SOC rescaling and {@code _extract_stressors} for chunk [start..end] at current capacity q. */
    private void fillStressors(int start, int end, double q) {
        ChunkStressors c = chunk;
        double[] t = input.timeSRef();
        double[] soc = input.socRef();
        double[] sp = c.soc;
        double[] ua = c.ua;
        int m = end - start + 1;
        c.start = start;
        c.m = m;

        // SOC rescaling (is_conserve_energy_throughput=True); clip everything if any sample leaves [0, 1]
        double sFirst = soc[start];
        boolean clip = false;
        for (int k = 0; k < m; k++) {
            double v = sFirst + (soc[start + k] - sFirst) / q;
            sp[k] = v;
            if (v > 1 || v < 0) {
                clip = true;
            }
        }
        if (clip) {
            for (int k = 0; k < m; k++) {
                sp[k] = Math.min(Math.max(sp[k], 0), 1);
            }
        }

        c.deltaTDays = t[end] / SECONDS_PER_DAY - t[start] / SECONDS_PER_DAY;
        double sumAbs = 0;
        double sum = 0;
        double min = sp[0];
        double max = sp[0];
        double crateTrapz = 0;
        double cPrev = 0;
        for (int k = 0; k < m; k++) {
            double v = sp[k];
            if (k > 0 && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(sp[k - 1])) {
                ua[k] = ua[k - 1]; // identical SOC gives the identical U_a
            } else {
                ua[k] = AnodePotential.ua(v);
            }
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (k > 0) {
                int i = start + k;
                double ds = v - sp[k - 1];
                sumAbs += Math.abs(ds);
                double ck = Math.abs(ds / (t[i] / SECONDS_PER_HOUR - t[i - 1] / SECONDS_PER_HOUR));
                if (ck < CRATE_CUTOFF) {
                    ck = 0;
                }
                if (k > 1) {
                    // np.trapz(c, x=t_days[1:]): interval values placed at the interval's right-end time
                    crateTrapz += (t[i] / SECONDS_PER_DAY - t[i - 1] / SECONDS_PER_DAY) * (ck + cPrev) / 2.0;
                }
                cPrev = ck;
            }
        }
        c.meanSoc = sum / m;
        c.dod = max - min;
        // assumption (order of operations not visible in the spec): the chunk-sum of |dSOC|/2 is multiplied by q,
        // and the C-rate is set to 0 when NaN before it is multiplied by q, as in BLAST's LG M50 stressor code.
        c.deltaEfc = sumAbs / 2 * q;
        double crateRaw = crateTrapz / c.deltaTDays;
        c.crate = (Double.isNaN(crateRaw) ? 0 : crateRaw) * q;
        if (kernel.usesDischargeCrate()) {
            double cdis = Double.isNaN(crateRaw) ? 0 : dischargeCrate(start, m);
            c.cdis = Math.abs(cdis * q);
        } else {
            c.cdis = 0;
        }
    }

    /**
     * LG M50 discharge C-rate: signed interval C-rates (|c| &lt; 0.01 set to 0), discharge intervals only,
     * trapezoid over the cumulative discharge time divided by its span (one interval: its value; none: 0).
     */
    private double dischargeCrate(int start, int m) {
        double[] t = input.timeSRef();
        double[] sp = chunk.soc;
        int count = 0;
        double tau = 0;
        double tauFirst = 0;
        double cPrev = 0;
        double trapz = 0;
        double only = 0;
        for (int k = 1; k < m; k++) {
            int i = start + k;
            double dt = t[i] - t[i - 1];
            double ck = (sp[k] - sp[k - 1]) / (dt / 3600);
            if (Math.abs(ck) < CRATE_CUTOFF) {
                ck = 0;
            }
            if (ck < 0) {
                double tauPrev = tau;
                tau = tau + dt;
                if (count == 0) {
                    tauFirst = tau;
                    only = ck;
                } else {
                    trapz += (tau - tauPrev) * (ck + cPrev) / 2.0;
                }
                cPrev = ck;
                count++;
            }
        }
        if (count > 1) {
            return trapz / (tau - tauFirst);
        }
        return count == 1 ? only : 0;
    }
}
