package org.ssbtwin.api.scenario;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.ssbtwin.api.chart.SohLineChart;
import org.ssbtwin.fleet.whatif.FleetYear;
import org.ssbtwin.fleet.whatif.ScenarioComparison;

/** The what-if chart (a {@link SohLineChart}): fleet SoH p50 (solid) and p5 (dashed) per year, baseline vs scenario. */
public final class ScenarioChart {
    private static final Color BASELINE = new Color(0x1F, 0x77, 0xB4);
    private static final Color SCENARIO = new Color(0xD6, 0x27, 0x28);

    private ScenarioChart() {
    }

    public static byte[] png(ScenarioComparison r) {
        return draw(r).png("what-if chart");
    }

    private static SohLineChart draw(ScenarioComparison r) {
        String title = String.format(Locale.ROOT, "%s: yield %.1f%% -> %.1f%%, %.2f -> %.2f GWh/yr", r.scenario(),
                100 * r.plant().baseline().firstPassYield(), 100 * r.plant().scenario().firstPassYield(),
                r.plant().baseline().gwhPerYear(), r.plant().scenario().gwhPerYear());
        List<FleetYear> years = r.fleet().years();
        int n = years.size();
        double[] x = new double[n];
        double[] b50 = new double[n];
        double[] s50 = new double[n];
        double[] b5 = new double[n];
        double[] s5 = new double[n];
        for (int i = 0; i < n; i++) {
            FleetYear y = years.get(i);
            x[i] = y.year();
            b50[i] = nan0(y.baseline().p50());
            s50[i] = nan0(y.scenario().p50());
            b5[i] = nan0(y.baseline().p5());
            s5[i] = nan0(y.scenario().p5());
        }
        return new SohLineChart(title, "year")
                .line("baseline p50", x, b50, BASELINE, SohLineChart.BOLD)
                .line("scenario p50", x, s50, SCENARIO, SohLineChart.BOLD)
                .line("baseline p5", x, b5, BASELINE, SohLineChart.DASHED)
                .line("scenario p5", x, s5, SCENARIO, SohLineChart.DASHED);
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
