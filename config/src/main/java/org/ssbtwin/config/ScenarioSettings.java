package org.ssbtwin.config;

import com.typesafe.config.Config;
import org.ssbtwin.fleet.whatif.ScenarioEngine;
import org.ssbtwin.fleet.whatif.ScenarioLimits;

/**
 * What-if scenario jobs (the {@code twin.scenarios} block): limits and the sandbox's plant simulation window.
 *
 * @param maxConcurrent jobs queued or running at once; one more is answered with 429 and Retry-After
 * @param maxPopulation largest population (packs per arm) one scenario may simulate
 * @param maxHorizonYears longest fleet horizon
 * @param threads fleet worker threads per job (results do not depend on it)
 * @param plantLayout bundled plant layout resource (e.g. {@code plant/dunkirk.conf}) or file the plant arms simulate
 * @param plantWarmupDays simulated days before the plant KPI window (lets the line fill, incl. formation)
 * @param plantDays days of the plant KPI window
 */
public record ScenarioSettings(int maxConcurrent, int maxPopulation, int maxHorizonYears, int threads,
                               String plantLayout, int plantWarmupDays, int plantDays) {
    public static final String PATH = "twin.scenarios";

    public ScenarioLimits limits() {
        return new ScenarioLimits(maxPopulation, maxHorizonYears);
    }

    public ScenarioEngine.Options engineOptions() {
        return new ScenarioEngine.Options(threads, plantWarmupDays, plantDays);
    }

    public static ScenarioSettings from(Config root) {
        if (!root.hasPath(PATH)) {
            throw new ConfigException(PATH, "is required");
        }
        Config c = root.getConfig(PATH);
        return new ScenarioSettings(
                integer(c, "max-concurrent", 1, 64),
                integer(c, "max-population", 1, 5_000_000),
                integer(c, "max-horizon-years", 1, 40),
                integer(c, "threads", 1, 256),
                string(c, "plant-layout"),
                integer(c, "plant-warmup-days", 0, 365),
                integer(c, "plant-days", 1, 365));
    }

    private static int integer(Config c, String key, int min, int max) {
        int v;
        try {
            v = c.getInt(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(PATH + "." + key, "must be a whole number within [" + min + ", " + max + "]");
        }
        if (v < min || v > max) {
            throw new ConfigException(PATH + "." + key, "must be within [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    private static String string(Config c, String key) {
        try {
            String s = c.getString(key);
            if (s.isBlank()) {
                throw new ConfigException(PATH + "." + key, "must not be empty");
            }
            return s;
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(PATH + "." + key, "must be a string");
        }
    }
}
