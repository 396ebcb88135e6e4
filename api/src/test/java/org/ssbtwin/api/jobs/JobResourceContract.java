package org.ssbtwin.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ssbtwin.api.TestTwin;
import org.ssbtwin.api.TwinServer;
import org.ssbtwin.api.jobs.JobApiClient.Reply;

/**
 * What every job resource answers, over real HTTP against a real node whose kind allows one job at a time (so the 429
 * path is reachable): unknown jobs are 404, one job too many is 429 with a Retry-After, DELETE cancels (202), a
 * finished job cannot be cancelled and has no outputs (409), and the slot is free again afterwards. A subclass names
 * its collection, chart, node settings and two requests, and adds the tests of its own kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JobResourceContract {
    private final String collection;
    private final String name;
    private final String plural;
    private final String chartFile;
    protected TwinServer twin;
    protected JobApiClient jobs;

    /**
     * @param collection the collection's path ("/api/v1/studies")
     * @param name a job's name ("study")
     * @param plural its plural in the problem types ("studies")
     * @param chartFile the chart below a job ("soh.png")
     */
    protected JobResourceContract(String collection, String name, String plural, String chartFile) {
        this.collection = collection;
        this.name = name;
        this.plural = plural;
        this.chartFile = chartFile;
    }

    /** The node's settings; must allow one job of this kind at a time. */
    protected abstract Map<String, Object> twinSettings();

    /** A request that runs far longer than a test. */
    protected abstract String longJob();

    /** A request done in a few seconds. */
    protected abstract String quickJob();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        twin = TestTwin.start(dir, twinSettings());
        twin.readiness().get();
        jobs = new JobApiClient(twin.port(), collection, name, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (twin != null) twin.close();
    }

    /** A failed test must not leave a job holding the only slot. */
    @AfterEach
    void cancelLeftovers() {
        jobs.cancelActive();
    }

    @Test
    void overTheConcurrencyLimitIs429WithRetryAfterAndDeleteCancels() {
        String running = jobs.submitted(longJob());
        Reply refused = jobs.call("POST", collection, quickJob());
        assertEquals(429, refused.status(), refused.text());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("/problems/too-many-" + plural, refused.json().get("type").asText());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.headers().toString());

        Reply cancel = jobs.call("DELETE", collection + "/" + running, null);
        assertEquals(202, cancel.status(), cancel.text());
        JsonNode cancelled = jobs.awaitStatus(running, "CANCELLED");
        assertTrue(cancelled.get("progress").asDouble() < 1.0, cancelled.toString());
        assertFalse(cancelled.has("result"));
        assertEquals(409, jobs.call("GET", collection + "/" + running + "/result.csv", null).status());
        assertEquals(409, jobs.call("GET", collection + "/" + running + "/" + chartFile, null).status());
        Reply again = jobs.call("DELETE", collection + "/" + running, null);
        assertEquals(409, again.status(), "a finished job cannot be cancelled");
        assertEquals("/problems/" + name + "-finished", again.json().get("type").asText());

        jobs.awaitStatus(jobs.submitted(quickJob()), "DONE");
    }

    @Test
    void unknownJobsAre404() {
        for (String path : List.of(collection + "/no-such-job", collection + "/no-such-job/result.csv",
                collection + "/no-such-job/" + chartFile)) {
            Reply r = jobs.call("GET", path, null);
            assertEquals(404, r.status(), path);
            assertEquals("/problems/not-found", r.json().get("type").asText());
        }
        assertEquals(404, jobs.call("DELETE", collection + "/no-such-job", null).status());
    }
}
