package org.ssbtwin.api.auth;

import java.util.regex.Pattern;

/**
 * The paths of the battery passport that are open to everyone (their answer depends on the caller's access tier,
 * {@code PassportTier}), relative to {@code /api/v1}: a pack's passport and its QR code, and the Asset
 * Administration Shell ({@code /aas/...}). The bulk export ({@code /passports}) is not among them.
 */
public final class PassportPaths {
    private PassportPaths() {}

    private static final Pattern OPEN = Pattern.compile("^/packs/[^/]+/passport(/qr\\.png)?$|^/aas(/.*)?$");

    /** Is {@code rest} (a path below {@code /api/v1}, normalised) open to everyone? */
    public static boolean isOpen(String rest) {
        return OPEN.matcher(rest).matches();
    }
}
