package org.ssbtwin.api.scenario;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ssbtwin.fleet.whatif.FleetYear;
import org.ssbtwin.fleet.whatif.ScenarioComparison;

/** The what-if chart (XChart, headless PNG): fleet SoH p50 (solid) and p5 (dashed) per year, baseline vs scenario. */
public final class ScenarioChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final Color BASELINE = new Color(0x1F, 0x77, 0xB4);
    private static final Color SCENARIO = new Color(0xD6, 0x27, 0x28);

    private ScenarioChart() {
    }

    public static byte[] png(ScenarioComparison r) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(r), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the what-if chart", e);
        }
    }

    static XYChart chart(ScenarioComparison r) {
        String title = String.format(Locale.ROOT, "%s: yield %.1f%% -> %.1f%%, %.2f -> %.2f GWh/yr", r.scenario(),
                100 * r.plant().baseline().firstPassYield(), 100 * r.plant().scenario().firstPassYield(),
                r.plant().baseline().gwhPerYear(), r.plant().scenario().gwhPerYear());
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("year").yAxisTitle("capacity SoH (fraction of rated)").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
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
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
        line(chart, "baseline p50", x, b50, BASELINE, new BasicStroke(3f));
        line(chart, "scenario p50", x, s50, SCENARIO, new BasicStroke(3f));
        line(chart, "baseline p5", x, b5, BASELINE, dashed);
        line(chart, "scenario p5", x, s5, SCENARIO, dashed);
        return chart;
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
    }
}
