-- Stations in full on the read side (H2, issue 17): what GET /api/v1/stations, /plant/kpis and the simulation's
-- restart read, so no node folds the station tag in its heap at start. Written by the station projection in the
-- same transaction as its offset, under the last_seq_nr rule of V2. Rows stay bounded per station: one per
-- scrap cause and one per reading quantity (the latest value), never one per event.
ALTER TABLE rs_station ADD COLUMN observed_until TIMESTAMP WITH TIME ZONE;
-- the sequence number of the first event the row holds: 1 = the station's whole life; 0 = a row folded before V5,
-- without time in state, scrap by cause or readings: the projection folds it again from the journal when it next
-- touches it (AssetProjection)
ALTER TABLE rs_station ADD COLUMN first_seq_nr BIGINT DEFAULT 0 NOT NULL;
-- time in each state (StationTimeAccount), milliseconds up to state_since; null: the state was never left
ALTER TABLE rs_station ADD COLUMN idle_ms BIGINT;
ALTER TABLE rs_station ADD COLUMN running_ms BIGINT;
ALTER TABLE rs_station ADD COLUMN starved_ms BIGINT;
ALTER TABLE rs_station ADD COLUMN blocked_ms BIGINT;
ALTER TABLE rs_station ADD COLUMN down_ms BIGINT;

-- scrapped units per cause (rs_station.scrap is their sum)
CREATE TABLE rs_station_scrap (
  station_id VARCHAR(64) NOT NULL,
  cause VARCHAR(200) NOT NULL,
  units BIGINT NOT NULL,
  PRIMARY KEY (station_id, cause)
);

-- the latest value of every quantity a station has reported
CREATE TABLE rs_station_reading (
  station_id VARCHAR(64) NOT NULL,
  quantity VARCHAR(200) NOT NULL,
  reading DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (station_id, quantity)
);
