package org.ssbtwin.fleet.readmodel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects state-of-health values by a key (a cohort, a period) and turns each bucket into {@link SohStats}.
 * Keys come out in natural (lexicographic) order; a null key is collected under {@value FleetPackRow#UNKNOWN}.
 * The result depends only on the (key, value) pairs added, not on their order.
 */
public final class SohBuckets {
    private final TreeMap<String, double[]> values = new TreeMap<>();
    private final Map<String, Integer> sizes = new TreeMap<>();

    public SohBuckets add(String key, double soh) {
        if (!Double.isFinite(soh)) throw new IllegalArgumentException("state of health must be finite, was " + soh);
        String k = key == null ? FleetPackRow.UNKNOWN : key;
        int n = sizes.getOrDefault(k, 0);
        double[] a = values.get(k);
        if (a == null) {
            a = new double[16];
        } else if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n] = soh;
        values.put(k, a);
        sizes.put(k, n + 1);
        return this;
    }

    /** The statistics of every bucket, keys in natural order. */
    public Map<String, SohStats> stats() {
        Map<String, SohStats> out = new LinkedHashMap<>();
        values.forEach((k, a) -> out.put(k, SohStats.of(a, sizes.get(k))));
        return out;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
