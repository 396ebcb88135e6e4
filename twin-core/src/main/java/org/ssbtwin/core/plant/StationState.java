package org.ssbtwin.core.plant;

/**
 * Aggregate state of a station (all its units): RUNNING if any available unit is processing, DOWN if every
 * active unit is broken down, BLOCKED if nothing runs because finished items cannot move downstream, STARVED
 * if units are free but the input buffer is empty, IDLE if off shift or no unit is active (before SOP).
 */
public enum StationState { RUNNING, IDLE, STARVED, BLOCKED, DOWN }
