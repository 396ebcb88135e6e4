package org.ssbtwin.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.ssbtwin.api.auth.OperationSecurity;

/**
 * What the assembled OpenAPI document declares for every operation from the code rather than from the fragments,
 * so that it cannot drift: each operation's security (from the access policy, {@link OperationSecurity}), and the
 * problems any request may get before it reaches a route (400 malformed, 414, 431; {@link ProblemParsingErrorHandler})
 * on operations that document no 4xx answer of their own, and 413 and 415 on operations that take a body
 * ({@link RequestBodies}).
 */
public final class OpenApiDeclarations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDeclarations() {
    }

    public static ObjectNode declare(ObjectNode spec) {
        OperationSecurity.declare(spec);
        ObjectNode responses = spec.withObjectProperty("components").withObjectProperty("responses");
        if (!responses.has("MalformedRequest")) {
            responses.putObject("MalformedRequest")
                    .put("description", "Refused before routing: a malformed request (bad % escape, too many headers: 400), "
                            + "a URI or headers too large (414, 431)")
                    .putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        }
        problem(responses, "PayloadTooLarge", "The body is larger than pekko.http.server.parsing.max-content-length (8 MB)");
        problem(responses, "UnsupportedMediaType", "The body's Content-Type is not one the operation declares");
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || !(op.getValue() instanceof ObjectNode operation)) continue;
                ObjectNode answers = operation.withObjectProperty("responses");
                boolean any4xx = false;
                for (Iterator<String> codes = answers.fieldNames(); codes.hasNext(); ) {
                    if (codes.next().startsWith("4")) any4xx = true;
                }
                if (!any4xx) answers.putObject("4XX").put("$ref", "#/components/responses/MalformedRequest");
                if (operation.has("requestBody")) {
                    if (!answers.has("413")) answers.putObject("413").put("$ref", "#/components/responses/PayloadTooLarge");
                    if (!answers.has("415")) answers.putObject("415").put("$ref", "#/components/responses/UnsupportedMediaType");
                }
            }
        }
        return spec;
    }

    private static void problem(ObjectNode responses, String name, String description) {
        if (responses.has(name)) return;
        responses.putObject(name).put("description", description).putObject("content").putObject("application/problem+json")
                .putObject("schema").put("$ref", "#/components/schemas/Problem");
    }
}
