package org.ssbtwin.api.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;

/**
 * Issue 22, with three forked JVMs over one embedded PostgreSQL, every node a seed node, started staggered:
 * <ol>
 *   <li>one clock: every node reads the same cluster-wide virtual time, whenever it started;</li>
 *   <li>failover: the first node (oldest: shard coordinator, journal lease holder) is killed with SIGKILL; writes for
 *       its stations through the survivors are answered 503 with Retry-After (never 500) until they answer 200 again,
 *       and every acknowledged write is found;</li>
 *   <li>never two clusters: the first node, restarted on its address, rejoins the survivors (one cluster of three) and
 *       its API answers for every station; a node told to form a cluster of its own on the same journal never
 *       reports READY and downs itself.</li>
 * </ol>
 */
class NeverTwoClustersTest {
    private static final int STATIONS = 24;
    /** the requirement on loopback; the figure measured is printed (docs/operations.md "Failover") */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(15);
    /** generous, for a busy shared CI machine; the printed figure is what counts */
    private static final Duration FAILOVER_TEST_BOUND = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void oneClusterOneClockFailoverInSecondsAndARestartedSeedRejoins() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            List<String> ids = ForkedTwinNodes.commissionStations(dir, url, STATIONS);
            try (ForkedTwinNodes nodes = new ForkedTwinNodes(dir, url, 4)) {
                try {
                    run(nodes, ids);
                } catch (Throwable t) {
                    nodes.printLogs();
                    throw t;
                }
            }
        }
    }

    private void run(ForkedTwinNodes nodes, List<String> ids) throws Exception {
        int[] http = nodes.http;
        // staggered starts: node 0 first, alone; the others join while its virtual clock has run for a while
        nodes.start(0);
        nodes.awaitReady(0, Duration.ofSeconds(120));
        Thread.sleep(3000);
        nodes.start(1);
        nodes.start(2);
        nodes.awaitReady(1, Duration.ofSeconds(120));
        nodes.awaitReady(2, Duration.ofSeconds(120));
        assertEquals(Set.of(nodes.address(0), nodes.address(1), nodes.address(2)), nodes.membersUp(1));

        // one clock: a node's reading lies between two readings of another (3600 virtual s per wall s; a late
        // starter resumed from its own start would be hours behind)
        for (int other : new int[] {1, 2}) {
            Instant before = ForkedTwinNodes.virtualNow(http[0]);
            Instant reading = ForkedTwinNodes.virtualNow(http[other]);
            Instant after = ForkedTwinNodes.virtualNow(http[0]);
            System.out.printf("virtual clocks: node 0 %s .. %s, node %d %s%n", before, after, other, reading);
            assertFalse(reading.isBefore(before.minusSeconds(60)), "node " + other + " runs behind node 0: " + reading + " < " + before);
            assertFalse(reading.isAfter(after.plusSeconds(60)), "node " + other + " runs ahead of node 0: " + reading + " > " + after);
        }

        // acknowledged writes through every node
        Map<String, Double> acknowledged = new ConcurrentHashMap<>();
        for (int s = 0; s < ids.size(); s++) {
            double v = 111 + s * 0.5;
            ForkedTwinNodes.Write w = ForkedTwinNodes.putSetpoint(http[s % 3], ids.get(s), v);
            assertEquals(200, w.status(), w.body());
            acknowledged.put(ids.get(s), v);
        }
        Set<String> onVictim = nodes.hostedStations(0, ids);
        System.out.printf("stations per node: %d, %d, %d%n", onVictim.size(), nodes.hostedStations(1, ids).size(), nodes.hostedStations(2, ids).size());
        assertFalse(onVictim.isEmpty(), "node 0 hosts stations");

        // failover: kill -9 the oldest node, write to its stations through the survivors until each answers 200
        long tKill = System.nanoTime();
        nodes.kill(0);
        Map<String, Long> firstAnswerMs = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(onVictim.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            int k = 0;
            for (String id : onVictim) {
                int port = http[1 + (k++ % 2)];
                runs.add(writers.submit(() -> {
                    double v = 130 + Math.abs(id.hashCode() % 100) * 0.01;
                    while (System.nanoTime() - tKill < FAILOVER_TEST_BOUND.toNanos()) {
                        ForkedTwinNodes.Write w = ForkedTwinNodes.putSetpoint(port, id, v);
                        statuses.merge(w.status(), 1, Integer::sum);
                        if (w.status() == 200) {
                            acknowledged.put(id, v);
                            firstAnswerMs.put(id, (System.nanoTime() - tKill) / 1_000_000);
                            return null;
                        }
                        if (w.status() != 503 || w.retryAfter() == null) bad.add(id + ": " + w.status() + " Retry-After " + w.retryAfter() + " " + w.body());
                        Thread.sleep(250);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get();
        } finally {
            writers.shutdownNow();
        }
        long lastMs = firstAnswerMs.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf("failover after kill -9 of the oldest node: %d of %d of its stations written again, the last after %d ms "
                + "(requirement %d s); answers while failing over: %s%n", firstAnswerMs.size(), onVictim.size(), lastMs,
                FAILOVER_BOUND.toSeconds(), new TreeMap<>(statuses));
        assertEquals(List.of(), bad, "during a failover writes answer 503 with Retry-After, nothing else");
        assertEquals(onVictim.size(), firstAnswerMs.size(), "every station of the killed node answers again within " + FAILOVER_TEST_BOUND);

        // a restarted seed node rejoins the survivors: one cluster of three, READY, answering for every station
        TestTwin.await("node 0 removed", Duration.ofSeconds(30), () -> nodes.membersUp(1).size() == 2);
        nodes.start(0);
        nodes.awaitReady(0, Duration.ofSeconds(120));
        Set<String> three = Set.of(nodes.address(0), nodes.address(1), nodes.address(2));
        TestTwin.await("one cluster of three", Duration.ofSeconds(30), () -> nodes.membersUp(0).equals(three) && nodes.membersUp(1).equals(three));
        for (String id : ids) {
            for (int port : http) {
                if (port == http[3]) continue;
                var s = TestTwin.get(port, "/api/v1/stations/" + id);
                assertEquals(200, s.status(), id + " through port " + port + ": " + s.body());
                assertEquals(acknowledged.get(id), s.json().get("setpoints").get("laminationTemperatureC").asDouble(), 1e-9, id);
            }
        }
        Instant before = ForkedTwinNodes.virtualNow(http[1]);
        Instant restarted = ForkedTwinNodes.virtualNow(http[0]);
        Instant after = ForkedTwinNodes.virtualNow(http[1]);
        assertFalse(restarted.isBefore(before.minusSeconds(60)) || restarted.isAfter(after.plusSeconds(60)),
                "the restarted node runs the cluster's clock: " + restarted + " vs " + before + " .. " + after);

        // a node forming a cluster of its own on the same journal (itself its only seed node) is never READY and leaves
        nodes.start(3, List.of(nodes.address(3)));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean exited = false;
        while (System.nanoTime() < deadline) {
            assertNotEquals(200, ForkedTwinNodes.status(http[3], "/api/v1/ready"), "a node of a second cluster reports READY");
            if (!nodes.process(3).isAlive()) {
                exited = true;
                break;
            }
            Thread.sleep(300);
        }
        String rogueLog = Files.readString(nodes.log(3, 1));
        assertTrue(rogueLog.contains("another cluster"), "the second cluster's node says why it is not ready");
        assertTrue(exited, "the second cluster's node downs itself and stops");
        assertEquals(three, nodes.membersUp(1), "the owning cluster is untouched");
    }
}
