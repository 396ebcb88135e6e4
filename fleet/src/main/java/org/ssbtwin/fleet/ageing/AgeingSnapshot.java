package org.ssbtwin.fleet.ageing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.util.List;

/**
 * The complete ageing state of one live pack as an immutable value, so that it can be persisted with the pack's
 * events and restored exactly: a restarted twin continues ageing a pack from where it stopped, and replaying the
 * journal never re-runs the model.
 *
 * @param monthlyUsage the pack's own usage sums per calendar month (used to project its 80 % / 70 % dates); held at
 *        float precision (they only feed projections; 108 sums as floats halve the heap of a resident pack's
 *        snapshot), while the ageing state itself (qCal, qCyc, hazard...) is kept exactly
 */
public record AgeingSnapshot(double qCal, double qCyc, double hazard, int days, double efcTotal, double throughputKWh,
                             double km, double dcKWh, double capacity, double resistance, int dayOfYear,
                             boolean observedFailure,
                             @JsonSerialize(contentUsing = AgeingSnapshot.AsFloat.class) List<Double> monthlyUsage) {
    public AgeingSnapshot {
        monthlyUsage = org.ssbtwin.core.quality.CompactCellLists.floats(monthlyUsage);
    }

    /**
     * Writes a value held at float precision in its shortest float form ({@code 176.36671}, not the 17 digits of the
     * same value widened to double): a third of the JSON and of the serialization time; read back it is the same float.
     */
    public static final class AsFloat extends StdSerializer<Double> {
        public AsFloat() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws java.io.IOException {
            gen.writeNumber(value.floatValue());
        }
    }
}
