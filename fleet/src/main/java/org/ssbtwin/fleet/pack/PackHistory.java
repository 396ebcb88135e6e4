package org.ssbtwin.fleet.pack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack's state-of-health history, folded from its events in journal order: a point at assembly, then one point
 * per {@link #SPACING} of usage (the first usage period ending at least that long after the previous point), each
 * with the cumulative equivalent full cycles and km. Built on demand from the journal (the resident pack does not
 * hold it, it grows by 52 points a year).
 */
public final class PackHistory {
    /** Spacing of the history points. */
    public static final Duration SPACING = Duration.ofDays(7);

    private final List<HealthPoint> points = new ArrayList<>();
    private double efc;
    private double km;

    /** Folds the next event of the pack. */
    public PackHistory add(PackEvent event) {
        if (event instanceof PackEvent.Assembled a) {
            points.clear();
            efc = 0;
            km = 0;
            points.add(new HealthPoint(a.at(), 1.0, 1.0, 0, 0));
        } else if (event instanceof PackEvent.UsageRecorded u) {
            efc += u.equivalentFullCycles();
            km += u.km();
            HealthPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || !u.periodEnd().isBefore(last.at().plus(SPACING))) {
                points.add(new HealthPoint(u.periodEnd(), u.stateOfHealthAfter(), u.relativeResistanceAfter(), efc, km));
            }
        }
        return this;
    }

    public List<HealthPoint> points() {
        return List.copyOf(points);
    }

    public static List<HealthPoint> of(Iterable<PackEvent> events) {
        PackHistory h = new PackHistory();
        for (PackEvent e : events) h.add(e);
        return h.points();
    }
}
