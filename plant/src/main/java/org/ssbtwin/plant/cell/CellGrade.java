package org.ssbtwin.plant.cell;

/** End-of-line grade. A and B ship (to pack assembly); cells outside B are scrapped as EOL_OUT_OF_SPEC. */
public enum CellGrade { A, B }
