/**
 * The read side: exactly-once projections by slice tag ({@code FleetProjection}, {@code AssetProjection}) into SQL
 * tables migrated by {@code ReadSideSchema} (Flyway), the queries and routes on them ({@code FleetQueries},
 * {@code AssetQueries}, {@code AssetLists}), and the bounded in-memory {@link org.ssbtwin.api.readside.AssetDirectory}
 * (stations, change feed). See docs/read-side.md.
 *
 * <p>Pekko Projection JDBC and Persistence Query over the model packages' folds.
 */
package org.ssbtwin.api.readside;
