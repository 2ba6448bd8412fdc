-- The run list shows a run's outcome whole ("rejected: <the approver's comment>" can be long): the column
-- was VARCHAR(64). Written for both H2 2.x and MariaDB 10.11, like V1: the two have no common ALTER to
-- change a column's type, so a new column takes the values and the old one is dropped.
-- MEDIUMTEXT holds any payload field (the store caps those at 64 KiB characters).
ALTER TABLE evidence_run ADD COLUMN outcome_whole MEDIUMTEXT;
UPDATE evidence_run SET outcome_whole = outcome;
ALTER TABLE evidence_run DROP COLUMN outcome;
ALTER TABLE evidence_run RENAME COLUMN outcome_whole TO outcome;
