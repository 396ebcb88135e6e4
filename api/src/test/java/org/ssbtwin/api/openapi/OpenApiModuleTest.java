package org.ssbtwin.api.openapi;

import org.ssbtwin.api.http.Json;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assembling the OpenAPI document from fragments: every file is found (folder and jar), conflicts stop the start. */
class OpenApiModuleTest {
    @TempDir
    Path dir;

    static ObjectNode json(String s) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static final String BASE = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
             "components": {"schemas": {"Problem": {"type": "object"}}}}""";

    static SortedMap<String, JsonNode> fragments(Map<String, String> files) {
        SortedMap<String, JsonNode> m = new TreeMap<>();
        files.forEach((k, v) -> m.put(k, json(v)));
        return m;
    }

    @Test
    void fragmentsAreMergedSortedAndPrefixed() {
        ObjectNode spec = OpenApiModule.merge(json(BASE), fragments(Map.of(
                "b.json", """
                        {"paths": {"/api/v1/zeta": {"get": {"responses": {"200": {"description": "ok"}}}}},
                         "components": {"schemas": {"Zeta": {"type": "string"}, "Problem": {"type": "object"}}},
                         "tags": [{"name": "zeta"}]}""",
                "a.json", """
                        {"paths": {"/alpha/{id}": {"get": {"responses": {"200": {"description": "ok"}}}},
                                   "/api/v1/zeta": {"post": {"responses": {"202": {"description": "queued"}}}}},
                         "components": {"schemas": {"Alpha": {"type": "integer"}}}}""")));
        List<String> paths = new ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(List.of("/api/v1/alpha/{id}", "/api/v1/zeta"), paths, "sorted, and a path without /api/v1 gets it");
        assertTrue(spec.get("paths").get("/api/v1/zeta").has("get"));
        assertTrue(spec.get("paths").get("/api/v1/zeta").has("post"), "methods of one path from two files are merged");
        List<String> schemas = new ArrayList<>();
        spec.get("components").get("schemas").fieldNames().forEachRemaining(schemas::add);
        assertEquals(List.of("Alpha", "Problem", "Zeta"), schemas, "an identical repeated component is fine");
        assertEquals("zeta", spec.get("tags").get(0).get("name").asText());
        ObjectNode base = json(BASE);
        Map<String, String> files = Map.of("b.json", "{\"paths\": {\"/b\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}",
                "a.json", "{\"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
        assertEquals(OpenApiModule.merge(base, fragments(files)).toString(), OpenApiModule.merge(base, fragments(files)).toString(),
                "the same fragments give the same document, byte for byte");
        assertEquals(json(BASE), base, "the base is not changed");
    }

    @Test
    void samePathAndMethodInTwoFilesStopsTheStart() {
        var e = assertThrows(OpenApiModule.InvalidOpenApiException.class, () -> OpenApiModule.merge(json(BASE), fragments(Map.of(
                "scenarios.json", "{\"paths\": {\"/api/v1/scenarios\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}",
                "whatif.json", "{\"paths\": {\"/scenarios\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}"))));
        assertTrue(e.getMessage().contains("GET /api/v1/scenarios"), e.getMessage());
        assertTrue(e.getMessage().contains("scenarios.json") && e.getMessage().contains("whatif.json"), e.getMessage());
    }

    @Test
    void aComponentDefinedDifferentlyOrAnUnknownKeyStopsTheStart() {
        var e = assertThrows(OpenApiModule.InvalidOpenApiException.class, () -> OpenApiModule.merge(json(BASE), fragments(Map.of(
                "fleet.json", "{\"components\": {\"schemas\": {\"Problem\": {\"type\": \"string\"}}}}"))));
        assertTrue(e.getMessage().contains("schemas/Problem") && e.getMessage().contains("fleet.json"), e.getMessage());
        var unknown = assertThrows(OpenApiModule.InvalidOpenApiException.class, () -> OpenApiModule.merge(json(BASE), fragments(Map.of(
                "x.json", "{\"pathz\": {}}"))));
        assertTrue(unknown.getMessage().contains("pathz"), unknown.getMessage());
    }

    @Test
    void everyFragmentOfTheFolderIsFoundInsideAJar() throws Exception {
        Path jar = dir.resolve("twin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("openapi/"));
            out.closeEntry();
            put(out, "openapi/base.json", BASE);
            put(out, "openapi/connectors.json", "{\"paths\": {\"/connectors\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
            put(out, "openapi/fleet.json", "{\"paths\": {\"/fleet/soh-distribution\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
            put(out, "openapi/notes/ignored.json", "{\"paths\": {\"/nested\": {}}}");
            put(out, "other/unrelated.json", "{}");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ObjectNode spec = OpenApiModule.assemble(loader);
            List<String> paths = new ArrayList<>();
            spec.get("paths").fieldNames().forEachRemaining(paths::add);
            assertEquals(List.of("/api/v1/connectors", "/api/v1/fleet/soh-distribution"), paths);
        }
    }

    @Test
    void everyFragmentOfTheFolderIsFoundInADirectory() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("classes/openapi"));
        Files.writeString(folder.resolve("base.json"), BASE);
        Files.writeString(folder.resolve("search-events-history.json"),
                "{\"paths\": {\"/search\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
        Files.writeString(folder.resolve("README.txt"), "not a fragment");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            assertTrue(OpenApiModule.assemble(loader).get("paths").has("/api/v1/search"));
        }
        Files.writeString(folder.resolve("broken.json"), "{\"paths\": ");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            var e = assertThrows(OpenApiModule.InvalidOpenApiException.class, () -> OpenApiModule.assemble(loader));
            assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        }
    }

    @Test
    void theTwinsOwnFragmentsAllMerge() {
        ObjectNode spec = OpenApiModule.assemble(OpenApiModule.class.getClassLoader());
        for (String p : List.of("/api/v1/health", "/api/v1/stations/{stationId}/setpoints/{name}", "/api/v1/cells/{cellId}/genealogy",
                "/api/v1/packs/{packId}/history", "/api/v1/vehicles/{vehicleId}/pack", "/api/v1/telemetry", "/api/v1/plant/mes-records",
                "/api/v1/plant/kpis", "/api/v1/studies/{studyId}/soh.png", "/api/v1/openapi.json")) {
            assertTrue(spec.get("paths").has(p), p);
        }
        assertEquals(spec, OpenApiModule.assemble(OpenApiModule.class.getClassLoader()), "deterministic");
    }

    private static void put(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
