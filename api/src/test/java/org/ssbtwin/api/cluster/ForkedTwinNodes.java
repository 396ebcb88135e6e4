package org.ssbtwin.api.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.ClusterTestSupport;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinMain;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.StationEvent;

/**
 * Twin nodes as forked JVMs on loopback over one PostgreSQL, each on fixed ports (so that a node killed with SIGKILL
 * restarts with the same address), every node listing all of them as seed nodes; with the stations they answer for.
 */
final class ForkedTwinNodes implements AutoCloseable {
    static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");
    private static final int NUMBER_OF_SHARDS = 100; // pekko.cluster.sharding.number-of-shards
    private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dir;
    final String pgUrl;
    final int[] artery;
    final int[] http;
    final int[] management;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private final Map<Integer, Integer> starts = new LinkedHashMap<>();

    ForkedTwinNodes(Path dir, String pgUrl, int n) throws IOException {
        this.dir = dir;
        this.pgUrl = pgUrl;
        this.artery = ClusterTestSupport.freePorts(n);
        this.http = ClusterTestSupport.freePorts(n);
        this.management = ClusterTestSupport.freePorts(n);
    }

    /** Starts node i (again) with roles api and entities, every node a seed node; extra -D options appended. */
    void start(int i, String... extraOptions) throws IOException {
        List<String> seeds = new ArrayList<>();
        for (int p : artery) seeds.add("pekko://ssb-twin@127.0.0.1:" + p);
        start(i, seeds, extraOptions);
    }

    void start(int i, List<String> seeds, String... extraOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dtwin.database.kind=postgres", "-Dtwin.database.postgres.url=" + pgUrl, "-Dtwin.database.postgres.user=postgres",
                "-Dtwin.cluster.roles=api,entities", "-Dtwin.cluster.management=on",
                "-Dpekko.management.http.hostname=127.0.0.1", "-Dpekko.management.http.port=" + management[i],
                "-Dpekko.remote.artery.canonical.port=" + artery[i]));
        for (int s = 0; s < seeds.size(); s++) cmd.add("-Dpekko.cluster.seed-nodes." + s + "=" + seeds.get(s));
        cmd.addAll(List.of(extraOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TwinMain.class.getName(),
                "serve", "--port", Integer.toString(http[i]), "--data-dir", dir.resolve("node-" + i).toString(), "--no-simulation"));
        int run = starts.merge(i, 1, Integer::sum);
        processes.put(i, new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(i, run).toFile()).start());
    }

    Path log(int i, int run) {
        return dir.resolve("node-" + i + "-run-" + run + ".log");
    }

    Process process(int i) {
        return processes.get(i);
    }

    void kill(int i) throws InterruptedException {
        processes.get(i).destroyForcibly(); // SIGKILL
        processes.get(i).waitFor(10, TimeUnit.SECONDS);
    }

    void awaitReady(int i, Duration max) {
        TestTwin.await("API of node " + i + " ready", max, () -> status(http[i], "/api/v1/ready") == 200);
    }

    String address(int i) {
        return "pekko://ssb-twin@127.0.0.1:" + artery[i];
    }

    /** The members node i sees as Up (addresses without uid). */
    Set<String> membersUp(int i) {
        Set<String> up = new TreeSet<>();
        for (JsonNode m : TestTwin.get(management[i], "/cluster/members").json().get("members")) {
            if ("Up".equals(m.get("status").asText())) up.add(m.get("node").asText());
        }
        return up;
    }

    /** The stations whose shard node i's own Station region hosts (Pekko Management /cluster/shards/Station). */
    Set<String> hostedStations(int i, List<String> ids) {
        return hostedStationsAt(management[i], ids);
    }

    /** The stations whose shard the Station region of the node with this management port hosts. */
    static Set<String> hostedStationsAt(int managementPort, List<String> ids) {
        Set<String> shards = new TreeSet<>();
        for (JsonNode r : TestTwin.get(managementPort, "/cluster/shards/Station").json().get("regions")) {
            if (r.get("numEntities").asInt() > 0) shards.add(r.get("shardId").asText());
        }
        Set<String> hosted = new TreeSet<>();
        for (String id : ids) {
            // the default message extractor of typed sharding: abs(hashCode % number-of-shards)
            if (shards.contains(Integer.toString(Math.abs(id.hashCode() % NUMBER_OF_SHARDS)))) hosted.add(id);
        }
        return hosted;
    }

    /** Commissions lamination stations with a node in this JVM (its own one-node cluster), which then stops. */
    static List<String> commissionStations(Path dir, String pgUrl, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (TwinServer writer = TestTwin.start(dir.resolve("writer"), Map.of(
                "twin.database.kind", "postgres", "twin.database.postgres.url", pgUrl, "twin.database.postgres.user", "postgres",
                "twin.simulation.enabled", false))) {
            writer.readiness().get(60, TimeUnit.SECONDS);
            ClusterSharding sharding = ClusterSharding.get(writer.system());
            for (int s = 1; s <= count; s++) {
                StationId id = StationId.of(String.format("DK1-LAM-%02d", s));
                ids.add(id.value());
                assertNull(sharding.entityRefFor(StationEntity.TYPE_KEY, id.value()).<StationEntity.Reply>ask(r -> new StationEntity.Record(
                        new StationEvent.Commissioned(id, "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), T0), r),
                        Duration.ofSeconds(10)).toCompletableFuture().get(15, TimeUnit.SECONDS).rejection());
            }
        }
        return ids;
    }

    /** A setpoint write: status and Retry-After header (-1 when nothing answered). */
    record Write(int status, String retryAfter, String body) {}

    static Write putSetpoint(int port, String station, double value) {
        try {
            HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stations/" + station
                            + "/setpoints/laminationTemperatureC")).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + "}")).build(), HttpResponse.BodyHandlers.ofString());
            return new Write(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body());
        } catch (IOException e) {
            return new Write(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Write(-1, null, "interrupted");
        }
    }

    /** HTTP status of a GET (any body), or -1 when nothing listens. */
    static int status(int port, String path) {
        try {
            return RAW.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static Instant virtualNow(int port) {
        return Instant.parse(TestTwin.get(port, "/api/v1/clock").json().get("now").asText());
    }

    void printLogs() throws IOException {
        for (var e : starts.entrySet()) {
            for (int run = 1; run <= e.getValue(); run++) {
                Path log = log(e.getKey(), run);
                if (!Files.exists(log)) continue;
                List<String> lines = Files.readAllLines(log);
                System.out.println("---- last lines of " + log.getFileName() + " ----");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            }
        }
    }

    /** SIGTERM (coordinated shutdown) for every node still running, SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.values()) p.destroy();
        for (Process p : processes.values()) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
