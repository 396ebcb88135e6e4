package org.ssbtwin.api;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart safety with a real process: the twin runs in a forked JVM on the embedded H2 default with its simulated
 * plant and fleet, takes acknowledged writes, is killed with SIGKILL mid-stream, and is started again on the same
 * data directory. Every acknowledged write and every event the read side had seen is still there.
 */
class KillRestartTest {
    @TempDir
    Path dir;

    @Test
    void killMinus9LosesNothingAcknowledged() throws Exception {
        int port = freePort();
        Process first = startNode(port, "first");
        List<Double> acknowledged = new ArrayList<>();
        String station;
        Map<String, JsonNode> cellsBefore = new HashMap<>();
        try {
            long t0 = System.nanoTime();
            TestTwin.await("first node ready", Duration.ofSeconds(90), () -> answers(port, "/api/v1/ready") == 200);
            System.out.printf("startup to ready: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            TestTwin.await("simulated cells in the read side", Duration.ofSeconds(90),
                    () -> TestTwin.get(port, "/api/v1/cells?size=1").json().get("total").asInt() >= 3);
            station = TestTwin.get(port, "/api/v1/stations?kind=LAMINATION&size=1").json().get("items").get(0).get("id").asText();

            // a writer keeps changing a setpoint; we remember what was acknowledged (HTTP 200)
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Double> inFlight = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 10_000; i++) {
                    double v = 110 + (i % 200) * 0.1;
                    inFlight.set(v);
                    try {
                        var a = TestTwin.put(port, "/api/v1/stations/" + station + "/setpoints/laminationTemperatureC", "{\"value\": " + v + "}");
                        if (a.status() == 200) synchronized (acknowledged) { acknowledged.add(v); }
                    } catch (RuntimeException e) {
                        return; // the node is gone
                    }
                }
            });
            writer.start();
            TestTwin.await("some acknowledged writes", Duration.ofSeconds(30), () -> { synchronized (acknowledged) { return acknowledged.size() >= 20; } });
            for (JsonNode c : TestTwin.get(port, "/api/v1/cells?size=1000").json().get("items")) {
                cellsBefore.put(c.get("id").asText(), TestTwin.get(port, "/api/v1/cells/" + c.get("id").asText() + "/genealogy").json());
            }
            first.destroyForcibly(); // SIGKILL
            first.waitFor();
            stop.set(true);
            writer.join(10_000);
            assertFalse(cellsBefore.isEmpty());

            Process second = startNode(port, "second");
            try {
                TestTwin.await("second node ready", Duration.ofSeconds(90), () -> answers(port, "/api/v1/ready") == 200);
                JsonNode s = TestTwin.get(port, "/api/v1/stations/" + station).json();
                double value = s.get("setpoints").get("laminationTemperatureC").asDouble();
                double lastAcked;
                synchronized (acknowledged) { lastAcked = acknowledged.get(acknowledged.size() - 1); }
                assertTrue(value == lastAcked || value == inFlight.get(),
                        "setpoint after restart " + value + " must be the last acknowledged " + lastAcked + " (or the one in flight " + inFlight.get() + ")");
                for (var e : cellsBefore.entrySet()) {
                    var after = TestTwin.get(port, "/api/v1/cells/" + e.getKey() + "/genealogy");
                    assertEquals(200, after.status(), "cell " + e.getKey() + " survived the kill");
                    JsonNode stepsBefore = e.getValue().get("steps");
                    JsonNode stepsAfter = after.json().get("steps");
                    assertTrue(stepsAfter.size() >= stepsBefore.size());
                    for (int i = 0; i < stepsBefore.size(); i++) assertEquals(stepsBefore.get(i), stepsAfter.get(i));
                    assertEquals(e.getValue().get("inlays"), after.json().get("inlays"));
                }
                // virtual time and the simulation go on after the restart, without refusing their own facts
                int cellsAfter = TestTwin.get(port, "/api/v1/cells?size=1").json().get("total").asInt();
                TestTwin.await("production continues", Duration.ofSeconds(60),
                        () -> TestTwin.get(port, "/api/v1/cells?size=1").json().get("total").asInt() > cellsAfter);
            } finally {
                second.destroy();
                second.waitFor();
            }
            String secondLog = Files.readString(dir.resolve("second.log"));
            assertFalse(secondLog.contains("simulation fact refused"), "after the restart the simulation continues without conflicts:\n"
                    + secondLog.lines().filter(l -> l.contains("refused")).limit(5).toList());
        } finally {
            first.destroyForcibly();
        }
    }

    private Process startNode(int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the small live line without a history (TestTwin.smallLiveLine): this test writes setpoints at the present
        List<String> cmd = List.of(java, "-Xmx768m", "-Dpekko.remote.artery.canonical.port=0",
                "-Dtwin.simulation.plant-layout=plant/dunkirk-small.conf", "-Dtwin.simulation.history-days=0",
                "-Dtwin.simulation.reading-interval-minutes=30", "-Dtwin.simulation.max-vehicles=2000",
                "-cp", System.getProperty("java.class.path"), TwinMain.class.getName(),
                "serve", "--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString());
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static int answers(int port, String path) {
        try {
            return TestTwin.get(port, path).status();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
