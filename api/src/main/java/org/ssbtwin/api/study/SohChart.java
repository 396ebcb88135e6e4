package org.ssbtwin.api.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;

/**
 * The SoH chart of a study (XChart, rendered headless to PNG): the whole fleet's SoH p5 / p50 / p95 per service year
 * (p5 and p95 dashed, bounding the band) and one p50 line per climate cohort.
 */
public final class SohChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private static final Color[] CLIMATE_COLOURS = {
        new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C),
        new Color(0x94, 0x67, 0xBD), new Color(0xFF, 0x7F, 0x0E), new Color(0x8C, 0x56, 0x4B)};

    private SohChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(FleetStudyResult result, String title) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(result, title), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the SoH chart", e);
        }
    }

    static XYChart chart(FleetStudyResult result, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("service year").yAxisTitle("capacity SoH (fraction of rated)").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.00");

        int years = result.years();
        double[] x = new double[years];
        double[] p5 = new double[years];
        double[] p50 = new double[years];
        double[] p95 = new double[years];
        for (int y = 1; y <= years; y++) {
            CohortYearStats r = result.fleet(y);
            x[y - 1] = y;
            p5[y - 1] = r.sohP5();
            p50[y - 1] = r.sohP50();
            p95[y - 1] = r.sohP95();
        }
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
        line(chart, "fleet p95", x, p95, Color.GRAY, dashed);
        line(chart, "fleet p50", x, p50, Color.BLACK, new BasicStroke(3f));
        line(chart, "fleet p5", x, p5, Color.GRAY, dashed);

        Set<String> climates = new LinkedHashSet<>();
        for (CohortYearStats r : result.rows()) {
            if (r.dimension().equals(FleetStudy.DIM_CLIMATE)) {
                climates.add(r.cohort());
            }
        }
        int i = 0;
        for (String climate : climates) {
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (int y = 1; y <= years; y++) {
                int year = y;
                result.find(FleetStudy.DIM_CLIMATE, climate, y).filter(r -> !Double.isNaN(r.sohP50())).ifPresent(r -> {
                    cx.add((double) year);
                    cy.add(r.sohP50());
                });
            }
            if (!cx.isEmpty()) {
                line(chart, climate + " p50", cx.stream().mapToDouble(Double::doubleValue).toArray(),
                        cy.stream().mapToDouble(Double::doubleValue).toArray(),
                        CLIMATE_COLOURS[i++ % CLIMATE_COLOURS.length], new BasicStroke(1.5f));
            }
        }
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
    }
}
