package org.ssbtwin.fleet.ageing.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the Appendix-B unit-check CSVs copied into test resources. */
final class CsvFixture {

    private CsvFixture() {
    }

    /** Rows as column-name to raw-string maps. */
    static List<Map<String, String>> read(String resource) {
        InputStream in = CsvFixture.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] header = r.readLine().trim().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
