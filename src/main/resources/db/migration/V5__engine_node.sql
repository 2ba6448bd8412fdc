-- Engine node identities (docs/operations.md "Node identity and restarts"). Written for both H2 2.x and
-- MariaDB 10.11, like V1. A running node keeps its row locked (SELECT ... FOR UPDATE in a transaction it
-- holds open on a connection of its own); the database drops that lock when the connection ends, so while
-- one node runs, a second node with the same identity is refused, and after a crash the restarted node
-- takes its identity at once and releases the job locks its dead incarnation left.
CREATE TABLE engine_node (
    node_id         VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_engine_node PRIMARY KEY (node_id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

-- Every start of a node: which incarnation, where it ran, and how many jobs locked by its previous
-- incarnation it released. Inserted once per start, never updated.
CREATE TABLE engine_node_start (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    node_id         VARCHAR(255)  NOT NULL,
    incarnation     CHAR(36)      NOT NULL,
    host            VARCHAR(255)  NOT NULL,
    pid             BIGINT        NOT NULL,
    started_at      DATETIME(3)   NOT NULL,
    jobs_released   INT           NOT NULL,
    CONSTRAINT pk_engine_node_start PRIMARY KEY (id)
) /*! ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin */;

CREATE INDEX ix_engine_node_start_node ON engine_node_start (node_id, id);
