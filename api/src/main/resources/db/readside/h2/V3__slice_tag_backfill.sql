-- How far the journal's asset events carry their read-side slice tag (pack-i, cell-i, station-i) for a number of slices:
-- events written before slice tags existed, or under another slice count, get theirs added once at start
-- (SliceTagBackfill), before the projections read the slice tags. One row per tag prefix.
CREATE TABLE rs_slice_tag_backfill (
  tag_prefix VARCHAR(32) NOT NULL PRIMARY KEY,
  slices INT NOT NULL,
  tagged_through BIGINT NOT NULL
);
