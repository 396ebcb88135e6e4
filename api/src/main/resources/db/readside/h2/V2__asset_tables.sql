-- Read side of the plant and the fleet (H2): stations, cells and the rolls each cell's inlays were cut from.
-- Written only by the asset projections (tag slices), in the same transaction as their offsets (exactly once).
-- Packs are fleet_pack (V1). Every row keeps the sequence number of the last event it holds (last_seq_nr) so a
-- replay from an older offset never applies an event twice.
CREATE TABLE rs_station (
  station_id VARCHAR(64) NOT NULL PRIMARY KEY,
  station_kind VARCHAR(32) NOT NULL,
  units INT NOT NULL,
  state VARCHAR(16),
  state_reason VARCHAR(200),
  state_since TIMESTAMP WITH TIME ZONE,
  units_in BIGINT NOT NULL,
  units_out BIGINT NOT NULL,
  scrap BIGINT NOT NULL,
  revision BIGINT NOT NULL,
  setpoints VARCHAR(2000),
  last_seq_nr BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rs_station_kind_idx ON rs_station (station_kind, station_id);

CREATE TABLE rs_cell (
  cell_id VARCHAR(64) NOT NULL PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  grade VARCHAR(8),
  capacity_ah DOUBLE PRECISION,
  resistance_mohm DOUBLE PRECISION,
  -- genealogy keys: the first inlay's lamination unit and time; mean lamination temperature, worst (highest) dew point
  lamination_unit VARCHAR(64),
  laminated_at TIMESTAMP WITH TIME ZONE,
  lamination_temperature_c DOUBLE PRECISION,
  dew_point_c DOUBLE PRECISION,
  lot_id VARCHAR(64),
  shipped_at TIMESTAMP WITH TIME ZONE,
  destination VARCHAR(64),
  pack_id VARCHAR(64),
  pack_position INT,
  vehicle_id VARCHAR(64),
  soh DOUBLE PRECISION,
  last_seq_nr BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rs_cell_lamination_idx ON rs_cell (lamination_unit, laminated_at);
CREATE INDEX rs_cell_pack_idx ON rs_cell (pack_id);
CREATE INDEX rs_cell_dew_point_idx ON rs_cell (dew_point_c);
CREATE INDEX rs_cell_status_idx ON rs_cell (status, cell_id);
CREATE INDEX rs_cell_lot_idx ON rs_cell (lot_id);

CREATE TABLE rs_cell_roll (
  roll_id VARCHAR(64) NOT NULL,
  cell_id VARCHAR(64) NOT NULL,
  PRIMARY KEY (roll_id, cell_id)
);

CREATE INDEX fleet_pack_vehicle_idx ON fleet_pack (vehicle_id);
CREATE INDEX fleet_pack_status_idx ON fleet_pack (status, pack_id);
