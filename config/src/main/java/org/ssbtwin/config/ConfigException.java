package org.ssbtwin.config;

/** A configuration value is missing or wrong; the message names the key (path) and what is expected. */
public final class ConfigException extends IllegalArgumentException {
    private final String path;

    public ConfigException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
