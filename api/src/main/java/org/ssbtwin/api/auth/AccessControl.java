package org.ssbtwin.api.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.api.http.Json;
import org.ssbtwin.config.AuthSettings;
import org.ssbtwin.config.AuthSettings.ApiKey;
import org.ssbtwin.config.AuthSettings.Role;

/**
 * Enforces {@link AccessPolicy} around all routes: the key comes from {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}; no or an unknown key on a protected route is 401 (with {@code WWW-Authenticate}), a
 * known key with too small a role 403, both as problem+json. Keys are never logged (only the key's name).
 */
public final class AccessControl extends AllDirectives {
    private static final Logger log = LoggerFactory.getLogger(AccessControl.class);

    private final AuthSettings settings;

    public AccessControl(AuthSettings settings) {
        this.settings = settings;
    }

    /** Reads {@code twin.auth} and says at start whether the API is protected (never printing a key). */
    public static AccessControl fromConfig(com.typesafe.config.Config config) {
        AuthSettings settings = AuthSettings.from(config);
        if (settings.enabled()) {
            log.info("API access control is on: {} key(s) {}", settings.keys().size(), settings.keys());
        } else {
            log.warn("API access control is OFF (twin.auth.enabled = false): anyone who can reach the port may read and write; "
                    + "set twin.auth.enabled = true and configure twin.auth.keys for anything but a local embedded node");
        }
        return new AccessControl(settings);
    }

    /** No access control: every request passes. */
    public static AccessControl disabled() {
        return new AccessControl(new AuthSettings(false, List.of()));
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The outcome for one request: null to pass it on, otherwise the 401/403 problem to answer. */
    public HttpResponse decide(HttpRequest request) {
        if (!settings.enabled()) return null;
        String method = request.method().value();
        String path = request.getUri().path();
        Optional<Role> required = AccessPolicy.required(method, path);
        if (required.isEmpty()) return null;
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            return unauthorized("send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'", path, "invalid_request");
        }
        Optional<ApiKey> key = settings.identify(presented.get());
        if (key.isEmpty()) {
            log.debug("refused {} {}: unknown API key", method, path);
            return unauthorized("the API key is not known", path, "invalid_token");
        }
        if (!key.get().role().includes(required.get())) {
            log.info("refused {} {} for key '{}' (role {}, needs {})", method, path, key.get().name(), key.get().role().label(),
                    required.get().label());
            return Json.problem(StatusCodes.FORBIDDEN, "forbidden", "The API key's role does not allow this",
                    method + " " + path + " needs role " + required.get().label() + "; key '" + key.get().name()
                            + "' has role " + key.get().role().label(), path, null);
        }
        return null;
    }

    /**
     * The role of the key the request presents, if it is a known key; empty without a key or with an unknown one
     * (for routes open to all whose answer depends on the caller, e.g. the battery passport's access tiers).
     */
    public Optional<Role> roleOf(HttpRequest request) {
        return presentedKey(request).flatMap(settings::identify).map(ApiKey::role);
    }

    /** Wraps {@code inner}: requests the policy refuses are answered here and never reach a route. */
    public Route protect(Supplier<Route> inner) {
        if (!settings.enabled()) return inner.get();
        return extractRequest(request -> {
            HttpResponse refusal = decide(request);
            return refusal == null ? inner.get() : complete(refusal);
        });
    }

    static Optional<String> presentedKey(HttpRequest request) {
        Optional<String> auth = request.getHeader("Authorization").map(h -> h.value().strip());
        if (auth.isPresent()) {
            String v = auth.get();
            if (v.length() > 7 && v.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return Optional.of(v.substring(7).strip());
            return Optional.of(""); // another scheme: treated as an unknown key
        }
        return request.getHeader("X-Api-Key").map(h -> h.value().strip());
    }

    private static HttpResponse unauthorized(String detail, String path, String error) {
        return Json.problem(StatusCodes.UNAUTHORIZED, "unauthorized", "An API key is required", detail, path, null)
                .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"ssb-twin\", error=\"" + error + "\""));
    }
}
