package org.ssbtwin.api.study;

import java.util.Locale;
import org.ssbtwin.fleet.study.CohortYearStats;
import org.ssbtwin.fleet.study.FleetStudyResult;

/** The compact per-year summary table of a study's whole fleet (what the command line prints). */
public final class StudySummary {
    public static final String HEADER = "year   SoH p5   p50    p95    <80 %    <70 %    claims   retired";

    private StudySummary() {
    }

    public static String table(FleetStudyResult result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int y = 1; y <= result.years(); y++) {
            CohortYearStats r = result.fleet(y);
            sb.append(String.format(Locale.ROOT, "%4d  %6.3f %6.3f %6.3f  %6.2f%%  %6.2f%%  %6.2f%%  %6.2f%%%n", y, r.sohP5(),
                    r.sohP50(), r.sohP95(), 100 * r.shareBelow80(), 100 * r.shareBelow70(),
                    100 * r.warrantyClaimShare(), 100 * r.retiredShare()));
        }
        return sb.toString();
    }
}
