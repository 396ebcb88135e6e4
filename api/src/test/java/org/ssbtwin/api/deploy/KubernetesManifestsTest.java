package org.ssbtwin.api.deploy;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Renders deploy/kubernetes the way {@code kubectl kustomize} does for what the manifests use (resources: files and
 * directories with their own kustomization, recursively; no patches or generators are used) and checks every
 * workload: startup, liveness and readiness probes on declared ports, CPU and memory requests and limits, the
 * Prometheus annotations on the management port that serves /metrics, a PodDisruptionBudget per twin Deployment, and
 * that every TWIN_* variable the manifests set is one the twin's configuration reads. No cluster runs here: this is
 * what can be checked without one (kubectl, a server-side dry run and a real scrape could not be run on this machine).
 */
class KubernetesManifestsTest {
    static final Path K8S = Path.of(System.getProperty("user.dir")).resolveSibling("deploy").resolve("kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Every document of a kustomization, its resources rendered recursively. */
    static List<JsonNode> render(Path kustomizationDir) throws IOException {
        JsonNode k = YAML.readTree(kustomizationDir.resolve("kustomization.yaml").toFile());
        assertEquals("Kustomization", k.get("kind").asText());
        for (String unsupported : List.of("patches", "patchesStrategicMerge", "patchesJson6902", "configMapGenerator", "secretGenerator",
                "images", "replicas", "namePrefix", "nameSuffix", "commonLabels", "labels", "components")) {
            assertFalse(k.has(unsupported), kustomizationDir + ": this renderer does not apply '" + unsupported + "'; extend the test");
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : k.get("resources")) {
            Path p = kustomizationDir.resolve(r.asText()).normalize();
            assertTrue(Files.exists(p), kustomizationDir + " lists a missing resource " + r.asText());
            if (Files.isDirectory(p)) out.addAll(render(p));
            else out.addAll(documents(p));
        }
        return out;
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) docs.add(d);
            }
        }
        for (JsonNode d : docs) {
            assertTrue(d.hasNonNull("apiVersion") && d.hasNonNull("kind") && d.path("metadata").hasNonNull("name"), file + ": " + d);
        }
        return docs;
    }

    static List<JsonNode> workloads(List<JsonNode> docs) {
        return docs.stream().filter(d -> Set.of("Deployment", "StatefulSet", "DaemonSet").contains(d.get("kind").asText())).toList();
    }

    static boolean isTwin(JsonNode workload) {
        return "ssb-twin".equals(workload.path("spec").path("template").path("metadata").path("labels").path("app").asText());
    }

    @Test
    void theBaseAndThePostgresTrialRender() throws IOException {
        List<JsonNode> base = render(K8S);
        List<JsonNode> trial = render(K8S.resolve("postgres-trial"));
        assertEquals(3, workloads(base).stream().filter(KubernetesManifestsTest::isTwin).count(), "api, entities, read-side");
        assertEquals(base.size() + 2, trial.size(), "the trial adds the postgres Service and StatefulSet to the base");
        assertTrue(trial.stream().anyMatch(d -> d.get("kind").asText().equals("StatefulSet") && d.get("metadata").get("name").asText().equals("postgres")));
        String url = base.stream().filter(d -> d.get("kind").asText().equals("ConfigMap")).findFirst().orElseThrow()
                .get("data").get("TWIN_PG_URL").asText();
        assertTrue(url.contains("//postgres:5432/"), "the trial's Service is the host config.yaml names: " + url);
        // the production option is documented as an operator resource, parsed here, applied separately
        JsonNode cluster = documents(K8S.resolve("postgres-operator/cluster.yaml")).get(0);
        assertEquals("Cluster", cluster.get("kind").asText());
        assertTrue(cluster.get("spec").get("instances").asInt() >= 3);
    }

    @Test
    void everyWorkloadHasProbesRequestsAndLimits() throws IOException {
        List<JsonNode> all = new ArrayList<>(render(K8S.resolve("postgres-trial")));
        for (JsonNode w : workloads(all)) {
            String name = w.get("metadata").get("name").asText();
            for (JsonNode c : w.get("spec").get("template").get("spec").get("containers")) {
                Set<String> ports = new HashSet<>();
                c.path("ports").forEach(p -> {
                    ports.add(p.get("name").asText());
                    ports.add(p.get("containerPort").asText());
                });
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode p = c.get(probe);
                    assertNotNull(p, name + " has a " + probe);
                    if (p.has("httpGet")) {
                        assertTrue(ports.contains(p.get("httpGet").get("port").asText()), name + " " + probe + " on a declared port");
                        assertTrue(p.get("httpGet").get("path").asText().startsWith("/"));
                    } else {
                        assertTrue(p.has("exec") || p.has("tcpSocket") || p.has("grpc"), name + " " + probe + " has a handler");
                    }
                }
                JsonNode res = c.get("resources");
                assertNotNull(res, name + " has resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String r : List.of("cpu", "memory")) assertTrue(res.path(kind).hasNonNull(r), name + " sets " + kind + "." + r);
                }
                assertTrue(bytes(res.get("limits").get("memory").asText()) >= bytes(res.get("requests").get("memory").asText()), name + " memory limit >= request");
                assertTrue(cpu(res.get("limits").get("cpu").asText()) >= cpu(res.get("requests").get("cpu").asText()), name + " cpu limit >= request");
            }
        }
    }

    @Test
    void twinPodsAreScrapedOnTheManagementPortWhereMetricsAreServed() throws IOException {
        int managementPort = ConfigFactory.parseResources("kubernetes.conf").withFallback(ConfigFactory.defaultReference()).resolve()
                .getInt("pekko.management.http.port");
        String route = ConfigFactory.parseResources("application.conf").getString("pekko.management.http.routes.twin-metrics");
        assertEquals(org.ssbtwin.api.metrics.ManagementMetricsRoute.class.getName(), route, "/metrics is on the management port");
        for (JsonNode w : workloads(render(K8S))) {
            if (!isTwin(w)) continue;
            String name = w.get("metadata").get("name").asText();
            JsonNode a = w.get("spec").get("template").get("metadata").get("annotations");
            assertNotNull(a, name + " has annotations");
            assertEquals("true", a.path("prometheus.io/scrape").asText(), name);
            assertEquals("/metrics", a.path("prometheus.io/path").asText(), name);
            assertEquals(Integer.toString(managementPort), a.path("prometheus.io/port").asText(), name);
            JsonNode container = w.get("spec").get("template").get("spec").get("containers").get(0);
            boolean declared = false;
            for (JsonNode p : container.get("ports")) declared |= p.get("containerPort").asInt() == managementPort;
            assertTrue(declared, name + " declares the management port");
        }
    }

    @Test
    void everyTwinDeploymentHasADisruptionBudget() throws IOException {
        List<JsonNode> docs = render(K8S);
        List<JsonNode> budgets = docs.stream().filter(d -> d.get("kind").asText().equals("PodDisruptionBudget")).toList();
        for (JsonNode w : workloads(docs)) {
            if (!isTwin(w)) continue;
            JsonNode labels = w.get("spec").get("template").get("metadata").get("labels");
            long matching = budgets.stream().filter(b -> {
                JsonNode sel = b.get("spec").get("selector").get("matchLabels");
                var it = sel.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) return false;
                }
                return true;
            }).count();
            assertEquals(1, matching, w.get("metadata").get("name").asText() + " has one PodDisruptionBudget");
            int replicas = w.get("spec").get("replicas").asInt();
            budgets.stream().filter(b -> b.get("spec").get("selector").get("matchLabels").equals(w.get("spec").get("selector").get("matchLabels")))
                    .forEach(b -> {
                        JsonNode s = b.get("spec");
                        assertTrue(s.has("maxUnavailable") || s.has("minAvailable"));
                        if (s.has("minAvailable")) assertTrue(s.get("minAvailable").asInt() < replicas, "a drain can proceed");
                    });
        }
    }

    @Test
    void everyTwinVariableTheManifestsSetIsReadByTheConfiguration() throws IOException {
        StringBuilder conf = new StringBuilder();
        for (String r : List.of("reference.conf", "application.conf", "kubernetes.conf")) {
            for (var url : java.util.Collections.list(getClass().getClassLoader().getResources(r))) {
                try (InputStream in = url.openStream()) {
                    conf.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{\\?(TWIN_[A-Z0-9_]+)}").matcher(conf);
        while (m.find()) read.add(m.group(1));
        Set<String> set = new TreeSet<>();
        for (JsonNode d : render(K8S)) {
            if (d.get("kind").asText().equals("ConfigMap") || d.get("kind").asText().equals("Secret")) {
                JsonNode data = d.has("data") ? d.get("data") : d.get("stringData");
                data.fieldNames().forEachRemaining(set::add);
            }
            for (JsonNode w : workloads(List.of(d))) {
                for (JsonNode c : w.get("spec").get("template").get("spec").get("containers")) c.path("env").forEach(e -> set.add(e.get("name").asText()));
            }
        }
        set.removeIf(v -> !v.startsWith("TWIN_"));
        assertTrue(set.containsAll(Set.of("TWIN_KAFKA_ENABLED", "TWIN_KAFKA_BOOTSTRAP_SERVERS", "TWIN_KAFKA_TOPIC", "TWIN_METRICS_ENABLED")), set.toString());
        Set<String> unread = new TreeSet<>(set);
        unread.removeAll(read);
        assertEquals(Set.of(), unread, "variables the manifests set but no configuration file reads");
    }

    static long bytes(String q) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti)?").matcher(q);
        assertTrue(m.matches(), q);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> n << 10;
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            case "Ti" -> n << 40;
            default -> n;
        };
    }

    static double cpu(String q) {
        return q.endsWith("m") ? Double.parseDouble(q.substring(0, q.length() - 1)) / 1000 : Double.parseDouble(q);
    }
}
