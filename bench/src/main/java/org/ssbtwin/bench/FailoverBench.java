package org.ssbtwin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.ssbtwin.api.TwinMain;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.core.id.StationId;
import org.ssbtwin.plant.entity.StationEntity;
import org.ssbtwin.plant.station.StationEvent;

/**
 * {@code bench failover}: N twin nodes as forked JVMs on loopback over one (empty) PostgreSQL, every node a seed node;
 * one client per station keeps writing setpoints through the API of the nodes that survive; the first node (the
 * oldest: shard coordinator and journal lease holder) is killed with SIGKILL. Prints, for the killed node's stations,
 * the time from the kill to each one's first acknowledged write again, the answers clients saw meanwhile (by status),
 * and whether every acknowledged write is found afterwards (acknowledged = found).
 */
final class FailoverBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int NUMBER_OF_SHARDS = 100; // pekko.cluster.sharding.number-of-shards
    private static final Instant T0 = Instant.parse("2028-01-03T06:00:00Z");

    record Options(int nodes, int stations, Duration observe, String pgUrl, String pgUser, String pgPassword) {
        Options {
            if (nodes < 3) throw new IllegalArgumentException("--nodes: at least 3 (a majority must survive the kill), was " + nodes);
            if (stations < 1) throw new IllegalArgumentException("--stations: at least 1, was " + stations);
            if (pgUrl == null || pgUrl.isBlank()) throw new IllegalArgumentException("--pg-url: forked nodes need a shared, empty PostgreSQL");
        }
    }

    /**
     * @param victimMs per station of the killed node, ms from the kill to its first acknowledged write, sorted
     * @param notBack the killed node's stations without an acknowledged write within the observation
     * @param answers client answers after the kill by HTTP status (-1: no connection)
     */
    record Report(int victimStations, List<Long> victimMs, int notBack, Map<Integer, Integer> answers, int found, int stations) {}

    private FailoverBench() {}

    static Report run(Options o, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("failover-bench");
        List<String> ids = commission(o, dir);
        int[] artery = ports(o.nodes());
        int[] http = ports(o.nodes());
        int[] management = ports(o.nodes());
        List<Process> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < o.nodes(); i++) {
                nodes.add(start(o, dir, i, artery, http[i], management[i]));
                if (i == 0) BenchNodes.await("node 1 ready", Duration.ofSeconds(180), () -> status(http[0], "/api/v1/ready") == 200);
            }
            for (int p : http) BenchNodes.await("node on " + p + " ready", Duration.ofSeconds(180), () -> status(p, "/api/v1/ready") == 200);
            Map<String, Double> acknowledged = new ConcurrentHashMap<>();
            for (String id : ids) {
                double v = 115;
                if (put(http[1], id, v) == 200) acknowledged.put(id, v);
            }
            Set<String> onVictim = hosted(management[0], ids);
            out.printf("%d nodes up (forked JVMs, %s); %d stations, %d on node 1 (the oldest), which is killed%n", o.nodes(), o.pgUrl(),
                    ids.size(), onVictim.size());
            out.flush();

            AtomicBoolean stop = new AtomicBoolean();
            Map<Integer, Integer> answers = new ConcurrentHashMap<>();
            Map<String, Long> firstAckAfterKillMs = new ConcurrentHashMap<>();
            long[] tKill = {Long.MAX_VALUE};
            List<Thread> clients = new ArrayList<>();
            for (int s = 0; s < ids.size(); s++) {
                String id = ids.get(s);
                int port = http[1 + s % (o.nodes() - 1)];
                Thread t = new Thread(() -> {
                    for (int k = 0; !stop.get(); k++) {
                        double v = 110 + (k % 200) * 0.1;
                        long sent = System.nanoTime();
                        int st = put(port, id, v);
                        if (sent > tKill[0]) answers.merge(st, 1, Integer::sum);
                        if (st == 200) {
                            acknowledged.put(id, v);
                            if (sent > tKill[0]) firstAckAfterKillMs.putIfAbsent(id, (System.nanoTime() - tKill[0]) / 1_000_000);
                        } else {
                            sleep(250);
                        }
                    }
                }, "failover-client-" + id);
                t.setDaemon(true);
                clients.add(t);
                t.start();
            }
            sleep(3000);
            tKill[0] = System.nanoTime();
            nodes.get(0).destroyForcibly(); // SIGKILL
            nodes.get(0).waitFor(10, TimeUnit.SECONDS);
            sleep(o.observe().toMillis());
            stop.set(true);
            for (Thread t : clients) t.join(30_000);

            List<Long> victim = new ArrayList<>();
            int notBack = 0;
            for (String id : onVictim) {
                Long ms = firstAckAfterKillMs.get(id);
                if (ms == null) notBack++;
                else victim.add(ms);
            }
            victim.sort(null);
            int found = 0;
            List<String> lost = new ArrayList<>();
            for (String id : ids) {
                JsonNode s = JSON.readTree(get(http[1], "/api/v1/stations/" + id));
                double value = s.get("setpoints").get("laminationTemperatureC").asDouble();
                if (acknowledged.containsKey(id) && Math.abs(value - acknowledged.get(id)) < 1e-9) found++;
                else lost.add(id + " acknowledged " + acknowledged.get(id) + " found " + value);
            }
            out.printf("kill -9 of node 1: its %d stations acknowledged a write again after (ms) min %s, median %s, max %s%s%n",
                    onVictim.size(), victim.isEmpty() ? "-" : victim.get(0), victim.isEmpty() ? "-" : victim.get(victim.size() / 2),
                    victim.isEmpty() ? "-" : victim.get(victim.size() - 1),
                    notBack == 0 ? "" : "; " + notBack + " not within " + o.observe().toSeconds() + " s");
            out.printf("client answers after the kill, by HTTP status (-1: no connection): %s%n", new TreeMap<>(answers));
            out.printf("acknowledged = found: %d of %d stations%s%n", found, ids.size(), lost.isEmpty() ? "" : " LOST: " + lost);
            out.printf("machine load average: %s%n", BenchNodes.loadAverage());
            out.flush();
            return new Report(onVictim.size(), List.copyOf(victim), notBack, new TreeMap<>(answers), found, ids.size());
        } finally {
            for (Process p : nodes) p.destroy();
            for (Process p : nodes) if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /** Commissions the stations with a node in this JVM (its own one-node cluster), which then stops. */
    private static List<String> commission(Options o, Path dir) throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("twin.http.port", 0);
        c.put("twin.data-dir", dir.resolve("writer").toString());
        c.put("twin.simulation.enabled", false);
        c.put("pekko.remote.artery.canonical.port", 0);
        c.put("twin.database.kind", "postgres");
        c.put("twin.database.postgres.url", o.pgUrl());
        c.put("twin.database.postgres.user", o.pgUser());
        c.put("twin.database.postgres.password", o.pgPassword());
        ConfigFactory.invalidateCaches();
        List<String> ids = new ArrayList<>();
        try (TwinServer writer = TwinServer.start(ConfigFactory.parseMap(c).withFallback(ConfigFactory.load()))) {
            writer.readiness().get(120, TimeUnit.SECONDS);
            ClusterSharding sharding = ClusterSharding.get(writer.system());
            for (int s = 1; s <= o.stations(); s++) {
                StationId id = StationId.of(String.format("DK1-LAM-%02d", s));
                ids.add(id.value());
                var reply = sharding.entityRefFor(StationEntity.TYPE_KEY, id.value()).<StationEntity.Reply>ask(r -> new StationEntity.Record(
                        new StationEvent.Commissioned(id, "LAMINATION", 4, Map.of("laminationTemperatureC", 120.0), T0), r),
                        Duration.ofSeconds(10)).toCompletableFuture().get(15, TimeUnit.SECONDS);
                if (reply.rejection() != null) throw new IllegalStateException("cannot commission " + id + ": " + reply.rejection().message());
            }
        }
        return ids;
    }

    private static Process start(Options o, Path dir, int i, int[] artery, int httpPort, int managementPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Dtwin.database.kind=postgres", "-Dtwin.database.postgres.url=" + o.pgUrl(), "-Dtwin.database.postgres.user=" + o.pgUser(),
                "-Dtwin.database.postgres.password=" + o.pgPassword(),
                "-Dtwin.cluster.roles=api,entities", "-Dtwin.cluster.management=on",
                "-Dpekko.management.http.hostname=127.0.0.1", "-Dpekko.management.http.port=" + managementPort,
                "-Dpekko.remote.artery.canonical.port=" + artery[i]));
        for (int s = 0; s < artery.length; s++) cmd.add("-Dpekko.cluster.seed-nodes." + s + "=pekko://ssb-twin@127.0.0.1:" + artery[s]);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TwinMain.class.getName(),
                "serve", "--port", Integer.toString(httpPort), "--data-dir", dir.resolve("node-" + i).toString(), "--no-simulation"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("node-" + (i + 1) + ".log").toFile()).start();
    }

    /** The stations whose shard the node's own Station region hosts (Pekko Management /cluster/shards/Station). */
    private static Set<String> hosted(int managementPort, List<String> ids) throws IOException {
        Set<String> shards = new TreeSet<>();
        for (JsonNode r : JSON.readTree(get(managementPort, "/cluster/shards/Station")).get("regions")) {
            if (r.get("numEntities").asInt() > 0) shards.add(r.get("shardId").asText());
        }
        Set<String> hosted = new TreeSet<>();
        for (String id : ids) {
            if (shards.contains(Integer.toString(Math.abs(id.hashCode() % NUMBER_OF_SHARDS)))) hosted.add(id);
        }
        return hosted;
    }

    private static int put(int port, String station, double value) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stations/" + station
                            + "/setpoints/laminationTemperatureC")).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + value + "}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String get(int port, String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int[] ports(int n) {
        int[] p = new int[n];
        try {
            java.net.ServerSocket[] s = new java.net.ServerSocket[n];
            for (int i = 0; i < n; i++) {
                s[i] = new java.net.ServerSocket(0);
                p[i] = s[i].getLocalPort();
            }
            for (java.net.ServerSocket x : s) x.close();
        } catch (IOException e) {
            throw new IllegalStateException("no free ports: " + e, e);
        }
        return p;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
