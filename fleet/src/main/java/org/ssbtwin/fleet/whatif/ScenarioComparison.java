package org.ssbtwin.fleet.whatif;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The answer to a scenario: plant, fleet and field effect, baseline vs scenario. */
public record ScenarioComparison(String scenario, String base, long seed, int horizonYears, PlantComparison plant,
                                 FleetComparison fleet, FieldEffect fieldEffect) {

    /** CSV: one row per metric with baseline, scenario and delta (Locale.ROOT numbers). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("section,metric,year,baseline,scenario,delta\n");
        PlantOutcome b = plant.baseline();
        PlantOutcome s = plant.scenario();
        row(sb, "plant", "gwh_per_year", "", b.gwhPerYear(), s.gwhPerYear());
        row(sb, "plant", "first_pass_yield", "", b.firstPassYield(), s.firstPassYield());
        row(sb, "plant", "cells_completed", "", b.cellsCompleted(), s.cellsCompleted());
        TreeSet<String> causes = new TreeSet<>(b.scrapByCause().keySet());
        causes.addAll(s.scrapByCause().keySet());
        for (String c : causes) {
            row(sb, "plant", "scrap_" + c, "", get(b.scrapByCause(), c), get(s.scrapByCause(), c));
        }
        sb.append("plant,bottleneck,,").append(b.bottleneck()).append(',').append(s.bottleneck()).append(",\n");
        for (FleetYear y : fleet.years()) {
            String yr = Integer.toString(y.year());
            row(sb, "fleet", "soh_p5", yr, y.baseline().p5(), y.scenario().p5());
            row(sb, "fleet", "soh_p50", yr, y.baseline().p50(), y.scenario().p50());
            row(sb, "fleet", "soh_p95", yr, y.baseline().p95(), y.scenario().p95());
            row(sb, "fleet", "soh_mean", yr, y.baseline().meanSoh(), y.scenario().meanSoh());
            row(sb, "fleet", "share_below_80", yr, y.baseline().below80(), y.scenario().below80());
            row(sb, "fleet", "share_below_70", yr, y.baseline().below70(), y.scenario().below70());
            row(sb, "fleet", "warranty_claim_share", yr, y.baseline().warrantyClaimShare(), y.scenario().warrantyClaimShare());
        }
        row(sb, "fleet", "warranty_claims", "", fleet.warrantyClaims().baseline(), fleet.warrantyClaims().scenario());
        String fy = Integer.toString(fieldEffect.year());
        row(sb, "field_effect", "first_pass_yield", "", fieldEffect.firstPassYield().baseline(), fieldEffect.firstPassYield().scenario());
        row(sb, "field_effect", "interface_resistance_factor", "", fieldEffect.meanInterfaceResistanceFactor().baseline(),
                fieldEffect.meanInterfaceResistanceFactor().scenario());
        row(sb, "field_effect", "soh_p50", fy, fieldEffect.sohP50().baseline(), fieldEffect.sohP50().scenario());
        row(sb, "field_effect", "soh_mean", fy, fieldEffect.meanSoh().baseline(), fieldEffect.meanSoh().scenario());
        return sb.toString();
    }

    private static double get(Map<String, Long> m, String k) {
        Long v = m.get(k);
        return v == null ? 0 : v;
    }

    private static void row(StringBuilder sb, String section, String metric, String year, double b, double s) {
        sb.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.6f%n", section, metric, year, b, s, s - b));
    }
}
