/**
 * The cluster around the journal: the journal lease ({@link org.ssbtwin.api.cluster.JournalLease}, one database row)
 * names the one cluster that owns the journal and carries the cluster-wide virtual clock;
 * {@link org.ssbtwin.api.cluster.JournalOwnership} keeps a node's view of it (READY only while its cluster owns the
 * journal), {@link org.ssbtwin.api.cluster.JournalOwnerCheck} reports it to Pekko Management's {@code /ready}.
 */
package org.ssbtwin.api.cluster;
