package org.ssbtwin.config.fleet;

import java.util.List;

/** A fleet spec failed validation; {@link #problems()} lists every problem, each naming its field path. */
public final class FleetSpecValidationException extends IllegalArgumentException {
    private final List<String> problems;

    public FleetSpecValidationException(String source, List<String> problems) {
        super("invalid fleet spec" + (source == null ? "" : " " + source) + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
