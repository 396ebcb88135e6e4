-- How far the journal's asset events carry their read-side slice tag (pack-i, cell-i, station-i) for a number of slices:
-- events written before slice tags existed, or under another slice count, get theirs added once at start
-- (SliceTagBackfill), before the projections read the slice tags. One row per tag prefix.
CREATE TABLE rs_slice_tag_backfill (
  tag_prefix VARCHAR(32) NOT NULL PRIMARY KEY,
  slices INT NOT NULL,
  tagged_through BIGINT NOT NULL
);

-- The highest serial in use per id prefix (C-DK1, I-DK1, R-CAT, P-DK1, VF8...), kept by the cell and pack projections
-- in their transactions: a restarted simulation continues every id sequence from here (no id used twice).
CREATE TABLE rs_serial (
  id_prefix VARCHAR(32) NOT NULL PRIMARY KEY,
  max_serial BIGINT NOT NULL
);
