package org.ssbtwin.fleet.ageing.reference;

/**
 * Driver hooks every {@link ReferenceModel} implements (package-private so the public model API stays small).
 * Mirrors BLAST-Lite's {@code update_rates}, {@code update_states} and {@code update_outputs}.
 */
interface ModelKernel {

    /** Names of the rates, in the order {@link #computeRates} writes them (BLAST's {@code self.rates} keys). */
    String[] rateKeys();

    int stateCount();

    /** Initial states (BLAST's constructor values). */
    void initialStates(double[] y);

    /** Whether the driver must compute the discharge C-rate stressor ({@code Cdis}). */
    boolean usesDischargeCrate();

    /**
     * Per-input-sample terms that depend on temperature only (computed once per input; exact sub-expressions of
     * BLAST's rate formulas, evaluated in BLAST's operation order).
     */
    double[][] temperatureTerms(double[] temperatureC);

    /** BLAST {@code update_rates}: fills {@code rates} (length {@code rateKeys().length}). */
    void computeRates(ChunkStressors c, double[] rates);

    /** BLAST {@code update_states}: adds the chunk's increments (times {@code degradationScalar}) to {@code y}. */
    void updateStates(ChunkStressors c, double[] rates, double[] y, double degradationScalar);

    /** Relative capacity q from the states (BLAST {@code update_outputs}). */
    double capacity(double[] y);

    /** Relative resistance r from the states, NaN when the model has no resistance output. */
    double resistance(double[] y);
}
