-- Battery passport facts per pack (PostgreSQL, issue 18): what a pack's passport needs beyond fleet_pack, folded by the fleet
-- projection in the same transaction as fleet_pack (PackPassportRow), so GET /api/v1/passports builds every passport
-- from fleet_pack joined to this table instead of a journal fold per pack. Applied by Flyway
-- at start (ReadSideSchema).
CREATE TABLE IF NOT EXISTS fleet_pack_passport (
  pack_id VARCHAR(64) NOT NULL PRIMARY KEY,
  -- 1 when the row holds the pack's whole life (rows started on an older database are not used by the export)
  first_seq_nr BIGINT NOT NULL,
  last_seq_nr BIGINT NOT NULL,
  assembled_at TIMESTAMPTZ,
  installed_at TIMESTAMPTZ,
  -- end of the last usage period (the assembly before any): the time of every dynamic value
  health_at TIMESTAMPTZ,
  -- cells per plant site code, e.g. DK1=112
  cell_sites VARCHAR(400) NOT NULL,
  worst_defect_severity DOUBLE PRECISION NOT NULL,
  throughput_kwh DOUBLE PRECISION NOT NULL,
  telemetry_periods BIGINT NOT NULL,
  -- null without use
  min_mean_cell_temp_c DOUBLE PRECISION,
  max_mean_cell_temp_c DOUBLE PRECISION,
  sum_mean_cell_temp_c DOUBLE PRECISION NOT NULL,
  state_of_charge_pct DOUBLE PRECISION,
  ageing_days INT NOT NULL,
  observed_failure BOOLEAN NOT NULL,
  -- negative events (telemetry days below 5 % SoC / above 60 degC mean cell temperature)
  deep_discharges INT NOT NULL,
  last_deep_discharge_at TIMESTAMPTZ,
  overheatings INT NOT NULL,
  last_overheating_at TIMESTAMPTZ
);
