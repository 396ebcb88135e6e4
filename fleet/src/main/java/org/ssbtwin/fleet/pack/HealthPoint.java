package org.ssbtwin.fleet.pack;

import java.time.Instant;

/** A pack's state of health at one virtual instant (capacity and resistance relative to new). */
public record HealthPoint(Instant at, double stateOfHealth, double relativeResistance, double equivalentFullCycles,
                          double km) {}
