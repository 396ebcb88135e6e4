/**
 * Fleet model: a deployed vehicle pack as the fold of its events (assembled from cells, installed, used and aged), its
 * idempotency window of telemetry record ids, its SoH history and the summary lists need.
 *
 * <p>Plain immutable Java on top of twin-core and {@code org.ssbtwin.fleet.ageing}; no Pekko (the sharded shell is in
 * {@code org.ssbtwin.fleet.entity}).
 */
package org.ssbtwin.fleet.pack;
