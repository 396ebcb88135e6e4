package org.ssbtwin.fleet.readmodel;

import java.util.Map;

/**
 * The fleet's SoH distribution over virtual time, from the per-pack monthly SoH rows ({@code fleet_pack_soh_monthly}).
 * A pack counts in a period when it reported use in that period, with its <b>latest</b> SoH of the period (for a
 * year: its SoH of the last month of that year in which it was used). Packs idle for a whole period are not carried
 * forward. Rows must arrive ordered by pack, then month (checked), so that "latest" needs no extra state.
 */
public final class SohTimeline {
    private final Period period;
    private final SohBuckets buckets = new SohBuckets();
    private String pendingPack;
    private String pendingMonth;
    private String pendingBucket;
    private double pendingSoh;

    public SohTimeline(Period period) {
        this.period = period;
    }

    /** One pack's SoH in one month; call in (pack, month) order. */
    public void accept(String packId, String month, double soh) {
        if (pendingPack != null) {
            int byPack = packId.compareTo(pendingPack);
            if (byPack < 0 || (byPack == 0 && month.compareTo(pendingMonth) <= 0)) {
                throw new IllegalArgumentException("rows must be ordered by pack then month: " + packId + "/" + month
                        + " after " + pendingPack + "/" + pendingMonth);
            }
        }
        String bucket = period.bucketOfMonth(month);
        if (pendingPack != null && !(pendingPack.equals(packId) && pendingBucket.equals(bucket))) flush();
        pendingPack = packId;
        pendingMonth = month;
        pendingBucket = bucket;
        pendingSoh = soh;
    }

    private void flush() {
        buckets.add(pendingBucket, pendingSoh);
    }

    /** Per period (ascending), the distribution of the packs used in it. */
    public Map<String, SohStats> points() {
        if (pendingPack != null) {
            flush();
            pendingPack = null;
        }
        return buckets.stats();
    }
}
