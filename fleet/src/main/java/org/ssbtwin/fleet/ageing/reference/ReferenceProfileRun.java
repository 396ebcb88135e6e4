package org.ssbtwin.fleet.ageing.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Result of running one reference model over one duty profile the way the reference runs called BLAST-Lite
 * ({@code cell.simulate_battery_life(input, threshold_time=years)}, all else default), sampled every half year
 * of BLAST time (reference-duty-profiles.md "Output format"): rows t = 0, 0.5, ..., years, values linearly
 * interpolated in t_days between the model's per-chunk updates; the t = 0 row is the initial state.
 *
 * @param modelName twin model name
 * @param profileName duty profile name
 * @param hasResistance whether rows carry r
 * @param rows the sampled rows, immutable
 * @param trajectory the full per-update history behind the rows
 */
public record ReferenceProfileRun(String modelName, String profileName, boolean hasResistance, List<Row> rows,
        ReferenceTrajectory trajectory) {

    /** Row spacing in years. */
    public static final double STEP_YEARS = 0.5;

    /**
     * One output row.
     *
     * @param tYears BLAST time t_days / 365
     * @param efc cumulative equivalent full cycles
     * @param q relative capacity (NaN where BLAST gives NaN)
     * @param r relative resistance (NaN if the model has none)
     */
    public record Row(double tYears, double efc, double q, double r) {
    }

    public ReferenceProfileRun {
        rows = List.copyOf(rows);
    }

    /**
     * Runs {@code modelName} on {@code profileName} for {@code years} of BLAST time.
     *
     * @throws IllegalArgumentException for unknown names (listing the valid ones) or non-positive years
     */
    public static ReferenceProfileRun run(String modelName, String profileName, double years) {
        ReferenceModel model = ReferenceModel.byName(modelName);
        DutyProfile profile = DutyProfile.byName(profileName);
        return run(new ReferenceSimulator(model, profile.input()), profileName, years);
    }

    /** Runs a prepared simulator (reuse it for several runs on the same model and input). */
    public static ReferenceProfileRun run(ReferenceSimulator simulator, String profileName, double years) {
        if (!(years > 0) || !Double.isFinite(years)) {
            throw new IllegalArgumentException("years must be > 0 and finite, was " + years);
        }
        ReferenceTrajectory trajectory = simulator.simulate(StopCriteria.years(years));
        int n = (int) Math.floor(years / STEP_YEARS + 1e-9);
        List<Row> rows = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            double tYears = i * STEP_YEARS;
            double day = tYears * 365;
            rows.add(new Row(tYears, trajectory.interpolateEfc(day), trajectory.interpolateCapacity(day),
                    trajectory.interpolateResistance(day)));
        }
        ReferenceModel model = simulator.model();
        return new ReferenceProfileRun(model.name(), profileName, model.hasResistance(),
                Collections.unmodifiableList(rows), trajectory);
    }

    /** CSV text: header {@code t_years,efc,q[,r]}, one line per row, {@code nan} for NaN, locale-independent. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(hasResistance ? "t_years,efc,q,r" : "t_years,efc,q").append('\n');
        for (Row row : rows) {
            sb.append(format(row.tYears())).append(',').append(format(row.efc())).append(',')
                    .append(format(row.q()));
            if (hasResistance) {
                sb.append(',').append(format(row.r()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code nan} for NaN, otherwise the shortest round-trip decimal ({@link Double#toString}, locale-free). */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }
}
