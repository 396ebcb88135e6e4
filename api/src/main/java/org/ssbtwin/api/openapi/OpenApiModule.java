package org.ssbtwin.api.openapi;

import org.ssbtwin.api.http.ApiModule;
import org.ssbtwin.api.http.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of the whole API, assembled once at start from
 * {@code openapi/base.json} and every other {@code openapi/*.json} fragment on the classpath (found by listing the
 * folder, in {@code target/classes} or inside the shaded jar — there is no index to keep up to date).
 *
 * <p>A fragment is {@code {"paths": {...}, "components": {"schemas": {...}, ...}, "tags": [...]}}. Fragments are merged
 * in file-name order; paths without the {@code /api/v1} prefix get it; paths and component names are sorted. The
 * same path + method in two files, a component defined differently in two files, or an unknown top-level key stops
 * the start with an {@link InvalidOpenApiException} naming the files.
 */
public final class OpenApiModule extends AllDirectives implements ApiModule {
    public static final String FOLDER = "openapi";
    public static final String BASE = "base.json";
    static final String PREFIX = "/api/v1";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode spec;
    private final byte[] bytes;

    /** Assembles the document from the classpath of this class; fails loudly if the fragments do not merge. */
    public OpenApiModule() {
        this(assemble(OpenApiModule.class.getClassLoader()));
    }

    public OpenApiModule(JsonNode spec) {
        this.spec = spec;
        this.bytes = Json.bytes(spec);
    }

    public JsonNode spec() {
        return spec;
    }

    @Override
    public Route routes() {
        return path("openapi.json", () -> get(() -> complete(HttpResponse.create()
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes)))));
    }

    /** A fragment that cannot be read or merged. */
    public static final class InvalidOpenApiException extends IllegalStateException {
        public InvalidOpenApiException(String message) {
            super(message);
        }
    }

    /** Reads base.json and every other fragment of the {@code openapi/} folder(s) of the class loader and merges them. */
    public static ObjectNode assemble(ClassLoader loader) {
        SortedMap<String, JsonNode> files = readFolder(loader);
        JsonNode base = files.remove(BASE);
        if (!(base instanceof ObjectNode b)) {
            throw new InvalidOpenApiException("OpenAPI: " + FOLDER + "/" + BASE + " is missing from the classpath or not a JSON object");
        }
        return OpenApiDeclarations.declare(merge(b, files)); // security and pre-routing problems, from the code
    }

    /**
     * Merges fragments (by file name, in that order) into a copy of the base document.
     *
     * @throws InvalidOpenApiException on a path+method documented twice, a component defined differently twice, or an
     *                                 unknown top-level key
     */
    public static ObjectNode merge(ObjectNode base, SortedMap<String, JsonNode> fragments) {
        ObjectNode spec = base.deepCopy();
        ObjectNode paths = Json.MAPPER.createObjectNode();
        ObjectNode components = spec.has("components") ? (ObjectNode) spec.get("components") : spec.putObject("components");
        Map<String, String> owners = new HashMap<>();
        Map<String, String> componentOwners = new HashMap<>();
        components.fields().forEachRemaining(section -> section.getValue().fieldNames()
                .forEachRemaining(name -> componentOwners.put(section.getKey() + "/" + name, BASE)));
        mergePaths(paths, base.path("paths"), BASE, owners);
        for (Map.Entry<String, JsonNode> f : fragments.entrySet()) {
            String file = f.getKey();
            if (!(f.getValue() instanceof ObjectNode fragment)) {
                throw new InvalidOpenApiException("OpenAPI fragment " + file + " is not a JSON object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fragment.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> top = it.next();
                switch (top.getKey()) {
                    case "paths" -> mergePaths(paths, top.getValue(), file, owners);
                    case "components" -> mergeComponents(components, top.getValue(), file, componentOwners);
                    case "tags" -> mergeTags(spec, top.getValue(), file);
                    case "openapi", "info" -> { } // a fragment written as a whole document: the base's own win
                    default -> {
                        if (!top.getKey().startsWith("x-")) {
                            throw new InvalidOpenApiException("OpenAPI fragment " + file + ": unknown top-level key '" + top.getKey()
                                    + "' (a fragment has paths, components, tags)");
                        }
                    }
                }
            }
        }
        spec.set("paths", sorted(paths));
        ObjectNode sortedComponents = Json.MAPPER.createObjectNode();
        new TreeMap<>(toMap(components)).forEach((section, node) ->
                sortedComponents.set(section, node instanceof ObjectNode o ? sorted(o) : node));
        spec.set("components", sortedComponents);
        return spec;
    }

    private static void mergePaths(ObjectNode into, JsonNode paths, String file, Map<String, String> owners) {
        if (paths.isMissingNode() || paths.isNull()) return;
        if (!paths.isObject()) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": paths must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = normalise(e.getKey(), file);
            if (!e.getValue().isObject()) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": path item " + path + " must be an object");
            ObjectNode item = into.has(path) ? (ObjectNode) into.get(path) : into.putObject(path);
            for (Iterator<Map.Entry<String, JsonNode>> ops = e.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String key = op.getKey();
                if (METHODS.contains(key)) {
                    String id = key.toUpperCase(java.util.Locale.ROOT) + " " + path;
                    String before = owners.putIfAbsent(id, file);
                    if (before != null) {
                        throw new InvalidOpenApiException("OpenAPI: " + id + " is documented twice, in " + before + " and in " + file);
                    }
                    item.set(key, op.getValue());
                } else if (item.has(key) && !item.get(key).equals(op.getValue())) {
                    throw new InvalidOpenApiException("OpenAPI: '" + key + "' of path " + path + " differs between fragments (second: " + file + ")");
                } else {
                    item.set(key, op.getValue());
                }
            }
        }
    }

    private static String normalise(String path, String file) {
        if (!path.startsWith("/")) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": path '" + path + "' must start with /");
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/") ? path : PREFIX + path;
    }

    private static void mergeComponents(ObjectNode into, JsonNode components, String file, Map<String, String> owners) {
        if (!components.isObject()) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": components must be an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!section.getValue().isObject()) {
                throw new InvalidOpenApiException("OpenAPI fragment " + file + ": components." + section.getKey() + " must be an object");
            }
            ObjectNode target = into.has(section.getKey()) ? (ObjectNode) into.get(section.getKey()) : into.putObject(section.getKey());
            section.getValue().fields().forEachRemaining(c -> {
                String id = section.getKey() + "/" + c.getKey();
                if (target.has(c.getKey()) && !target.get(c.getKey()).equals(c.getValue())) {
                    throw new InvalidOpenApiException("OpenAPI: component " + id + " is defined differently in " + owners.get(id) + " and in " + file);
                }
                owners.putIfAbsent(id, file);
                target.set(c.getKey(), c.getValue());
            });
        }
    }

    private static void mergeTags(ObjectNode spec, JsonNode tags, String file) {
        if (!tags.isArray()) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": tags must be an array");
        ArrayNode into = spec.has("tags") ? (ArrayNode) spec.get("tags") : spec.putArray("tags");
        Set<String> known = new LinkedHashSet<>();
        into.forEach(t -> known.add(t.path("name").asText()));
        tags.forEach(t -> {
            if (!t.hasNonNull("name")) throw new InvalidOpenApiException("OpenAPI fragment " + file + ": a tag without a name");
            if (known.add(t.get("name").asText())) into.add(t);
        });
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        new TreeMap<>(toMap(node)).forEach(out::set);
        return out;
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> m = new HashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    // ---- finding the fragments on the classpath ----

    /** Every {@code openapi/*.json} file of the class loader's roots (directories and jars), by file name. */
    static SortedMap<String, JsonNode> readFolder(ClassLoader loader) {
        SortedMap<String, JsonNode> files = new TreeMap<>();
        Map<String, String> where = new HashMap<>();
        for (URL folder : folders(loader)) {
            for (Map.Entry<String, byte[]> f : list(folder).entrySet()) {
                JsonNode json;
                try {
                    json = Json.MAPPER.readTree(f.getValue());
                } catch (IOException e) {
                    throw new InvalidOpenApiException("OpenAPI fragment " + f.getKey() + " (" + folder + ") is not valid JSON: " + e.getMessage());
                }
                JsonNode before = files.put(f.getKey(), json);
                if (before != null && !before.equals(json)) {
                    throw new InvalidOpenApiException("OpenAPI: two different fragments named " + f.getKey() + ", in " + where.get(f.getKey()) + " and " + folder);
                }
                where.put(f.getKey(), folder.toString());
            }
        }
        return files;
    }

    private static List<URL> folders(ClassLoader loader) {
        Map<String, URL> found = new TreeMap<>();
        try {
            for (Enumeration<URL> e = loader.getResources(FOLDER); e.hasMoreElements(); ) {
                URL u = e.nextElement();
                found.put(stripSlash(u.toString()), u);
            }
            for (Enumeration<URL> e = loader.getResources(FOLDER + "/" + BASE); e.hasMoreElements(); ) {
                String s = e.nextElement().toString();
                String folder = s.substring(0, s.length() - BASE.length() - 1);
                found.putIfAbsent(folder, new URL(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER + "/ on the classpath", e);
        }
        return new ArrayList<>(found.values());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The *.json files directly inside one folder URL (file: or jar:), by name. */
    private static Map<String, byte[]> list(URL folder) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            switch (folder.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> s = Files.list(Path.of(folder.toURI()))) {
                        for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).toList()) {
                            out.put(p.getFileName().toString(), Files.readAllBytes(p));
                        }
                    }
                }
                case "jar" -> {
                    JarURLConnection c = (JarURLConnection) new URL(stripSlash(folder.toString()) + "/").openConnection();
                    c.setUseCaches(false);
                    try (JarFile jar = c.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (!entry.isDirectory() && name.startsWith(FOLDER + "/") && name.endsWith(".json")
                                    && name.indexOf('/', FOLDER.length() + 1) < 0) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    out.put(name.substring(FOLDER.length() + 1), in.readAllBytes());
                                }
                            }
                        }
                    }
                }
                default -> throw new InvalidOpenApiException("OpenAPI: cannot list fragments in " + folder + " (neither a directory nor a jar)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenAPI fragments in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
