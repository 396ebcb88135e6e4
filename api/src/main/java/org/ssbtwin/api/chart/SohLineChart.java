package org.ssbtwin.api.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of capacity SoH (fraction of rated) per year (XChart, rendered headless to PNG, 900 x 560, white, legend
 * bottom left): the one canvas for SoH percentiles, used by the study chart and the what-if chart.
 */
public final class SohLineChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    /** A median line. */
    public static final BasicStroke BOLD = new BasicStroke(3f);
    /** A secondary line (e.g. one cohort). */
    public static final BasicStroke THIN = new BasicStroke(1.5f);
    /** A tail percentile (p5, p95). */
    public static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {6f, 4f}, 0f);

    private final XYChart chart;

    /** An empty chart; {@code xAxisTitle} names the year axis ("service year", "year"). */
    public SohLineChart(String title, String xAxisTitle) {
        chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle("capacity SoH (fraction of rated)").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
    }

    /** Adds a line without markers. */
    public SohLineChart line(String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        return this;
    }

    /** The chart as PNG bytes; {@code what} names it in the error if it cannot be rendered. */
    public byte[] png(String what) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the " + what, e);
        }
    }
}
