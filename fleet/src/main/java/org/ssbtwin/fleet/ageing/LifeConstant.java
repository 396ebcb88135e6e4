package org.ssbtwin.fleet.ageing;

import java.util.Objects;

/**
 * One constant of the life model: its key, value, unit and where the value comes from. A source that is not a
 * publication or a calibration against one starts with {@code "assumed"}.
 *
 * @param key stable dotted name, e.g. {@code calendar.time-exponent}
 * @param value the value used by the model
 * @param unit unit of {@code value} ({@code "1"} when dimensionless)
 * @param source the source (publication, DOMAIN.md section, calibration target) or "assumed: why"
 */
public record LifeConstant(String key, double value, String unit, String source) {
    public LifeConstant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + ": value must be finite, was " + value);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException(key + ": every constant needs a source or 'assumed'");
        }
    }

    /** True when the value is an assumption rather than sourced or calibrated to a source. */
    public boolean assumed() {
        return source.startsWith("assumed");
    }
}
