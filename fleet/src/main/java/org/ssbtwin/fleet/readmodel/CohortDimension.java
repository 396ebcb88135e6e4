package org.ssbtwin.fleet.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a fleet cohort is grouped by; {@link #parameter()} is its name in queries ({@code ?by=vehicleModel}). */
public enum CohortDimension {
    VEHICLE_MODEL("vehicleModel"),
    CLIMATE("climate"),
    ARCHETYPE("archetype"),
    /** ISO week of pack assembly (the pack leaves the plant that week), e.g. {@code 2028-W05}. */
    PRODUCTION_WEEK("productionWeek"),
    /** Mean lamination temperature of the pack's cells, in bands of {@link FleetPackRow#LAMINATION_BAND_C} degC. */
    LAMINATION_BAND("laminationBand");

    private final String parameter;

    CohortDimension(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<CohortDimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(value)).findFirst();
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(CohortDimension::parameter).toList();
    }
}
