package org.ssbtwin.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssbtwin.config.AuthSettings.Role;

/**
 * Declares in the OpenAPI document, for every operation, the security that {@link AccessPolicy} really applies (the
 * same function that guards the routes, so the document cannot drift from it): {@code security: []} for a public
 * operation; otherwise the API key as a bearer token or an {@code X-Api-Key} header, the role it needs as
 * {@code x-required-role}, and the 401/403 answers. When access control is off ({@code twin.auth.enabled = false})
 * no key is asked for; the document describes the protected configuration.
 */
public final class OperationSecurity {
    public static final String BEARER = "bearerAuth";
    public static final String API_KEY = "apiKey";
    public static final String REQUIRED_ROLE = "x-required-role";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OperationSecurity() {
    }

    /** Sets each operation's security of {@code spec} (an assembled document) in place; returns it. */
    public static ObjectNode declare(ObjectNode spec) {
        ObjectNode components = spec.withObjectProperty("components");
        ObjectNode schemes = components.withObjectProperty("securitySchemes");
        if (!schemes.has(BEARER)) {
            schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer")
                    .put("description", "API key as bearer token (only when twin.auth.enabled)");
        }
        if (!schemes.has(API_KEY)) {
            schemes.putObject(API_KEY).put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                    .put("description", "The same API key in a header");
        }
        ObjectNode responses = components.withObjectProperty("responses");
        if (!responses.has("Forbidden")) {
            responses.putObject("Forbidden").put("description", "The API key's role is too small for this operation")
                    .putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) continue;
                Optional<Role> role = AccessPolicy.required(op.getKey().toUpperCase(Locale.ROOT), path.getKey());
                ArrayNode security = operation.putArray("security");
                if (role.isEmpty()) {
                    operation.remove(REQUIRED_ROLE);
                    continue;
                }
                security.addObject().putArray(BEARER);
                security.addObject().putArray(API_KEY);
                operation.put(REQUIRED_ROLE, role.get().name().toLowerCase(Locale.ROOT));
                ObjectNode answers = operation.withObjectProperty("responses");
                if (!answers.has("401")) answers.putObject("401").put("$ref", "#/components/responses/Unauthorized");
                if (!answers.has("403")) answers.putObject("403").put("$ref", "#/components/responses/Forbidden");
            }
        }
        return spec;
    }
}
