package org.ssbtwin.fleet.ageing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which cell the life model ages: the documented Li-ion baseline alone, or the baseline with the SSB multipliers on
 * top (see {@link LifeModelConstants}). The same fleet can be run with either to show what the SSB assumptions do.
 */
public enum Chemistry {
    /** The Li-ion reference (BLAST-Lite structure, fleet-calibrated); every SSB multiplier is 1. */
    LI_ION_REFERENCE("li-ion-reference"),
    /** The solid-state cell: the Li-ion reference times the SSB multipliers. */
    SSB("ssb");

    private final String id;

    Chemistry(String id) {
        this.id = id;
    }

    /** The name used in fleet specs, study requests and {@code --chemistry}. */
    public String id() {
        return id;
    }

    /**
     * @throws IllegalArgumentException naming the valid values if {@code id} is unknown
     */
    public static Chemistry parse(String id) {
        for (Chemistry c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("chemistry must be one of " + ids() + ", was " + id);
    }

    public static String ids() {
        return Arrays.stream(values()).map(Chemistry::id).collect(Collectors.joining(", "));
    }
}
