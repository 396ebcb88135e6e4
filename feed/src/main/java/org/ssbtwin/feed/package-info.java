/**
 * Feeds of facts into the twin: an {@link org.ssbtwin.feed.AssetBatch} (facts for one asset, recorded atomically by
 * its entity) and the {@link org.ssbtwin.feed.TwinFeed} contract of a source that moves with virtual time.
 *
 * <p>Depends on the plant and fleet models; no Pekko.
 */
package org.ssbtwin.feed;
