package org.ssbtwin.core.ageing.ssb;

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
                             boolean observedFailure, List<Double> monthlyUsage) {
    public AgeingSnapshot {
        monthlyUsage = org.ssbtwin.core.compact.CompactLists.floats(monthlyUsage);
    }
}
