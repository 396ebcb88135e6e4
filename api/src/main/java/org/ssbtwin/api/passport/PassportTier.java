package org.ssbtwin.api.passport;

import java.util.Optional;
import org.ssbtwin.config.AuthSettings.Role;

/**
 * Who may read what of a battery passport: the access groups of Regulation (EU) 2023/1542, Art. 77(2) and
 * Annex XIII, each seeing its own part and every lower one.
 *
 * <ul>
 *   <li>{@link #PUBLIC}: the general public (Annex XIII point 1), anyone who scans the QR code, no key needed;</li>
 *   <li>{@link #LEGITIMATE_INTEREST}: persons with a legitimate interest and the Commission (Annex XIII points 2
 *       and 4: detailed composition, dismantling and safety, state of health);</li>
 *   <li>{@link #AUTHORITY}: notified bodies, market surveillance authorities and the Commission (Annex XIII
 *       point 3: results of test reports proving compliance).</li>
 * </ul>
 *
 * <p>The twin's API keys map onto the tiers: no key or an unknown key is public; the passport roles
 * {@code legitimate-interest} and {@code authority} are their tiers; the twin's own staff, {@code reader} and
 * {@code operator}, read the state of health anyway (GET /packs/{id}/health) and get legitimate interest;
 * {@code engineer} (the manufacturer's engineers, who hold the test reports) gets the authorities' tier. With access
 * control off (a local node) everyone gets everything, as for every other route.
 */
public enum PassportTier {
    PUBLIC, LEGITIMATE_INTEREST, AUTHORITY;

    /** The tier of a caller: {@code role} is its key's role if it sent a known key; {@code enforced}: access control is on. */
    public static PassportTier of(boolean enforced, Optional<Role> role) {
        if (!enforced) return AUTHORITY;
        if (role.isEmpty()) return PUBLIC;
        return switch (role.get()) {
            case READER, OPERATOR, LEGITIMATE_INTEREST -> LEGITIMATE_INTEREST;
            case ENGINEER, AUTHORITY -> AUTHORITY;
        };
    }

    public boolean sees(PassportTier part) {
        return compareTo(part) >= 0;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
