package org.ssbtwin.api.readside;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ssbtwin.fleet.pack.PackEvent;

/**
 * The fleet projection's fold ({@code fleet_pack}, {@code fleet_pack_soh_monthly}, {@code fleet_pack_passport},
 * {@code rs_serial}) of one pack's consecutive events, on a connection the caller owns and commits. For tools that
 * write a history in bulk straight into the database (bench restart) and must leave the read side as the projection
 * would have left it; the running twin folds through {@link FleetProjection} only.
 */
public final class FleetFold {
    private FleetFold() {}

    /**
     * Folds {@code events} of pack {@code packId} (persistence id without the entity type), the first at sequence
     * number {@code firstSeqNr}; returns how many were applied (events at or below a row's last sequence number are
     * skipped, as in the projection).
     */
    public static int fold(Connection c, String packId, long firstSeqNr, List<PackEvent> events) throws SQLException {
        List<FleetProjection.Applied> applied = new ArrayList<>(events.size());
        long seq = firstSeqNr;
        for (PackEvent e : events) applied.add(new FleetProjection.Applied(packId, seq++, e));
        return FleetProjection.applyAll(c, applied);
    }
}
