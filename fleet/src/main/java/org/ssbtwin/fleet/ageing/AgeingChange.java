package org.ssbtwin.fleet.ageing;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.ssbtwin.core.quality.CompactCellLists;

/**
 * A pack's ageing state after a batch of usage, as carried by its journal event: every scalar of the state
 * ({@link AgeingSnapshot}'s) but, of the 12 calendar months of usage sums, only the months this batch changed.
 *
 * <p>A usage batch of a day or a week touches one or two months: the event carries 9 sums instead of 108, which makes
 * it a third of the size and (measured) cuts the JSON work of writing it and of every read-side reader decoding it.
 * {@link #applyTo} on the state before the batch gives exactly the state after it (the sums are absolute values at
 * float precision, as held, not increments), so replaying the journal rebuilds the same snapshot bit for bit.
 *
 * @param months the calendar months (0 = January) whose sums changed, ascending, no repeats
 * @param monthSums {@link #SUMS_PER_MONTH} sums per month of {@code months}, in that order
 */
public record AgeingChange(double qCal, double qCyc, double hazard, int days, double efcTotal, double throughputKWh,
                           double km, double dcKWh, double capacity, double resistance, int dayOfYear,
                           boolean observedFailure, List<Integer> months,
                           @JsonSerialize(contentUsing = AgeingSnapshot.AsFloat.class) List<Double> monthSums) {
    /** Usage sums per calendar month (days, km, kWh, SoC, DoD, DC share, C-rate, temperature, charge temperature). */
    public static final int SUMS_PER_MONTH = 9;
    /** All the usage sums of a state: 12 months. */
    public static final int SUMS = 12 * SUMS_PER_MONTH;

    public AgeingChange {
        months = List.copyOf(months == null ? List.of() : months);
        int previous = -1;
        for (int m : months) {
            if (m <= previous || m > 11) throw new IllegalArgumentException("months must be ascending in 0..11: " + months);
            previous = m;
        }
        monthSums = CompactCellLists.floats(monthSums == null ? List.of() : monthSums);
        if (monthSums.size() != months.size() * SUMS_PER_MONTH) {
            throw new IllegalArgumentException(monthSums.size() + " month sums for " + months.size() + " months, expected "
                    + months.size() * SUMS_PER_MONTH);
        }
    }

    /** The complete state after the batch, from the complete state before it (null: a pack with no usage yet). */
    public AgeingSnapshot applyTo(AgeingSnapshot before) {
        float[] sums = new float[SUMS];
        if (before != null) {
            List<Double> old = before.monthlyUsage();
            if (old.size() != SUMS) throw new IllegalArgumentException("state has " + old.size() + " usage sums, expected " + SUMS);
            for (int i = 0; i < SUMS; i++) sums[i] = old.get(i).floatValue();
        }
        for (int k = 0; k < months.size(); k++) {
            int o = months.get(k) * SUMS_PER_MONTH;
            for (int f = 0; f < SUMS_PER_MONTH; f++) sums[o + f] = monthSums.get(k * SUMS_PER_MONTH + f).floatValue();
        }
        return new AgeingSnapshot(qCal, qCyc, hazard, days, efcTotal, throughputKWh, km, dcKWh, capacity, resistance,
                dayOfYear, observedFailure, CompactCellLists.floats(sums));
    }
}
