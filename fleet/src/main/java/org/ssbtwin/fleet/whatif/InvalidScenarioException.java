package org.ssbtwin.fleet.whatif;

import java.util.List;

/** A scenario was rejected; {@link #problems()} names every bad field. */
public final class InvalidScenarioException extends IllegalArgumentException {
    private final List<FieldProblem> problems;

    public InvalidScenarioException(List<FieldProblem> problems) {
        super(String.join("; ", problems.stream().map(FieldProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public InvalidScenarioException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
