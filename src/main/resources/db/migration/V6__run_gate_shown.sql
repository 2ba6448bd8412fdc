-- What each gate showed its approver when it opened (docs/security.md "Sealed runs"): the hash of its plan
-- variables and read-only fields. Inserted in the transaction that creates the gate's task, never updated; a
-- completion whose gate would now show something else is refused. Written for H2 2.x and MariaDB 10.11, like V3.
CREATE TABLE run_gate_shown (
    task_id     VARCHAR(64)  NOT NULL,
    run_id      VARCHAR(64)  NOT NULL,
    shown_hash  CHAR(64)     NOT NULL,
    shown_at    DATETIME(3)  NOT NULL,
    CONSTRAINT pk_run_gate_shown PRIMARY KEY (task_id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;
