package org.ssbtwin.fleet.ageing.reference;

/**
 * One input pass for the BLAST-Lite driver: time (s, strictly increasing), SOC (fraction) and cell temperature
 * (degC; BLAST has no thermal model, the input temperature is the cell temperature), all of equal length, plus
 * the {@link ChunkPlan} derived from it. Immutable; arrays are copied in and out.
 */
public final class ReferenceInput {

    private final double[] timeS;
    private final double[] soc;
    private final double[] temperatureC;
    private final ChunkPlan chunkPlan;

    private ReferenceInput(double[] timeS, double[] soc, double[] temperatureC) {
        this.timeS = timeS;
        this.soc = soc;
        this.temperatureC = temperatureC;
        this.chunkPlan = ChunkPlan.of(timeS, soc);
    }

    /**
     * Validates and copies the three series and computes the chunk plan with BLAST's default breakpoint rules.
     *
     * @throws IllegalArgumentException if lengths differ, fewer than 2 samples, time not strictly increasing or
     *         any value not finite
     */
    public static ReferenceInput of(double[] timeS, double[] soc, double[] temperatureC) {
        if (timeS.length != soc.length || timeS.length != temperatureC.length) {
            throw new IllegalArgumentException("Time_s, SOC and Temperature_C must have equal length, were "
                    + timeS.length + ", " + soc.length + ", " + temperatureC.length);
        }
        if (timeS.length < 2) {
            throw new IllegalArgumentException("at least 2 samples are needed, got " + timeS.length);
        }
        for (int k = 0; k < timeS.length; k++) {
            if (!Double.isFinite(timeS[k]) || !Double.isFinite(soc[k]) || !Double.isFinite(temperatureC[k])) {
                throw new IllegalArgumentException("non-finite input at sample " + k);
            }
            if (k > 0 && !(timeS[k] > timeS[k - 1])) {
                throw new IllegalArgumentException("Time_s must be strictly increasing (sample " + k + ")");
            }
        }
        return new ReferenceInput(timeS.clone(), soc.clone(), temperatureC.clone());
    }

    public int length() {
        return timeS.length;
    }

    public double[] timeS() {
        return timeS.clone();
    }

    public double[] soc() {
        return soc.clone();
    }

    public double[] temperatureC() {
        return temperatureC.clone();
    }

    public ChunkPlan chunkPlan() {
        return chunkPlan;
    }

    // zero-copy access for the driver (package-private, never mutated)
    double[] timeSRef() {
        return timeS;
    }

    double[] socRef() {
        return soc;
    }

    double[] temperatureCRef() {
        return temperatureC;
    }
}
