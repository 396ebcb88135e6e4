package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Appendix B rate checks. Column mapping: T_C = cell temperature, soc = constant SOC, dod = chunk DOD,
 * Crate_and_Cdis = both the time-averaged C-rate (LFP q5 / r_kcyc) and the discharge C-rate (LG M50 k_cyc),
 * Ua = U_a(soc) (checked against {@link AnodePotential}), rate_name = BLAST's {@code self.rates} key.
 */
class ModelRatesTest {

    @Test
    void everyAppendixBRateRowMatches() {
        List<Map<String, String>> rows = CsvFixture.read(UnitChecks.RATES);
        assertEquals(27 + 54 + 18, rows.size());
        int checked = 0;
        for (Map<String, String> row : rows) {
            ReferenceModel model = ReferenceModel.byName(row.get("model").replace('_', '-'));
            double soc = CsvFixture.num(row, "soc");
            double c = CsvFixture.num(row, "Crate_and_Cdis");
            RateCondition cond = new RateCondition(CsvFixture.num(row, "T_C"), soc, CsvFixture.num(row, "dod"), c, c);
            CsvFixture.assertClose(CsvFixture.num(row, "Ua"), AnodePotential.ua(soc), 1e-9, 0, "Ua " + row);
            Map<String, Double> rates = model.ratesAt(cond);
            String rateName = row.get("rate_name");
            assertTrue(rates.containsKey(rateName), "rate " + rateName + " of " + model.name());
            CsvFixture.assertClose(CsvFixture.num(row, "value"), rates.get(rateName), 1e-9, 1e-300,
                    model.name() + " " + rateName + " " + row);
            checked++;
        }
        assertEquals(rows.size(), checked);
    }

    @Test
    void rateNamesFollowBlast() {
        assertEquals(List.of("q1", "q3", "q5"), ReferenceModel.byName("nmc111-gr-kokam75ah").rateNames());
        assertEquals(List.of("q1", "q3", "q5", "q7", "r_kcal", "r_kcyc"),
                ReferenceModel.byName("lfp-gr-sonymurata3ah").rateNames());
        assertEquals(List.of("k_cal", "k_cyc"), ReferenceModel.byName("nmc811-grsi-lgm50").rateNames());
    }

    @Test
    void documentedBehaviourOfRates() {
        ReferenceModel lfp = ReferenceModel.byName("lfp-gr-sonymurata3ah");
        // calendar asymptote at 50 % SOC: 0.097 at 0 degC, 0.334 at 25 degC, 0.700 at 45 degC
        assertEquals(0.097, lfp.ratesAt(new RateCondition(0, 0.5, 0, 0, 0)).get("q1"), 5e-4);
        assertEquals(0.334, lfp.ratesAt(new RateCondition(25, 0.5, 0, 0, 0)).get("q1"), 5e-4);
        assertEquals(0.700, lfp.ratesAt(new RateCondition(45, 0.5, 0, 0, 0)).get("q1"), 5e-4);
        ReferenceModel lgm50 = ReferenceModel.byName("nmc811-grsi-lgm50");
        // k_cal non-monotonic in T at SOC 0.9: 0.37 (0 degC), 0.33 (10), 0.41 (25), 0.87 (45)
        assertEquals(0.37, lgm50.ratesAt(new RateCondition(0, 0.9, 0, 0, 0)).get("k_cal"), 5e-3);
        assertEquals(0.33, lgm50.ratesAt(new RateCondition(10, 0.9, 0, 0, 0)).get("k_cal"), 5e-3);
        assertEquals(0.41, lgm50.ratesAt(new RateCondition(25, 0.9, 0, 0, 0)).get("k_cal"), 5e-3);
        assertEquals(0.87, lgm50.ratesAt(new RateCondition(45, 0.9, 0, 0, 0)).get("k_cal"), 5e-3);
        // k_cyc peaks near 1C at 25 degC (0.49) and falls at 3C (0.045)
        assertEquals(0.49, lgm50.ratesAt(new RateCondition(25, 0.5, 1, 0, 1)).get("k_cyc"), 5e-3);
        assertEquals(0.045, lgm50.ratesAt(new RateCondition(25, 0.5, 1, 0, 3)).get("k_cyc"), 5e-4);
    }
}
