-- DR object baselines (docs/runbook-dr-baseline.md). Written for both H2 2.x and MariaDB 10.11, like V1:
-- MariaDB-only table options in an executable comment, times UTC in DATETIME(3).

-- Every version of a queue manager's definitions that differed from the one before: the export as the
-- queue manager gave it, and the SHA-256 of its canonical form (objects sorted, volatile attributes out).
CREATE TABLE baseline_version (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    queue_manager   VARCHAR(48)   NOT NULL,
    host            VARCHAR(64)   NOT NULL,
    taken_at        DATETIME(3)   NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    object_count    INT           NOT NULL,
    mqsc            MEDIUMTEXT    NOT NULL,
    run_id          VARCHAR(64),
    CONSTRAINT pk_baseline_version PRIMARY KEY (id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_baseline_version_qm ON baseline_version (queue_manager, id);

-- Every export, also those whose hash equalled the latest version's (then nothing new was stored).
CREATE TABLE baseline_check (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    queue_manager   VARCHAR(48)   NOT NULL,
    checked_at      DATETIME(3)   NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    baseline_id     BIGINT        NOT NULL,
    new_version     BOOLEAN       NOT NULL,
    run_id          VARCHAR(64),
    CONSTRAINT pk_baseline_check PRIMARY KEY (id),
    CONSTRAINT fk_baseline_check_version FOREIGN KEY (baseline_id) REFERENCES baseline_version (id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

-- What a backup was given: a baseline applied to a running backup (and verified), or recorded to be
-- applied when a stopped backup is activated.
CREATE TABLE baseline_backup_level (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    queue_manager         VARCHAR(48)   NOT NULL,
    backup_queue_manager  VARCHAR(48)   NOT NULL,
    backup_host           VARCHAR(64)   NOT NULL,
    baseline_id           BIGINT        NOT NULL,
    state                 VARCHAR(32)   NOT NULL,
    recorded_at           DATETIME(3)   NOT NULL,
    approved_by           VARCHAR(255),
    run_id                VARCHAR(64),
    CONSTRAINT pk_baseline_backup_level PRIMARY KEY (id),
    CONSTRAINT fk_baseline_backup_level_version FOREIGN KEY (baseline_id) REFERENCES baseline_version (id),
    CONSTRAINT ck_baseline_backup_level_state CHECK (state IN ('APPLIED', 'TO_APPLY_AT_ACTIVATION'))
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_baseline_backup_level_qm ON baseline_backup_level (queue_manager, id);

-- A levelling plan as the comparison made it: the exact MQSC the reviewer and the change manager saw
-- (process variables hold at most 4000 characters, so the whole script lives here), and what was compared.
CREATE TABLE baseline_level_plan (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    queue_manager         VARCHAR(48)   NOT NULL,
    backup_queue_manager  VARCHAR(48)   NOT NULL,
    baseline_id           BIGINT        NOT NULL,
    created_at            DATETIME(3)   NOT NULL,
    script                MEDIUMTEXT    NOT NULL,
    summary               MEDIUMTEXT    NOT NULL,
    run_id                VARCHAR(64),
    CONSTRAINT pk_baseline_level_plan PRIMARY KEY (id),
    CONSTRAINT fk_baseline_level_plan_version FOREIGN KEY (baseline_id) REFERENCES baseline_version (id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;
