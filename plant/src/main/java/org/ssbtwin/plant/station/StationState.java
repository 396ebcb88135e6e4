package org.ssbtwin.plant.station;

/** What a production station is doing right now. */
public enum StationState {
    /** Commissioned but not yet started. */
    IDLE,
    RUNNING,
    /** Waiting for material from upstream. */
    STARVED,
    /** Cannot hand over work downstream (full buffer). */
    BLOCKED,
    /** Broken down or in maintenance. */
    DOWN
}
