-- One run at a time per target (docs/security.md "Sealed runs"): a row per queue manager ('queueManager:QMDR')
-- and host ('host:rdqm1') a running run's sealed scope names. Written for H2 2.x and MariaDB 10.11, like V3.
-- Inserted in the transaction that starts the run, so two engine nodes starting runs on one target collide on
-- the primary key and the loser's start rolls back; deleted in the transaction that ends the run. A row whose
-- run no longer exists in the engine's runtime tables is taken over by the next start. root_run_id is the run a
-- call activity chain began with: a called run is inside its ancestors' leases.
CREATE TABLE run_target_lease (
    target          VARCHAR(300)  NOT NULL,
    run_id          VARCHAR(64)   NOT NULL,
    root_run_id     VARCHAR(64)   NOT NULL,
    process_key     VARCHAR(255)  NOT NULL,
    business_key    VARCHAR(255),
    initiator       VARCHAR(255),
    taken_at        DATETIME(3)   NOT NULL,
    CONSTRAINT pk_run_target_lease PRIMARY KEY (target)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_run_target_lease_run ON run_target_lease (run_id);
