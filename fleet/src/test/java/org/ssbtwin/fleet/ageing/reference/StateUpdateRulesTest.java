package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateUpdateRulesTest {

    @Test
    void everyAppendixBStateUpdateRowMatches() {
        List<Map<String, String>> rows = CsvFixture.read(UnitChecks.STATE_UPDATES);
        assertEquals(10, rows.size());
        for (Map<String, String> row : rows) {
            String rule = row.get("rule");
            double y0 = CsvFixture.num(row, "y0");
            double dx = CsvFixture.num(row, "dx");
            double a = CsvFixture.num(row, "k_or_yinf");
            double b = CsvFixture.num(row, "p_or_k");
            double expected = CsvFixture.num(row, "dy");
            double actual;
            switch (rule) {
                case "power":
                    actual = StateUpdateRules.power(y0, dx, a, b);
                    break;
                case "powerB":
                    actual = StateUpdateRules.powerB(y0, dx, a, b);
                    break;
                case "sigmoid":
                    actual = StateUpdateRules.sigmoid(y0, dx, a, b, CsvFixture.num(row, "p"));
                    break;
                default:
                    throw new AssertionError("unknown rule " + rule);
            }
            CsvFixture.assertClose(expected, actual, 1e-9, 0, rule + " " + row);
        }
    }

    @Test
    void firstStepUsesExactTrajectoryAndZeroStepGivesZero() {
        assertEquals(0.01 * Math.pow(4, 0.5), StateUpdateRules.power(0, 4, 0.01, 0.5), 1e-15);
        assertEquals(Math.pow(1e-4 * 3, 1.128), StateUpdateRules.powerB(0, 3, 1e-4, 1.128), 1e-18);
        assertEquals(0.0, StateUpdateRules.power(0.1, 0, 0.01, 0.5));
        assertEquals(0.0, StateUpdateRules.power(0, 0, 0.01, 0.5));
        assertEquals(0.0, StateUpdateRules.powerB(0.1, 0, 1e-4, 1.1));
        assertEquals(0.0, StateUpdateRules.sigmoid(0.1, 0, 0.3, 1e-4, 0.5));
    }

    @Test
    void powerRuleFollowsTrajectoryClosely() {
        // constant k, daily Euler steps: 15 years stay within 0.05 % of k t^p (spec section 1.4)
        double k = 0.0012;
        double p = 0.357;
        double y = 0;
        for (int d = 0; d < 15 * 365; d++) {
            y += StateUpdateRules.power(y, 1, k, p);
        }
        double exact = k * Math.pow(15 * 365, p);
        assertEquals(exact, y, 5e-4 * exact);
    }

    @Test
    void sigmoidAtOrAboveAsymptoteIsNaNAsInBlast() {
        assertTrue(Double.isNaN(StateUpdateRules.sigmoid(0.31, 1, 0.3, 1e-4, 0.5)));
        assertTrue(Double.isNaN(StateUpdateRules.sigmoid(0.3, 1, 0.3, 1e-4, 0.5)));
    }

    @Test
    void exponentialRelaxationSlopeIsClippedAtZero() {
        assertEquals(0.0, StateUpdateRules.exponentialRelaxation(0.5, 1, 0.3, 0.1));
        assertEquals(0.1 * 0.09 / 0.3 * 2, StateUpdateRules.exponentialRelaxation(0, 2, 0.3, 0.1), 1e-15);
    }
}
