package org.ssbtwin.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration value is missing or wrong; the message names the key (path) and what is expected. */
public final class ConfigException extends IllegalArgumentException {
    private final String path;

    public ConfigException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** The problems a {@link ConfigReader} found; {@link #path()} is the first one's path, the message lists all. */
    public ConfigException(List<ConfigReader.Problem> problems) {
        super(problems.stream().map(ConfigReader.Problem::toString).collect(Collectors.joining("; ")));
        this.path = problems.get(0).path();
    }

    public String path() {
        return path;
    }
}
