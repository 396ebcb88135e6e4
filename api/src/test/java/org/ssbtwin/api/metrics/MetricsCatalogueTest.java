package org.ssbtwin.api.metrics;

import org.ssbtwin.api.*;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.metrics.MetricsRoutes;

/**
 * {@code /metrics} of a real node after real traffic (HTTP ingest good, malformed and refused; projection; sharding):
 * the Prometheus text format, public like /health while the API needs a key, the values the traffic implies, the same
 * exposition on the Pekko Management port, and every metric that deploy/grafana and deploy/prometheus name is one the
 * node exports.
 */
public class MetricsCatalogueTest {
    static final String READER = "reader-key-0123456789";
    static final Path DEPLOY = Path.of(System.getProperty("user.dir")).resolveSibling("deploy");

    @TempDir
    static Path dir;
    static TwinServer twin;
    static int port;
    static int managementPort;
    static String scrape;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            managementPort = s.getLocalPort();
        }
        twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false, "twin.metrics.sample-interval", "200ms",
                "twin.auth.enabled", true, "twin.auth.keys", List.of(Map.of("name", "ops", "role", "operator", "key", READER)),
                "twin.cluster.management", true, "pekko.management.http.hostname", "127.0.0.1",
                "pekko.management.http.port", managementPort, "pekko.management.http.bind-port", managementPort));
        port = twin.port();
        twin.readiness().get(60, TimeUnit.SECONDS);
        var packs = List.of(FleetFixtures.pack(1, "VF8", "TEMPERATE", "COMMUTER", 80), FleetFixtures.pack(2, "VF8", "HOT", "RIDE_HAIL", 80));
        for (int i = 0; i < packs.size(); i++) FleetFixtures.assembleAndInstall(twin.system(), packs.get(i), i + 1);
        TestTwin.await("the read side sees the packs in service", Duration.ofSeconds(20), () -> twin.directory().queries().inServicePacks().toCompletableFuture().join().size() == 2);

        assertEquals(200, post(FleetFixtures.days(packs, LocalDate.of(2028, 1, 3), 3, 40)).status()); // 6 records
        assertEquals(400, post("not json\n").status()); // malformed
        assertEquals(400, post(FleetFixtures.days(List.of(FleetFixtures.pack(9, "VF8", "HOT", "COMMUTER", 80)), LocalDate.of(2028, 1, 3), 1, 40)).status());
        assertEquals(409, post(FleetFixtures.days(packs.subList(0, 1), LocalDate.of(2028, 1, 2), 1, 10)
                .replace("\"recordId\":\"", "\"recordId\":\"late-")).status()); // before the pack's last day: refused
        TestTwin.await("projection lag, resident entities and journal writes are sampled", Duration.ofSeconds(30), () -> {
            String s = get(port, "/metrics");
            return s.contains("twin_projection_lag_seconds{") && value(s, "twin_entities_resident", Map.of("type", "pack")) >= 2
                    && value(s, "twin_cluster_members", Map.of("status", "up")) == 1;
        });
        assertEquals(401, TestTwin.get(port, "/api/v1/packs").status(), "the API itself stays protected");
        // the GC pause timer appears with the first collection the JVM reports: ask for one rather than hope for it
        TestTwin.await("a garbage collection is reported", Duration.ofSeconds(20), () -> {
            System.gc();
            return get(port, "/metrics").contains("jvm_gc_pause_seconds_count");
        });
        scrape = get(port, "/metrics");
    }

    @AfterAll
    static void stop() {
        if (twin != null) twin.close();
    }

    static TestTwin.Answer post(String ndjson) {
        return TestTwin.send(port, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/telemetry"))
                .header("Authorization", "Bearer " + READER).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    /** The body of a GET without any key (Prometheus scrapes without one). */
    public static String get(int port, String path) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), r.headers().toString());
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels}; -1 when there is none. */
    public static double value(String exposition, String name, Map<String, String> labels) {
        double found = -1;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) continue;
            boolean all = labels.entrySet().stream().allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (!all) continue;
            assertEquals(-1, found, "one sample of " + name + labels);
            found = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return found;
    }

    /** Every sample name in an exposition (families with their _bucket/_count/_sum/_total suffixes). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(line);
            if (m.find()) names.add(m.group(1));
        }
        return names;
    }

    @Test
    void metricsArePublicWhileTheApiNeedsAKey() {
        assertEquals(401, TestTwin.get(port, "/api/v1/packs").status(), "the API itself stays protected");
        assertTrue(scrape.contains("# TYPE twin_ingest_records_total counter"), "scraped without a key");
    }

    @Test
    void ingestCountersFollowTheTraffic() {
        assertEquals(6, value(scrape, "twin_ingest_records_total", Map.of("source", "http")), 0.0);
        assertEquals(0, value(scrape, "twin_ingest_records_total", Map.of("source", "kafka")), 0.0, "every source's series exist from the start");
        assertEquals(1, value(scrape, "twin_ingest_rejected_records_total", Map.of("source", "http", "reason", "malformed")), 0.0);
        assertEquals(1, value(scrape, "twin_ingest_rejected_records_total", Map.of("source", "http", "reason", "unknown_pack")), 0.0);
        assertEquals(1, value(scrape, "twin_ingest_rejected_records_total", Map.of("source", "http", "reason", "refused")), 0.0);
        assertEquals(1, value(scrape, "twin_ingest_ack_seconds_count", Map.of("source", "http")), 0.0, "one acknowledged request");
        assertTrue(value(scrape, "twin_ingest_ack_seconds_bucket", Map.of("source", "http", "le", "+Inf")) == 1);
        assertEquals(1, value(scrape, "twin_http_requests_seconds_count", Map.of("method", "POST", "route", "/api/v1/telemetry", "status", "200")), 0.0);
        assertEquals(2, value(scrape, "twin_http_requests_seconds_count", Map.of("method", "POST", "route", "/api/v1/telemetry", "status", "400")), 0.0);
        assertEquals(1, value(scrape, "twin_http_requests_seconds_count", Map.of("method", "POST", "route", "/api/v1/telemetry", "status", "409")), 0.0);
        assertTrue(value(scrape, "twin_http_requests_seconds_count", Map.of("method", "GET", "route", "/api/v1/packs", "status", "401")) >= 1);
    }

    @Test
    void journalReadSideShardingClusterJvmAndPoolsAreExported() {
        assertTrue(value(scrape, "twin_journal_write_seconds_count", Map.of()) >= 2 + 2, "assembly of two packs and their telemetry");
        assertTrue(value(scrape, "twin_shards", Map.of("type", "pack")) >= 1);
        assertTrue(scrape.contains("twin_projection_events_total{projection=\"fleet-pack\",slice=\""), "per projection and slice");
        assertEquals(0, value(scrape, "twin_cluster_unreachable_members", Map.of()), 0.0);
        assertEquals(0, value(scrape, "twin_jobs", Map.of("kind", "study", "status", "running")), 0.0);
        Set<String> names = sampleNames(scrape);
        for (String n : List.of("jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_threads_live_threads", "process_cpu_usage",
                "hikaricp_connections_active", "twin_job_run_seconds_bucket", "twin_entity_passivations_total", "twin_ingest_dead_letters_total")) {
            assertTrue(names.contains(n), n + " exported");
        }
        for (String n : names) {
            assertTrue(n.matches("[a-z][a-z0-9_]*"), "Prometheus name " + n);
            if (n.startsWith("twin_") && !n.endsWith("_bucket") && !n.endsWith("_count") && !n.endsWith("_sum") && !n.endsWith("_max")) {
                String type = typeOf(n);
                if (type.equals("counter")) assertTrue(n.endsWith("_total"), "a counter ends in _total: " + n);
            }
        }
    }

    static String typeOf(String sample) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                if (sample.equals(p[2]) || sample.equals(p[2] + "_total")) return p[3];
            }
        }
        return "untyped";
    }

    @Test
    void theManagementPortServesTheSameMetrics() {
        String management = get(managementPort, "/metrics");
        assertTrue(value(management, "twin_ingest_records_total", Map.of("source", "http")) >= 6, "the same registry");
    }

    @Test
    void routeLabelsAreBounded() {
        assertEquals("/api/v1/packs/{id}/history", MetricsRoutes.routeLabel("/api/v1/packs/P-DK1-000001/history"));
        assertEquals("/api/v1/other", MetricsRoutes.routeLabel("/api/v1/whatever/123"));
        assertEquals("static", MetricsRoutes.routeLabel("/index.html"));
        assertEquals("/metrics", MetricsRoutes.routeLabel("/metrics"));
    }

    // ---- deploy/: Grafana dashboard and Prometheus rules ----

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "bool", "offset", "inf", "nan");

    /** The metric names a PromQL expression reads (labels, functions, keywords, ranges and strings removed). */
    static Set<String> metricsIn(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("\\$\\w+", " "); // Grafana variables
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?").matcher(e);
        while (m.find()) {
            if (m.group(2) != null) continue; // a function
            String w = m.group(1);
            if (!PROMQL_WORDS.contains(w.toLowerCase())) out.add(w);
        }
        return out;
    }

    @Test
    void promqlNamesAreExtracted() {
        assertEquals(Set.of("twin_journal_write_seconds_bucket"),
                metricsIn("histogram_quantile(0.99, sum by (le, instance) (rate(twin_journal_write_seconds_bucket{instance=~\"$instance\"}[5m]))) > 0.5"));
        assertEquals(Set.of("a_total", "b"), metricsIn("sum(rate(a_total[5m])) > 0 and on() (min(b) == 0)"));
    }

    @Test
    void theGrafanaDashboardParsesAndNamesOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/ssb-twin-dashboard.json").toFile());
        assertFalse(dashboard.get("title").asText().isBlank());
        List<String> exprs = new ArrayList<>();
        for (JsonNode p : dashboard.get("panels")) {
            if (p.get("type").asText().equals("row")) continue;
            assertTrue(p.has("targets") && p.get("targets").size() > 0, "panel " + p.get("title") + " has queries");
            for (JsonNode t : p.get("targets")) exprs.add(t.get("expr").asText());
        }
        assertTrue(exprs.size() >= 15, "ingest, read side, entities, jobs, HTTP, JVM panels");
        assertOnlyExported(exprs, "deploy/grafana/ssb-twin-dashboard.json");
        for (String family : List.of("twin_ingest_records_total", "twin_ingest_ack_seconds_bucket", "twin_ingest_rejected_records_total",
                "twin_projection_lag_seconds", "twin_entities_resident", "twin_entity_passivations_total", "twin_shards", "twin_jobs",
                "twin_job_run_seconds_bucket", "twin_http_requests_seconds_count", "jvm_memory_used_bytes", "hikaricp_connections_active")) {
            assertTrue(exprs.stream().anyMatch(e -> metricsIn(e).contains(family)), "the dashboard shows " + family);
        }
    }

    @Test
    void thePrometheusRulesParseCoverTheIssueAndNameOnlyExportedMetrics() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("prometheus/ssb-twin-alerts.yaml").toFile());
        List<String> exprs = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode g : rules.get("groups")) {
            for (JsonNode r : g.get("rules")) {
                assertTrue(r.hasNonNull("alert") && r.hasNonNull("expr"), r.toString());
                assertTrue(r.get("labels").hasNonNull("severity"), r.get("alert") + " has a severity");
                assertTrue(r.get("annotations").hasNonNull("summary"), r.get("alert") + " has a summary");
                assertTrue(r.get("for").asText().matches("\\d+[smh]"), r.get("alert") + " for: " + r.get("for"));
                alerts.add(r.get("alert").asText());
                exprs.add(r.get("expr").asText());
            }
        }
        assertOnlyExported(exprs, "deploy/prometheus/ssb-twin-alerts.yaml");
        for (String needed : List.of("twin_projection_lag_seconds", "twin_ingest_rejected_records_total", "twin_cluster_unreachable_members",
                "twin_journal_write_seconds_bucket")) {
            assertTrue(exprs.stream().anyMatch(e -> metricsIn(e).contains(needed)), "an alert on " + needed + " " + alerts);
        }
    }

    static void assertOnlyExported(List<String> exprs, String file) {
        Set<String> exported = sampleNames(scrape);
        Set<String> unknown = new TreeSet<>();
        for (String e : exprs) for (String m : metricsIn(e)) if (!exported.contains(m)) unknown.add(m);
        assertEquals(Set.of(), unknown, file + " names metrics the twin does not export");
    }
}
