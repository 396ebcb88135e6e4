/**
 * Plant entities: the thin Pekko shells around the plant model: sharded, event-sourced {@code StationEntity} and
 * {@code CellEntity} (over the shared {@code RecordedAssetEntity}) and the journal migration of rows written before
 * the slices owned their model.
 *
 * <p>The only Pekko code of the plant module; the rules live in the model packages.
 */
package org.ssbtwin.plant.entity;
