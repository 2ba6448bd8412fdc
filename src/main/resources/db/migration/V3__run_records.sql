-- The sealed run record (docs/security.md "Sealed runs"). Written for both H2 2.x and MariaDB 10.11, like V1.
-- A row is inserted once, in the transaction that starts the run, and never updated: who started the run,
-- what it targets and the hash of that plan come from here, never from a process variable a caller can write.
CREATE TABLE run_record (
    run_id          VARCHAR(64)   NOT NULL,
    process_key     VARCHAR(255)  NOT NULL,
    parent_run_id   VARCHAR(64),
    initiator       VARCHAR(255),
    started_at      DATETIME(3)   NOT NULL,
    parameters      MEDIUMTEXT    NOT NULL,
    scope_json      MEDIUMTEXT    NOT NULL,
    plan_hash       CHAR(64)      NOT NULL,
    CONSTRAINT pk_run_record PRIMARY KEY (run_id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

-- Every gate decision: who decided, what, on which plan (the sealed plan hash, extended by the values of the
-- gate's plan variables, e.g. the nodes an assessment chose, listed comma-separated in plan_variables). Inserted in the transaction that completes the
-- gate's task; never updated. A side-effecting step looks here for the approval it needs.
CREATE TABLE run_decision (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    run_id          VARCHAR(64)   NOT NULL,
    gate_id         VARCHAR(255)  NOT NULL,
    gate_name       VARCHAR(255),
    scope_id        VARCHAR(64)   NOT NULL,
    task_id         VARCHAR(64)   NOT NULL,
    decided_by      VARCHAR(255),
    decision        VARCHAR(64)   NOT NULL,
    approved        BOOLEAN       NOT NULL,
    plan_hash       CHAR(64)      NOT NULL,
    plan_variables  VARCHAR(2000) NOT NULL,
    decided_at      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_run_decision PRIMARY KEY (id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_run_decision_run ON run_decision (run_id, gate_id);
