package org.ssbtwin.plant.layout;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a station is staffed: {@code shiftsPerDay} consecutive shifts of {@code shiftHours} starting at
 * {@code firstShiftStartHour} (UTC) on {@code workDays}. A window that passes midnight belongs to the day it
 * started. 3 x 8 h on all seven days is continuous operation.
 */
public record ShiftCalendar(int shiftsPerDay, double shiftHours, int firstShiftStartHour, Set<DayOfWeek> workDays) {

    public static final ShiftCalendar CONTINUOUS = new ShiftCalendar(3, 8, 6, EnumSet.allOf(DayOfWeek.class));
    public static final ShiftCalendar TWO_SHIFTS_WEEKDAYS = new ShiftCalendar(2, 8, 6,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private static final long DAY_MS = 86_400_000L;

    public ShiftCalendar {
        if (shiftsPerDay < 1) throw new IllegalArgumentException("shiftsPerDay must be >= 1, was " + shiftsPerDay);
        if (!(shiftHours > 0) || shiftsPerDay * shiftHours > 24.0) {
            throw new IllegalArgumentException("shiftsPerDay x shiftHours must be in (0, 24], was " + shiftsPerDay * shiftHours);
        }
        if (firstShiftStartHour < 0 || firstShiftStartHour > 23) {
            throw new IllegalArgumentException("firstShiftStartHour must be in 0..23, was " + firstShiftStartHour);
        }
        if (workDays == null || workDays.isEmpty()) throw new IllegalArgumentException("workDays must not be empty");
        workDays = Set.copyOf(workDays);
    }

    /** True if staffed round the clock every day. */
    public boolean isContinuous() {
        return shiftsPerDay * shiftHours >= 24.0 && workDays.size() == 7;
    }

    /** Staffed hours per week. */
    public double hoursPerWeek() { return workDays.size() * shiftsPerDay * shiftHours; }

    private long windowMs() { return Math.round(shiftsPerDay * shiftHours * 3_600_000L); }

    private static DayOfWeek dayOf(long epochDay) {
        // 1970-01-01 was a Thursday
        return DayOfWeek.of((int) Math.floorMod(epochDay + 3, 7) + 1);
    }

    /** Whether the station is on shift at the given epoch millisecond. */
    public boolean isOnShift(long epochMs) {
        if (isContinuous()) return true;
        long day = Math.floorDiv(epochMs, DAY_MS);
        long w = windowMs();
        for (long d = day - 1; d <= day; d++) {
            long start = d * DAY_MS + firstShiftStartHour * 3_600_000L;
            if (epochMs >= start && epochMs < start + w && workDays.contains(dayOf(d))) return true;
        }
        return false;
    }

    /** The next epoch millisecond (strictly after {@code epochMs}) at which on/off shift flips; MAX_VALUE if never. */
    public long nextChange(long epochMs) {
        if (isContinuous()) return Long.MAX_VALUE;
        long day = Math.floorDiv(epochMs, DAY_MS);
        long w = windowMs();
        long best = Long.MAX_VALUE;
        for (long d = day - 1; d <= day + 8; d++) {
            if (!workDays.contains(dayOf(d))) continue;
            long start = d * DAY_MS + firstShiftStartHour * 3_600_000L;
            long end = start + w;
            if (start > epochMs && start < best && isOnShift(start) != isOnShift(start - 1)) best = start;
            if (end > epochMs && end < best && isOnShift(end) != isOnShift(end - 1)) best = end;
            if (best != Long.MAX_VALUE && start > best) break;
        }
        return best;
    }
}
