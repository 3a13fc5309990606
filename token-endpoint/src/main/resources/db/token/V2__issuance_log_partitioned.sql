-- The issuance log becomes a table partitioned by day (UTC), so that records older than the retention period go
-- with a DROP of their day's partition instead of a DELETE of hundreds of millions of rows (DECISIONS.md 52).
-- IssuanceLogPartitions creates the days ahead and drops the old ones; each secret's lastUsedAt stays in
-- token_secret_usage, outside the partitions. The rows of an unpartitioned log are moved, positions unchanged.

ALTER TABLE token_issuance_log RENAME TO token_issuance_log_unpartitioned;
ALTER INDEX token_issuance_log_pkey RENAME TO token_issuance_log_unpartitioned_pkey;
ALTER INDEX token_issuance_log_by_client RENAME TO token_issuance_log_unpartitioned_by_client;
-- The sequence outlives the old table, so positions go on where they stopped and readers' `after` cursors hold.
ALTER SEQUENCE token_issuance_log_position_seq OWNED BY NONE;

-- No primary key: one would have to include `at` and cost every insert an index; positions are unique because the
-- sequence hands them out, and nothing looks a record up by its position alone.
CREATE TABLE token_issuance_log (
    position       BIGINT       NOT NULL DEFAULT nextval('token_issuance_log_position_seq'),
    at             TIMESTAMPTZ  NOT NULL,
    client_id      VARCHAR(128),
    outcome        VARCHAR(16)  NOT NULL,
    jti            VARCHAR(64),
    secret_id      VARCHAR(64),
    slot           VARCHAR(16),
    scope          TEXT,
    audience       TEXT[],
    source_address VARCHAR(64)  NOT NULL,
    reason         VARCHAR(64)
) PARTITION BY RANGE (at);
ALTER SEQUENCE token_issuance_log_position_seq OWNED BY token_issuance_log.position;

-- One partition per day that holds records, named as IssuanceLogPartitions names them.
DO $$
DECLARE
    day DATE;
BEGIN
    FOR day IN SELECT DISTINCT (at AT TIME ZONE 'UTC')::DATE FROM token_issuance_log_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF token_issuance_log FOR VALUES FROM (%L) TO (%L)',
                       'token_issuance_log_p' || to_char(day, 'YYYYMMDD'),
                       day::TIMESTAMP AT TIME ZONE 'UTC', (day + 1)::TIMESTAMP AT TIME ZONE 'UTC');
    END LOOP;
END
$$;

INSERT INTO token_issuance_log (position, at, client_id, outcome, jti, secret_id, slot, scope, audience,
                                source_address, reason)
SELECT position, at, client_id, outcome, jti, secret_id, slot, scope, audience, source_address, reason
  FROM token_issuance_log_unpartitioned;

DROP TABLE token_issuance_log_unpartitioned;

-- Built after the rows moved (cheaper than keeping it up to date row by row); every partition gets its own.
CREATE INDEX token_issuance_log_by_client ON token_issuance_log (client_id, position);
