package org.ssbtwin.core;

/**
 * The slice tag of an asset's events: {@code prefix-i} with {@code i = floorMod(entityId.hashCode(), slices)}
 * ({@code pack-0} .. {@code pack-(n-1)}, {@code cell-i}, {@code station-i}). Each read-side projection instance
 * reads the events of one slice tag only, so no instance decodes the events of another. {@link String#hashCode} is
 * specified by the JLS: the slice of an id is the same on every node and in every build.
 */
public final class TagSlice {
    private TagSlice() {}

    /** The slice (0..slices-1) of an entity id. */
    public static int of(String entityId, int slices) {
        if (slices < 1) throw new IllegalArgumentException("slices must be >= 1, was " + slices);
        return Math.floorMod(entityId.hashCode(), slices);
    }

    /** The tag of slice {@code slice}: {@code prefix-slice}. */
    public static String tag(String prefix, int slice) {
        return prefix + "-" + slice;
    }

    /** The slice tag of an entity id: {@code prefix-of(entityId, slices)}. */
    public static String tag(String prefix, String entityId, int slices) {
        return tag(prefix, of(entityId, slices));
    }
}
