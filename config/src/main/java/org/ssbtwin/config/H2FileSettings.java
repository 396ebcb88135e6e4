package org.ssbtwin.config;

import com.typesafe.config.Config;
import java.time.Duration;
import org.ssbtwin.core.config.ConfigReader;

/**
 * How the embedded H2 file is kept small (the {@code twin.database.h2} block besides the page cache; docs/operations.md
 * "Disk per event on H2"). With {@code WRITE_DELAY=0} (every acknowledged event handed to the OS at once) H2 writes a
 * new MVStore chunk per commit and has no background thread, so it never compacts while running: without the
 * compaction below the file grew by ~6 KB per journal event, ~85 % of it dead chunks.
 *
 * @param compress H2's {@code COMPRESS=TRUE}: pages compressed with LZF, in 64 KB pages; the repeated field names,
 *        manifests and writer ids of journal rows compress well. Pages written without it stay readable, and
 *        compaction rewrites them compressed.
 * @param compaction on: the node rewrites H2's partly dead chunks every {@code compactionInterval}, as H2's own
 *        background writer would with a write delay; freed chunks are reused after H2's retention time (45 s)
 * @param compactionInterval how often the node compacts
 * @param targetFillRate compaction runs while the live share of H2's chunks is below this percentage
 * @param maxWriteMb live data rewritten per compaction run at most (one run may take a few tenths of a second)
 */
public record H2FileSettings(boolean compress, boolean compaction, Duration compactionInterval, int targetFillRate, int maxWriteMb) {
    private static final String ROOT = "twin.database.h2";

    public static H2FileSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, ROOT);
        Boolean compress = c.onOff("compress");
        Boolean compaction = c.onOff("compaction.enabled");
        Duration interval = c.duration("compaction.interval");
        Integer fill = c.integer("compaction.target-fill-rate", 10, 95);
        Integer write = c.integer("compaction.max-write-mb", 1, 1024);
        c.throwIfProblems();
        return new H2FileSettings(compress, compaction, interval, fill, write);
    }

    /** The options this adds to the H2 URL ({@code ;COMPRESS=TRUE} or nothing). */
    public String urlOptions() {
        return compress ? ";COMPRESS=TRUE" : "";
    }
}
