-- Snapshots of long client streams for ?asOf= (ClientSnapshots, docs/DECISIONS.md 123): the state after events
-- 0..sequence, and the latest time stamp among them (through), so that a read at an instant at or after it may start
-- there. A function of the events alone: a replay of the views keeps them.
CREATE TABLE query_client_snapshot (
    client_id VARCHAR(128) NOT NULL,
    sequence  BIGINT       NOT NULL,
    through   TIMESTAMPTZ  NOT NULL,
    fold      INTEGER      NOT NULL,
    state     BYTEA        NOT NULL,
    PRIMARY KEY (client_id, sequence)
);
