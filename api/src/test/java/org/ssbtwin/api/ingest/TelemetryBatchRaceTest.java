package org.ssbtwin.api.ingest;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.Seed;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.fleet.entity.PackEntity;
import org.ssbtwin.fleet.pack.Pack;

/**
 * Issue 17: a telemetry batch over several packs is written whole or not at all, also when two conflicting batches
 * race (each pack asked once; a pack held by one batch refuses the other). Against a real node on H2 and on an
 * embedded PostgreSQL: many rounds of two batches racing for the same day of two shared packs, each with a pack of its
 * own; after every round each pack's state says which batch it holds, after all rounds each pack's journal does.
 */
class TelemetryBatchRaceTest {
    static final int ROUNDS = 150;
    static final String[] PACKS = {"P-DK1-000101", "P-DK1-000102", "P-DK1-000103", "P-DK1-000104"};
    /** Batch A writes packs 0-2, batch B packs 1-3 (listed the other way round): both want packs 1 and 2 for the same day. */
    static final int[][] BATCH_PACKS = {{0, 1, 2}, {3, 2, 1}};
    static final LocalDate START = LocalDate.parse("2028-01-02");

    @TempDir
    Path dir;

    @Test
    void racingMultiPackBatchesAreNeverHalfWrittenOnH2() {
        try (TwinServer twin = TestTwin.start(dir, Map.of("twin.simulation.enabled", false))) {
            twin.readiness().join();
            seed(twin);
            race(twin);
            refusedBatchLeavesEveryPackUnchanged(twin);
            acknowledgementIsSmallWithAppliedAndDuplicateIds(twin);
        }
    }

    @Test
    void racingMultiPackBatchesAreNeverHalfWrittenOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             TwinServer twin = TestTwin.start(dir, Map.of(
                     "twin.database.kind", "postgres",
                     "twin.database.postgres.url", pg.getJdbcUrl("postgres", "postgres"),
                     "twin.database.postgres.user", "postgres",
                     "twin.simulation.enabled", false))) {
            twin.readiness().join();
            seed(twin);
            race(twin);
        }
    }

    static void seed(TwinServer twin) {
        Seed seed = new Seed(twin);
        for (int i = 0; i < PACKS.length; i++) {
            seed.pack(PACKS[i], "VF8", String.format("VF8-%06d", 101 + i), "OSLO", START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        TestTwin.await("the read side lists the packs in service", Duration.ofSeconds(30),
                () -> TestTwin.get(twin.port(), "/api/v1/packs?state=in_service").json().get("total").asInt() == PACKS.length);
    }

    static String line(String recordId, String pack, LocalDate date) {
        return String.format(Locale.ROOT, "{\"recordId\":\"%s\",\"packId\":\"%s\",\"date\":\"%s\",\"km\":55.0,\"dischargeKWh\":13.2,"
                + "\"minSoc\":0.3,\"maxSoc\":0.8,\"meanCellTempC\":24}", recordId, pack, date);
    }

    static String recordId(int batch, int round, int pack) {
        return (batch == 0 ? "A" : "B") + round + "-" + PACKS[pack];
    }

    static String batch(int batch, int round, LocalDate date) {
        StringBuilder sb = new StringBuilder();
        for (int p : BATCH_PACKS[batch]) sb.append(line(recordId(batch, round, p), PACKS[p], date)).append('\n');
        return sb.toString();
    }

    static HttpRequest telemetry(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static Pack pack(TwinServer twin, String id) {
        return ClusterSharding.get(twin.system()).entityRefFor(PackEntity.TYPE_KEY, id)
                .<PackEntity.Reply>ask(PackEntity.Get::new, Duration.ofSeconds(10)).toCompletableFuture().join().pack();
    }

    static void race(TwinServer twin) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Set<String>> expected = new HashMap<>();
        for (String p : PACKS) expected.put(p, new HashSet<>());
        long usageEvents = 0;
        int wins = 0;
        int bothRefused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            LocalDate date = START.plusDays(round + 1);
            var a = http.sendAsync(telemetry(twin.port(), batch(0, round, date)), HttpResponse.BodyHandlers.ofString());
            var b = http.sendAsync(telemetry(twin.port(), batch(1, round, date)), HttpResponse.BodyHandlers.ofString());
            CompletableFuture.allOf(a, b).join();
            List<HttpResponse<String>> answers = List.of(a.join(), b.join());
            for (int x = 0; x < 2; x++) {
                int status = answers.get(x).statusCode();
                assertTrue(status == 200 || status == 409, "round " + round + ": " + status + " " + answers.get(x).body());
            }
            assertFalse(answers.get(0).statusCode() == 200 && answers.get(1).statusCode() == 200,
                    "round " + round + ": both conflicting batches answered 200");
            // every pack's state after the round: a batch's records are in all of its packs (200) or in none (409)
            Map<String, Pack> state = new HashMap<>();
            for (String p : PACKS) state.put(p, pack(twin, p));
            for (int x = 0; x < 2; x++) {
                int held = 0;
                for (int p : BATCH_PACKS[x]) if (state.get(PACKS[p]).hasSeen(recordId(x, round, p))) held++;
                boolean ok = answers.get(x).statusCode() == 200;
                assertEquals(ok ? BATCH_PACKS[x].length : 0, held, "round " + round + ", batch " + (x == 0 ? "A" : "B")
                        + " answered " + answers.get(x).statusCode() + " but is in " + held + " of its " + BATCH_PACKS[x].length + " packs: "
                        + answers.get(x).body());
                if (ok) {
                    wins++;
                    usageEvents += BATCH_PACKS[x].length;
                    for (int p : BATCH_PACKS[x]) expected.get(PACKS[p]).add(recordId(x, round, p));
                }
            }
            if (answers.get(0).statusCode() == 409 && answers.get(1).statusCode() == 409) bothRefused++;
            long revisions = state.values().stream().mapToLong(Pack::revision).sum();
            assertEquals(2L * PACKS.length + usageEvents, revisions, "round " + round + ": no event beyond the winners' records");
        }
        System.out.printf(Locale.ROOT, "%d racing rounds: %d won by one batch, %d refused both%n", ROUNDS, wins, bothRefused);
        assertTrue(wins >= ROUNDS / 2, "most rounds have a winner (else the race proves nothing): " + wins);
        // each pack's journal holds exactly the winners' records
        for (String p : PACKS) assertEquals(expected.get(p), journalRecordIds(twin.port(), p), "journal of " + p);
    }

    static Set<String> journalRecordIds(int port, String pack) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = TestTwin.get(port, "/api/v1/packs/" + pack + "/events?size=100&page=" + page).json().get("items");
            if (items.isEmpty()) return ids;
            for (JsonNode e : items) if (e.get("event").has("recordId")) assertTrue(ids.add(e.get("event").get("recordId").asText()), "once: " + e);
        }
    }

    static void refusedBatchLeavesEveryPackUnchanged(TwinServer twin) {
        Map<String, Pack> before = new HashMap<>();
        for (String p : PACKS) before.put(p, pack(twin, p));
        LocalDate next = START.plusDays(ROUNDS + 10);
        // three packs with a new day, the fourth with a day it already has: refused whole
        String body = line("R-1", PACKS[0], next) + "\n" + line("R-2", PACKS[1], next) + "\n" + line("R-3", PACKS[2], next) + "\n"
                + line("R-4", PACKS[3], START.plusDays(1)) + "\n";
        var answer = TestTwin.send(twin.port(), HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(409, answer.status(), answer.body());
        assertEquals("/problems/telemetry-conflict", answer.json().get("type").asText());
        assertEquals(PACKS[3], answer.json().get("errors").get(0).get("packId").asText(), answer.body());
        for (String p : PACKS) assertEquals(before.get(p), pack(twin, p), "refused batch left " + p + " as it was");
    }

    static void acknowledgementIsSmallWithAppliedAndDuplicateIds(TwinServer twin) {
        LocalDate next = START.plusDays(ROUNDS + 20);
        String first = line("K-1", PACKS[0], next) + "\n" + line("K-2", PACKS[1], next) + "\n";
        var ok = TestTwin.send(twin.port(), HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(first)));
        assertEquals(200, ok.status(), ok.body());
        assertEquals(2, ok.json().get("applied").asInt(), ok.body());
        assertEquals(0, ok.json().get("duplicates").asInt(), ok.body());
        // resent with one new record: the old ones are named as duplicates, only the new one is applied
        String again = first + line("K-3", PACKS[2], next) + "\n";
        var ack = TestTwin.send(twin.port(), HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + twin.port() + "/api/v1/telemetry"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(again)));
        assertEquals(200, ack.status(), ack.body());
        JsonNode j = ack.json();
        assertEquals(3, j.get("records").asInt());
        assertEquals(3, j.get("packs").asInt());
        assertEquals(1, j.get("packsChanged").asInt());
        assertEquals(1, j.get("applied").asInt());
        assertEquals(2, j.get("duplicates").asInt());
        Set<String> dups = new HashSet<>();
        j.get("duplicateRecordIds").forEach(n -> dups.add(n.asText()));
        assertEquals(Set.of("K-1", "K-2"), dups);
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("records", "packs", "packsChanged", "applied", "duplicates", "duplicateRecordIds"), fields,
                "an acknowledgement, not the packs");
        assertTrue(ack.body().length() < 300, ack.body());
    }
}
