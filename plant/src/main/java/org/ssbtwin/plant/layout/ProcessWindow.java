package org.ssbtwin.plant.layout;

/** An allowed range [min, max] of a process quantity (e.g. lamination temperature in degC). */
public record ProcessWindow(double min, double max) {
    public ProcessWindow {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("process window needs finite min <= max, was [" + min + ", " + max + "]");
        }
    }

    public double centre() { return (min + max) / 2; }

    public double halfWidth() { return (max - min) / 2; }

    /** Distance outside the window (0 inside). */
    public double excess(double value) {
        return value < min ? min - value : value > max ? value - max : 0.0;
    }

    public boolean contains(double value) { return value >= min && value <= max; }
}
