package org.ssbtwin.config.plant;

import java.util.List;

/** A plant layout file is invalid; the message lists every problem with its field path. */
public final class PlantLayoutException extends IllegalArgumentException {
    private final List<String> problems;

    public PlantLayoutException(String source, List<String> problems) {
        super("invalid plant layout " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per problem, each starting with the field path, e.g. {@code stations[3].mtbfHours must be > 0, was -2}. */
    public List<String> problems() { return problems; }
}
