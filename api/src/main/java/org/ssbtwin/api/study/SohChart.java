package org.ssbtwin.api.study;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ssbtwin.api.chart.SohLineChart;
import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.study.FleetStudy;
import org.ssbtwin.fleet.study.FleetStudyResult;

/**
 * The SoH chart of a study (a {@link SohLineChart}): the whole fleet's SoH p5 / p50 / p95 per service year
 * (p5 and p95 dashed, bounding the band) and one p50 line per climate cohort.
 */
public final class SohChart {
    private static final Color[] CLIMATE_COLOURS = {
        new Color(0xD6, 0x27, 0x28), new Color(0x1F, 0x77, 0xB4), new Color(0x2C, 0xA0, 0x2C),
        new Color(0x94, 0x67, 0xBD), new Color(0xFF, 0x7F, 0x0E), new Color(0x8C, 0x56, 0x4B)};

    private SohChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(FleetStudyResult result, String title) {
        return draw(result, title).png("SoH chart");
    }

    private static SohLineChart draw(FleetStudyResult result, String title) {
        SohLineChart chart = new SohLineChart(title, "service year");
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
        chart.line("fleet p95", x, p95, Color.GRAY, SohLineChart.DASHED)
                .line("fleet p50", x, p50, Color.BLACK, SohLineChart.BOLD)
                .line("fleet p5", x, p5, Color.GRAY, SohLineChart.DASHED);

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
                chart.line(climate + " p50", cx.stream().mapToDouble(Double::doubleValue).toArray(),
                        cy.stream().mapToDouble(Double::doubleValue).toArray(),
                        CLIMATE_COLOURS[i++ % CLIMATE_COLOURS.length], SohLineChart.THIN);
            }
        }
        return chart;
    }
}
