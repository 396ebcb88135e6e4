package org.ssbtwin.fleet.whatif;

/** One invalid field of a scenario: its path (e.g. {@code plant.laminationTemperatureC}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
