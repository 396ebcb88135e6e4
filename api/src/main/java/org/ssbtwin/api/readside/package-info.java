/**
 * The read side: the in-memory {@link org.ssbtwin.api.readside.AssetDirectory} of station, cell and pack summaries
 * behind lists and search, and the durable fleet read side (the exactly-once {@code FleetProjection} into SQL tables,
 * its queries and routes).
 *
 * <p>Pekko Projection JDBC and Persistence Query over the model packages' folds.
 */
package org.ssbtwin.api.readside;
