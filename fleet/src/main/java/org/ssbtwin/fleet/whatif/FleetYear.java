package org.ssbtwin.fleet.whatif;

/** Baseline and scenario at the end of horizon year {@code year} (1..N). */
public record FleetYear(int year, ArmYear baseline, ArmYear scenario) {
}
