package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

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
        ConfigReader c = ConfigReader.block(root, PATH);
        Integer maxConcurrent = c.integer("max-concurrent", 1, 64);
        Integer maxPopulation = c.integer("max-population", 1, 5_000_000);
        Integer maxHorizonYears = c.integer("max-horizon-years", 1, 40);
        Integer threads = c.integer("threads", 1, 256);
        String plantLayout = c.string("plant-layout");
        Integer warmupDays = c.integer("plant-warmup-days", 0, 365);
        Integer days = c.integer("plant-days", 1, 365);
        c.throwIfProblems();
        return new ScenarioSettings(maxConcurrent, maxPopulation, maxHorizonYears, threads, plantLayout, warmupDays, days);
    }
}
