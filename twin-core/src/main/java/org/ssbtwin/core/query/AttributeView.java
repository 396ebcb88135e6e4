package org.ssbtwin.core.query;

/**
 * A typed view of one asset's attributes for filtering and sorting: {@link #get} returns a {@link String},
 * a {@link Double} or a {@link Boolean} according to the attribute's {@link AttrType}, or null when the asset has no
 * such value (e.g. {@code climate} of a station, the SoH of a cell that is not in a car yet).
 */
@FunctionalInterface
public interface AttributeView {
    Object get(String attribute);
}
