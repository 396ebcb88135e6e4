package org.ssbtwin.feed;

import java.time.Instant;
import java.util.List;

/**
 * A source of facts about assets that moves with virtual time: the simulated plant, the simulated fleet, later
 * real connectors. {@link #advanceTo} returns, in order, what happened up to {@code now}.
 */
public interface TwinFeed {
    List<AssetBatch> advanceTo(Instant now);
}
