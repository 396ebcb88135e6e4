package org.ssbtwin.fleet.ageing.reference;

/**
 * Scratch view of one chunk's stressors (reference-ageing-models.md section 1.3, step 5), filled by the driver
 * and read by a model kernel. Preallocated once per simulator; reused for every chunk so the update loop
 * allocates nothing. Not thread-safe, never exposed.
 */
final class ChunkStressors {

    /** Input time array (s), indexed by input sample ({@code start + k}). */
    double[] timeS;
    /** Model temperature terms from {@link ModelKernel#temperatureTerms(double[])}, indexed like {@link #timeS}. */
    double[][] temperatureTerms;
    /** Input index of the chunk's first sample. */
    int start;
    /** Number of samples in the chunk. */
    int m;
    /** Rescaled (and possibly clipped) SOC, index 0..m-1. */
    final double[] soc;
    /** U_a(soc'), index 0..m-1. */
    final double[] ua;
    /** Scratch for per-sample rate values before time averaging. */
    final double[][] sampleRates;

    double deltaTDays;
    double deltaEfc;
    double dod;
    double crate;
    double cdis;
    double meanSoc;

    ChunkStressors(int capacity, int rateSlots) {
        soc = new double[capacity];
        ua = new double[capacity];
        sampleRates = new double[rateSlots][capacity];
    }

    /**
     * BLAST's time average of a per-sample rate: {@code np.trapz(v, x=t_secs) / (t_secs[-1] - t_secs[0])}.
     */
    double timeAverage(double[] v) {
        double[] t = timeS;
        int s = start;
        double acc = 0;
        for (int k = 0; k < m - 1; k++) {
            acc += (t[s + k + 1] - t[s + k]) * (v[k + 1] + v[k]) / 2.0;
        }
        return acc / (t[s + m - 1] - t[s]);
    }
}
