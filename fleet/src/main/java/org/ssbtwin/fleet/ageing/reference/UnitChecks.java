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

/**
 * The BLAST-Lite unit checks (reference-ageing-models.md Appendix B) shipped as classpath resources
 * ({@link #RATES}, {@link #STATE_UPDATES}): the parity tests and the model card read the same rows.
 */
public final class UnitChecks {
    /** Degradation rates per model and condition. */
    public static final String RATES = "/ageing/blast-lite/unit_checks_rates.csv";
    /** State-update rules (power law, sigmoid). */
    public static final String STATE_UPDATES = "/ageing/blast-lite/unit_checks_state_updates.csv";

    private UnitChecks() {}

    /** Rows of a unit-check CSV as column-name to raw-string maps. */
    public static List<Map<String, String>> read(String resource) {
        InputStream in = UnitChecks.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
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

    /** A numeric column of a row. */
    public static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
