package org.ssbtwin.fleet.ageing.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AnodePotentialTest {

    @Test
    void valuesListedInSection12() {
        double[][] expected = {
            {0, 0.68435}, {0.1, 0.23325}, {0.2, 0.18052}, {0.5, 0.12330},
            {0.7, 0.10839}, {0.8, 0.09426}, {0.9, 0.08818}, {1.0, 0.08638},
        };
        for (double[] e : expected) {
            assertEquals(e[1], AnodePotential.ua(e[0]), 5e-6, "U_a(" + e[0] + ")");
        }
    }

    @Test
    void matchesAppendixBUaColumn() {
        assertEquals(0.1233036767, AnodePotential.ua(0.5), 1e-10);
        assertEquals(0.08638231319, AnodePotential.ua(1.0), 1e-10);
        assertEquals(0.09426271738, AnodePotential.ua(0.8), 1e-10);
    }

    @Test
    void fastTanhAgreesWithMathTanhInAbsoluteTerms() {
        for (double x = -20; x <= 20; x += 0.001) {
            assertEquals(Math.tanh(x), AnodePotential.tanh(x), 4e-16, "tanh(" + x + ")");
        }
        assertEquals(1.0, AnodePotential.tanh(1000));
        assertEquals(-1.0, AnodePotential.tanh(-1000));
    }
}
