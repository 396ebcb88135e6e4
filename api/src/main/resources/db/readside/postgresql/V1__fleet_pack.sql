-- Fleet read side (PostgreSQL), baseline: the tables created by builds before Flyway (readside/postgres/fleet-tables.sql).
-- A database made by such a build is baselined at version 1 (baselineOnMigrate), so this file runs only on new databases.
CREATE TABLE fleet_pack (
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
  updated_at TIMESTAMPTZ
);
ALTER TABLE fleet_pack SET (fillfactor = 50);
CREATE TABLE fleet_pack_soh_monthly (
  pack_id VARCHAR(64) NOT NULL,
  soh_month CHAR(7) NOT NULL,
  soh DOUBLE PRECISION NOT NULL,
  relative_resistance DOUBLE PRECISION NOT NULL,
  usage_records BIGINT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (pack_id, soh_month)
);
