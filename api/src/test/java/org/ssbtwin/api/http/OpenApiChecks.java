package org.ssbtwin.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of an OpenAPI 3.0 document (the parts of the specification's rules that matter for a served API):
 * required fields, path templates and their path parameters, response codes, resolvable {@code $ref}s, schema types,
 * unique operation ids. Returns every violation found, each naming where it is.
 */
public final class OpenApiChecks {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> PATH_ITEM_KEYS = union(METHODS, Set.of("summary", "description", "servers", "parameters", "$ref"));
    private static final Set<String> OPERATION_KEYS = Set.of("tags", "summary", "description", "externalDocs", "operationId",
            "parameters", "requestBody", "responses", "callbacks", "deprecated", "security", "servers");
    private static final Set<String> ROOT_KEYS = Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");
    private static final Set<String> COMPONENT_KEYS = Set.of("schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "securitySchemes", "links", "callbacks");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object");
    private static final Pattern STATUS = Pattern.compile("default|[1-5]([0-9]{2}|XX)");
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode spec;
    private final List<String> problems = new ArrayList<>();

    private OpenApiChecks(JsonNode spec) {
        this.spec = spec;
    }

    static List<String> validate(JsonNode spec) {
        OpenApiChecks c = new OpenApiChecks(spec);
        c.run();
        return c.problems;
    }

    private void run() {
        if (!spec.isObject()) {
            problems.add("the document is not a JSON object");
            return;
        }
        if (!spec.path("openapi").asText().matches("3\\.0\\.[0-9]+")) problems.add("openapi must be 3.0.x, is " + spec.get("openapi"));
        for (String k : List.of("title", "version")) {
            if (!spec.path("info").path(k).isTextual()) problems.add("info." + k + " must be a string");
        }
        spec.fieldNames().forEachRemaining(k -> {
            if (!ROOT_KEYS.contains(k) && !k.startsWith("x-")) problems.add("unknown root key " + k);
        });
        spec.path("components").fieldNames().forEachRemaining(k -> {
            if (!COMPONENT_KEYS.contains(k) && !k.startsWith("x-")) problems.add("unknown components key " + k);
        });
        if (!spec.path("paths").isObject() || spec.path("paths").isEmpty()) problems.add("paths must be a non-empty object");
        Set<String> operationIds = new HashSet<>();
        Set<String> templates = new HashSet<>();
        spec.path("paths").fields().forEachRemaining(p -> checkPath(p.getKey(), p.getValue(), operationIds, templates));
        spec.path("components").path("schemas").fields().forEachRemaining(s -> checkSchema("components.schemas." + s.getKey(), s.getValue()));
        refs(spec, "#");
    }

    private void checkPath(String path, JsonNode item, Set<String> operationIds, Set<String> templates) {
        String where = "paths." + path;
        if (!path.startsWith("/")) problems.add(where + ": must start with /");
        String shape = TEMPLATE_PARAM.matcher(path).replaceAll("{}");
        if (!templates.add(shape)) problems.add(where + ": the same template as another path (only parameter names differ)");
        item.fieldNames().forEachRemaining(k -> {
            if (!PATH_ITEM_KEYS.contains(k) && !k.startsWith("x-")) problems.add(where + ": unknown key " + k);
        });
        Set<String> templateParams = new LinkedHashSet<>();
        Matcher m = TEMPLATE_PARAM.matcher(path);
        while (m.find()) templateParams.add(m.group(1));
        Map<String, JsonNode> pathLevel = parameters(where, item.path("parameters"));
        boolean anyOperation = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!METHODS.contains(e.getKey())) continue;
            anyOperation = true;
            String op = e.getKey().toUpperCase() + " " + path;
            JsonNode o = e.getValue();
            o.fieldNames().forEachRemaining(k -> {
                if (!OPERATION_KEYS.contains(k) && !k.startsWith("x-")) problems.add(op + ": unknown key " + k);
            });
            if (o.has("operationId") && !operationIds.add(o.get("operationId").asText())) {
                problems.add(op + ": operationId " + o.get("operationId") + " is not unique");
            }
            Map<String, JsonNode> params = new HashMap<>(pathLevel);
            params.putAll(parameters(op, o.path("parameters")));
            Set<String> declaredPath = new LinkedHashSet<>();
            params.forEach((key, p) -> {
                if (key.startsWith("path:")) declaredPath.add(key.substring(5));
            });
            if (!declaredPath.equals(templateParams)) {
                problems.add(op + ": path parameters " + declaredPath + " do not match the template's " + templateParams);
            }
            if (o.has("requestBody")) {
                JsonNode body = resolve(o.get("requestBody"));
                if (!body.path("content").isObject() || body.path("content").isEmpty()) problems.add(op + ": requestBody without content");
            }
            JsonNode responses = o.path("responses");
            if (!responses.isObject() || responses.isEmpty()) problems.add(op + ": responses must be a non-empty object");
            responses.fields().forEachRemaining(r -> {
                if (!STATUS.matcher(r.getKey()).matches()) problems.add(op + ": response key " + r.getKey() + " is not a status code");
                if (!resolve(r.getValue()).path("description").isTextual()) problems.add(op + " " + r.getKey() + ": response without description");
            });
        }
        if (!anyOperation) problems.add(where + ": no operation");
    }

    /** Parameters by in:name; checks each. */
    private Map<String, JsonNode> parameters(String where, JsonNode list) {
        Map<String, JsonNode> out = new HashMap<>();
        if (list.isMissingNode()) return out;
        if (!list.isArray()) {
            problems.add(where + ": parameters must be an array");
            return out;
        }
        for (JsonNode raw : list) {
            JsonNode p = resolve(raw);
            String name = p.path("name").asText("");
            String in = p.path("in").asText("");
            if (name.isEmpty()) problems.add(where + ": a parameter without a name");
            if (!Set.of("path", "query", "header", "cookie").contains(in)) problems.add(where + ": parameter " + name + " has in=" + in);
            if (in.equals("path") && !p.path("required").asBoolean(false)) problems.add(where + ": path parameter " + name + " must be required");
            if (!p.has("schema") && !p.has("content")) problems.add(where + ": parameter " + name + " has neither schema nor content");
            if (out.put(in + ":" + name, p) != null) problems.add(where + ": parameter " + in + " " + name + " twice");
        }
        return out;
    }

    private void checkSchema(String where, JsonNode schema) {
        if (!schema.isObject()) {
            problems.add(where + ": a schema must be an object");
            return;
        }
        if (schema.has("type") && !TYPES.contains(schema.get("type").asText())) problems.add(where + ": unknown type " + schema.get("type"));
        if ("array".equals(schema.path("type").asText()) && !schema.has("items")) problems.add(where + ": array without items");
        if (schema.has("required")) {
            schema.get("required").forEach(r -> {
                if (schema.has("properties") && !schema.get("properties").has(r.asText())) {
                    problems.add(where + ": required " + r + " is not among its properties");
                }
            });
        }
        schema.path("properties").fields().forEachRemaining(p -> checkSchema(where + "." + p.getKey(), p.getValue()));
        if (schema.path("items").isObject()) checkSchema(where + "[]", schema.get("items"));
        for (String k : List.of("allOf", "oneOf", "anyOf")) {
            int i = 0;
            for (JsonNode s : schema.path(k)) checkSchema(where + "." + k + "[" + i++ + "]", s);
        }
    }

    /** Every $ref resolves inside the document. */
    private void refs(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#/") || spec.at(ref.substring(1)).isMissingNode()) problems.add(where + ": $ref " + ref + " does not resolve");
            }
            node.fields().forEachRemaining(e -> refs(e.getValue(), where + "/" + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) refs(node.get(i), where + "/" + i);
        }
    }

    JsonNode resolve(JsonNode node) {
        return resolve(spec, node);
    }

    public static JsonNode resolve(JsonNode spec, JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            node = spec.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /**
     * Light check of a JSON answer against a schema: required properties present, types of objects/arrays/numbers
     * and strings, recursively into properties, array items (the first few) and allOf. Returns violations.
     */
    static List<String> conforms(JsonNode spec, JsonNode schema, JsonNode value, String where) {
        List<String> out = new ArrayList<>();
        conforms(spec, schema, value, where, out, 0);
        return out;
    }

    private static void conforms(JsonNode spec, JsonNode schema, JsonNode value, String where, List<String> out, int depth) {
        schema = resolve(spec, schema);
        if (schema == null || schema.isMissingNode() || depth > 12 || value == null) return;
        if (value.isNull()) {
            if (schema.has("type") && !schema.path("nullable").asBoolean(false)) out.add(where + ": null but not nullable");
            return;
        }
        for (JsonNode s : schema.path("allOf")) conforms(spec, s, value, where, out, depth + 1);
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            out.add(where + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean in = false;
            for (JsonNode e : schema.get("enum")) in |= e.equals(value);
            if (!in) out.add(where + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) out.add(where + ": required property " + r.asText() + " is missing");
            }
            final JsonNode s = schema;
            value.fields().forEachRemaining(f -> {
                if (s.path("properties").has(f.getKey())) {
                    conforms(spec, s.get("properties").get(f.getKey()), f.getValue(), where + "." + f.getKey(), out, depth + 1);
                } else if (s.path("additionalProperties").isObject()) {
                    conforms(spec, s.get("additionalProperties"), f.getValue(), where + "." + f.getKey(), out, depth + 1);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < Math.min(5, value.size()); i++) conforms(spec, schema.get("items"), value.get(i), where + "[" + i + "]", out, depth + 1);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
