package org.ssbtwin.fleet.ageing.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BLAST-Lite 1.1.0 semi-empirical Li-ion life model ported to Java (reference-ageing-models.md sections 2-4).
 * Implementations are immutable parameter sets; the evolving states live in a {@link ReferenceSimulator} run.
 *
 * <p>Models by name: {@code nmc111-gr-kokam75ah} ({@link Nmc111GrKokam75Ah}, Smith et al., ACC 2017),
 * {@code lfp-gr-sonymurata3ah} ({@link LfpGrSonyMurata3Ah}, Naumann et al. 2018/2020, Gasper et al. 2022),
 * {@code nmc811-grsi-lgm50} ({@link Nmc811GrSiLgM50}, Truong Bui et al. 2021).
 */
public sealed interface ReferenceModel permits Nmc111GrKokam75Ah, LfpGrSonyMurata3Ah, Nmc811GrSiLgM50 {

    /** Names accepted by {@link #byName(String)}, in a fixed order. */
    List<String> NAMES = List.of(Nmc111GrKokam75Ah.NAME, LfpGrSonyMurata3Ah.NAME, Nmc811GrSiLgM50.NAME);

    /** Twin model name, e.g. {@code nmc111-gr-kokam75ah}. */
    String name();

    /** BLAST-Lite plot label, e.g. {@code NMC111-Gr Kokam}. */
    String label();

    /** Nominal capacity of the tested cell, Ah. */
    double nominalCapacityAh();

    /** Whether the model has a relative-resistance output r. */
    boolean hasResistance();

    /** Rate names in BLAST's order ({@code self.rates} keys), e.g. {@code q1, q3, q5}. */
    default List<String> rateNames() {
        return List.of(((ModelKernel) this).rateKeys());
    }

    /**
     * BLAST's {@code update_rates} at a constant condition: the same per-sample code and time averaging the
     * driver uses, applied to a 2-sample chunk of one hour at {@code condition}.
     *
     * @return rate name to value, in {@link #rateNames()} order
     */
    default Map<String, Double> ratesAt(RateCondition condition) {
        ModelKernel kernel = (ModelKernel) this;
        String[] names = kernel.rateKeys();
        ChunkStressors c = new ChunkStressors(2, names.length);
        c.timeS = new double[] {0, 3600};
        c.temperatureTerms = kernel.temperatureTerms(
                new double[] {condition.temperatureC(), condition.temperatureC()});
        c.start = 0;
        c.m = 2;
        c.soc[0] = condition.soc();
        c.soc[1] = condition.soc();
        c.ua[0] = AnodePotential.ua(condition.soc());
        c.ua[1] = c.ua[0];
        c.meanSoc = condition.soc();
        c.dod = condition.dod();
        c.crate = condition.crate();
        c.cdis = condition.dischargeCrate();
        c.deltaTDays = 3600 / 86400.0;
        c.deltaEfc = 0;
        double[] rates = new double[names.length];
        kernel.computeRates(c, rates);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], rates[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The model with the given twin name.
     *
     * @throws IllegalArgumentException naming the valid names if {@code name} is unknown
     */
    static ReferenceModel byName(String name) {
        if (name != null) {
            switch (name) {
                case Nmc111GrKokam75Ah.NAME:
                    return Nmc111GrKokam75Ah.INSTANCE;
                case LfpGrSonyMurata3Ah.NAME:
                    return LfpGrSonyMurata3Ah.INSTANCE;
                case Nmc811GrSiLgM50.NAME:
                    return Nmc811GrSiLgM50.INSTANCE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown reference ageing model '" + name + "'; valid names: "
                + String.join(", ", NAMES));
    }
}
