-- Republish jobs of the Kafka publisher (POST /api/v1/integration/kafka/republish), shared by every query-side node:
-- any node answers for the job another node runs, and at most one job runs in the whole cluster.
-- heartbeat_at moves with every page published; a RUNNING job whose heartbeat is old lost its node.
CREATE TABLE query_kafka_republish (
    job_id          VARCHAR(32)  PRIMARY KEY,
    state           VARCHAR(16)  NOT NULL,   -- RUNNING | COMPLETED | FAILED
    from_position   BIGINT       NOT NULL,
    up_to_position  BIGINT       NOT NULL,
    published       BIGINT       NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    heartbeat_at    TIMESTAMPTZ  NOT NULL,
    error           TEXT
);
CREATE INDEX query_kafka_republish_by_start ON query_kafka_republish (started_at DESC);
