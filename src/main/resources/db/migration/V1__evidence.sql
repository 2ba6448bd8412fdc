-- The project's own append-only audit trail (docs/audit.md). Written for both H2 2.x and MariaDB 10.11:
-- types both accept; the MariaDB-only table options sit in an executable comment (/*! ... */),
-- which MariaDB runs and H2 reads as a comment. utf8mb4 with a binary collation keeps every byte of
-- command output exactly as hashed. Times are UTC in DATETIME(3) (H2: TIMESTAMP(3)): no session time-zone
-- conversion can shift a hashed value.

-- One row per run: the head of its hash chain (locked FOR UPDATE while appending, which serializes
-- appends to one run) and the summary the run list filters on.
CREATE TABLE evidence_run (
    run_id          VARCHAR(64)   NOT NULL,
    process_key     VARCHAR(255),
    business_key    VARCHAR(255),
    started_by      VARCHAR(255),
    started_at      DATETIME(3)   NULL,
    ended_at        DATETIME(3)   NULL,
    outcome         VARCHAR(64),
    queue_manager   VARCHAR(48),
    reason          VARCHAR(2000),
    last_sequence   BIGINT        DEFAULT 0 NOT NULL,
    last_hash       CHAR(64),
    CONSTRAINT pk_evidence_run PRIMARY KEY (run_id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_evidence_run_started ON evidence_run (started_at);
CREATE INDEX ix_evidence_run_process ON evidence_run (process_key);

-- The evidence itself. The application only ever INSERTs and SELECTs here; production revokes
-- UPDATE and DELETE on this table from the application's database user (docs/audit.md).
CREATE TABLE evidence_record (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    run_id          VARCHAR(64)   NOT NULL,
    business_key    VARCHAR(255),
    process_key     VARCHAR(255),
    sequence_in_run BIGINT        NOT NULL,
    recorded_at     DATETIME(3)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    step_id         VARCHAR(255),
    step_name       VARCHAR(255),
    actor           VARCHAR(255),
    payload         MEDIUMTEXT    NOT NULL,
    prev_hash       CHAR(64)      NOT NULL,
    hash            CHAR(64)      NOT NULL,
    CONSTRAINT pk_evidence_record PRIMARY KEY (id),
    CONSTRAINT uq_evidence_record_run_seq UNIQUE (run_id, sequence_in_run),
    CONSTRAINT ck_evidence_record_kind CHECK (kind IN ('COMMAND', 'GATE', 'USER_TASK', 'RUN_STARTED',
        'RUN_ENDED', 'STEP_STARTED', 'STEP_ENDED', 'INCIDENT', 'RETRY', 'NOTE'))
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;
