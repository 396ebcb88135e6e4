package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigException;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The journal lease (the {@code twin.cluster.journal-lease} block): one row in the twin's database names the cluster
 * that owns the journal and carries the cluster-wide virtual clock. A node reports READY only while its cluster owns
 * the journal; a node that finds another, live cluster renewing the lease leaves (never two clusters on one journal).
 *
 * @param renewInterval how often every node checks the lease and the oldest reachable member renews it
 * @param expiry a lease not renewed for this long may be taken by a new cluster (after a full stop or crash of the
 *        owning cluster); it must be well above {@code renewInterval} and the database's worst pause
 * @param leaveForeignCluster on: a node whose cluster does not own the journal while the owner keeps renewing downs
 *        itself (its process stops; a supervisor restarts it and it joins the owning cluster through the seed nodes)
 */
public record JournalLeaseSettings(Duration renewInterval, Duration expiry, boolean leaveForeignCluster) {
    private static final String ROOT = "twin.cluster.journal-lease";

    public JournalLeaseSettings {
        if (renewInterval.isNegative() || renewInterval.isZero()) throw new ConfigException(ROOT + ".renew-interval", "must be positive");
        if (expiry.compareTo(renewInterval.multipliedBy(3)) < 0) {
            throw new ConfigException(ROOT + ".expiry", "must be at least 3 x renew-interval (" + renewInterval.multipliedBy(3) + "), was " + expiry);
        }
    }

    public static JournalLeaseSettings from(Config root) {
        if (!root.hasPath(ROOT)) throw new ConfigException(ROOT, "is required");
        Config c = root.getConfig(ROOT);
        return new JournalLeaseSettings(duration(c, "renew-interval"), duration(c, "expiry"), onOff(c, "leave-foreign-cluster"));
    }

    private static Duration duration(Config c, String key) {
        try {
            return c.getDuration(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(ROOT + "." + key, "must be a duration such as 1s or 500ms");
        }
    }

    private static boolean onOff(Config c, String key) {
        try {
            return c.getBoolean(key);
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(ROOT + "." + key, "must be on or off");
        }
    }
}
