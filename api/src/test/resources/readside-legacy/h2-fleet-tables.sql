-- Fleet read side (H2): one row per pack, and each pack's latest state of health per month of use.
-- Written only by the fleet projection, in the same transaction as its offset (exactly once).
CREATE TABLE IF NOT EXISTS fleet_pack (
  pack_id VARCHAR(64) NOT NULL PRIMARY KEY,
  vehicle_id VARCHAR(64),
  vehicle_model VARCHAR(64),
  climate VARCHAR(64),
  archetype VARCHAR(64),
  production_week VARCHAR(10),
  lamination_band VARCHAR(16),
  status VARCHAR(16) NOT NULL,
  cell_count INT NOT NULL,
  nominal_capacity_kwh DOUBLE PRECISION NOT NULL,
  soh_capacity DOUBLE PRECISION NOT NULL,
  soh_resistance DOUBLE PRECISION NOT NULL,
  efc DOUBLE PRECISION NOT NULL,
  km DOUBLE PRECISION NOT NULL,
  usage_records BIGINT NOT NULL,
  events BIGINT NOT NULL,
  last_seq_nr BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE
);
-- No index on soh_capacity: every usage event changes a pack's SoH (see the PostgreSQL DDL). The fleet summary
-- reads every SoH anyway.
DROP INDEX IF EXISTS fleet_pack_soh_idx;
CREATE TABLE IF NOT EXISTS fleet_pack_soh_monthly (
  pack_id VARCHAR(64) NOT NULL,
  soh_month CHAR(7) NOT NULL,
  soh DOUBLE PRECISION NOT NULL,
  relative_resistance DOUBLE PRECISION NOT NULL,
  usage_records BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (pack_id, soh_month)
);
