package org.ssbtwin.fleet.ageing.reference;

import java.util.List;
import java.util.Map;

/** The Appendix-B unit checks for the parity tests, with a tolerance assertion. */
final class CsvFixture {

    private CsvFixture() {
    }

    /** Rows as column-name to raw-string maps (the unit checks shipped in main resources, {@link UnitChecks}). */
    static List<Map<String, String>> read(String resource) {
        return UnitChecks.read(resource);
    }

    static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static void assertClose(double expected, double actual, double relTol, double absTol, String what) {
        double tol = Math.max(absTol, relTol * Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (tol " + tol + ")");
        }
    }
}
