package org.ssbtwin.api.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ssbtwin.api.http.Json;

/** The OpenAPI fragment of the what-if endpoints is well-formed and every $ref resolves. */
class ScenarioOpenApiTest {
    @Test
    void fragmentDescribesEveryScenarioEndpointAndItsRefsResolve() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/scenarios.json")) {
            assertNotNull(in, "openapi/scenarios.json on the classpath");
            doc = Json.MAPPER.readTree(in);
        }
        Set<String> paths = new HashSet<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(Set.of("/api/v1/scenarios", "/api/v1/scenarios/bundled", "/api/v1/scenarios/{id}",
                "/api/v1/scenarios/{id}/result.csv", "/api/v1/scenarios/{id}/chart.png"), paths);
        assertTrue(doc.get("paths").get("/api/v1/scenarios").get("post").get("responses").has("429"));
        JsonNode schemas = doc.get("components").get("schemas");
        Set<String> refs = new HashSet<>();
        collect(doc, refs);
        for (String ref : refs) {
            String name = ref.substring("#/components/schemas/".length());
            assertTrue(schemas.has(name), "unresolved " + ref);
        }
    }

    private static void collect(JsonNode n, Set<String> refs) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asText());
                else collect(e.getValue(), refs);
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, refs));
        }
    }
}
