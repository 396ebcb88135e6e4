package org.ssbtwin.plant.layout;

/**
 * Ramp-up learning after SOP (all parameters assumed): multipliers relax exponentially from their SOP value to 1
 * with time constant {@code timeConstantDays}. Scrap is multiplied (DOMAIN 2.4: >30% scrap at SOP, 5-12% steady),
 * MTBF multiplied by a factor < 1 at SOP (more breakdowns) and MTTR by a factor > 1 (slower repairs), which
 * gives the low ramp-up OEE (DOMAIN 2.4: <= 40% not uncommon).
 */
public record LearningCurve(double initialScrapMultiplier, double initialMtbfFactor, double initialMttrFactor,
                            double timeConstantDays) {

    public static final LearningCurve NONE = new LearningCurve(1, 1, 1, 1);

    public LearningCurve {
        if (!(initialScrapMultiplier >= 1)) throw new IllegalArgumentException("initialScrapMultiplier must be >= 1, was " + initialScrapMultiplier);
        if (!(initialMtbfFactor > 0 && initialMtbfFactor <= 1)) throw new IllegalArgumentException("initialMtbfFactor must be in (0, 1], was " + initialMtbfFactor);
        if (!(initialMttrFactor >= 1)) throw new IllegalArgumentException("initialMttrFactor must be >= 1, was " + initialMttrFactor);
        if (!(timeConstantDays > 0)) throw new IllegalArgumentException("timeConstantDays must be > 0, was " + timeConstantDays);
    }

    private double relax(double initial, double daysSinceSop) {
        double d = Math.max(0, daysSinceSop);
        return 1 + (initial - 1) * Math.exp(-d / timeConstantDays);
    }

    public double scrapMultiplier(double daysSinceSop) { return relax(initialScrapMultiplier, daysSinceSop); }

    public double mtbfFactor(double daysSinceSop) { return relax(initialMtbfFactor, daysSinceSop); }

    public double mttrFactor(double daysSinceSop) { return relax(initialMttrFactor, daysSinceSop); }
}
