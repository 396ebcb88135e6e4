package org.ssbtwin.api.auth;

import java.util.Locale;
import java.util.Optional;
import org.ssbtwin.config.AuthSettings.Role;

/**
 * The one place that says which role a request needs (method + path), for every route of every module:
 *
 * <ul>
 *   <li>public: everything outside {@code /api/v1} (dashboard, static files, {@code /metrics} for Prometheus), {@code /api/v1/health},
 *       {@code /api/v1/ready}, {@code /api/v1/openapi...}, and CORS pre-flights ({@code OPTIONS});</li>
 *   <li>public, with the access tier set by the key if one is sent: a pack's battery passport and its QR code, and
 *       the Asset Administration Shell ({@link org.ssbtwin.api.auth.PassportPaths});</li>
 *   <li>reader: every other {@code GET}/{@code HEAD} (lists, search, events, history, the passport export);</li>
 *   <li>operator: writes to {@code /telemetry}, {@code /plant/mes-records}, {@code /stations/{id}/setpoints/...};</li>
 *   <li>engineer: writes to {@code /studies} and {@code /scenarios}, and any other write (least privilege: a write
 *       route added later needs the highest role until it is listed here).</li>
 * </ul>
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    private static final String API = "/api/v1";

    /** The role {@code method path} requires, or empty when it is public. */
    public static Optional<Role> required(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        String p = normalise(path);
        if (m.equals("OPTIONS")) return Optional.empty();
        if (!(p.equals(API) || p.startsWith(API + "/"))) return Optional.empty();
        String rest = p.substring(API.length());
        if (rest.equals("/health") || rest.equals("/ready") || rest.equals("/openapi") || rest.startsWith("/openapi/")
                || rest.startsWith("/openapi.")) {
            return Optional.empty();
        }
        // the battery passport (issue 18): anyone who scans the QR code reads its public part; a key raises the
        // access tier (org.ssbtwin.api.passport.PassportTier), it is never refused as a whole
        if ((m.equals("GET") || m.equals("HEAD")) && org.ssbtwin.api.auth.PassportPaths.isOpen(rest)) return Optional.empty();
        if (m.equals("GET") || m.equals("HEAD")) return Optional.of(Role.READER);
        String[] seg = rest.substring(Math.min(1, rest.length())).split("/");
        String first = seg.length > 0 ? seg[0] : "";
        if (first.equals("telemetry")) return Optional.of(Role.OPERATOR);
        if (first.equals("plant") && seg.length >= 2 && seg[1].equals("mes-records")) return Optional.of(Role.OPERATOR);
        if (first.equals("stations") && seg.length >= 3 && seg[2].equals("setpoints")) return Optional.of(Role.OPERATOR);
        return Optional.of(Role.ENGINEER);
    }

    /** Collapses duplicate slashes and drops a trailing slash, so {@code //api/v1//telemetry/} cannot dodge a rule. */
    static String normalise(String path) {
        String p = path.replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
