/**
 * Ingestion of facts from outside: vehicle telemetry (NDJSON daily summaries, {@code POST /api/v1/telemetry}) and MES
 * plant records ({@code POST /api/v1/plant/mes-records}), each batch validated whole before anything is recorded, and
 * the {@link org.ssbtwin.api.ingest.AssetRecorder} that records batches through the sharded entities.
 *
 * <p>Pekko HTTP and cluster sharding; the MES format itself is {@code org.ssbtwin.feed.mes}.
 */
package org.ssbtwin.api.ingest;
