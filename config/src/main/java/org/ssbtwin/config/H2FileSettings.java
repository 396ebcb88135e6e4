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
 * @param retentionTime H2's {@code RETENTION_TIME}: a chunk without live data is not overwritten until this long after
 *        it was written (H2's default 45 s). It guards against power loss (the OS not having flushed what replaced
 *        the chunk), not a process crash: a killed JVM's writes are all in the OS. Shorter keeps less dead space while
 *        writing; the compaction run then also forces the file to disk ({@code fsync}), at most every
 *        {@code compactionInterval}, so the OS's write-back delay (~30 s on Linux) is no longer what bounds it
 *        (docs/h2-disk.md)
 */
public record H2FileSettings(boolean compress, boolean compaction, Duration compactionInterval, int targetFillRate, int maxWriteMb,
                             Duration retentionTime) {
    private static final String ROOT = "twin.database.h2";

    /** H2's own retention time. */
    public static final Duration H2_DEFAULT_RETENTION = Duration.ofSeconds(45);

    /** With H2's own retention time. */
    public H2FileSettings(boolean compress, boolean compaction, Duration compactionInterval, int targetFillRate, int maxWriteMb) {
        this(compress, compaction, compactionInterval, targetFillRate, maxWriteMb, H2_DEFAULT_RETENTION);
    }

    public static H2FileSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, ROOT);
        Boolean compress = c.onOff("compress");
        Boolean compaction = c.onOff("compaction.enabled");
        Duration interval = c.duration("compaction.interval");
        Integer fill = c.integer("compaction.target-fill-rate", 10, 95);
        Integer write = c.integer("compaction.max-write-mb", 1, 1024);
        Duration retention = c.duration("retention-time");
        if (retention != null && (retention.toMillis() < 1000 || retention.compareTo(Duration.ofHours(1)) > 0)) {
            c.problem("retention-time", "must be within [1s, 1h], was " + retention.toMillis() + " ms");
        }
        if (retention != null && Boolean.FALSE.equals(compaction) && retention.compareTo(H2_DEFAULT_RETENTION) < 0) {
            c.problem("retention-time", "must be H2's 45s with compaction.enabled = off (the compaction run forces the file to disk), was "
                    + retention.toMillis() + " ms");
        }
        if (retention != null && interval != null && Boolean.TRUE.equals(compaction) && retention.compareTo(interval) < 0) {
            c.problem("retention-time", "must be at least compaction.interval (" + interval.toMillis() + " ms: the file is forced to disk "
                    + "every run), was " + retention.toMillis() + " ms");
        }
        c.throwIfProblems();
        return new H2FileSettings(compress, compaction, interval, fill, write, retention);
    }

    /**
     * The options this adds to the H2 URL: {@code ;COMPRESS=TRUE} when on, and {@code ;RETENTION_TIME=ms} always, also
     * H2's own 45 s: H2 stores the setting in the database, so a value set once would outlive a later default.
     */
    public String urlOptions() {
        return (compress ? ";COMPRESS=TRUE" : "") + ";RETENTION_TIME=" + retentionTime.toMillis();
    }

    /** Whether the compaction run forces the file to disk: when the retention is shorter than H2's own. */
    public boolean syncEveryRun() {
        return retentionTime.compareTo(H2_DEFAULT_RETENTION) < 0;
    }
}
