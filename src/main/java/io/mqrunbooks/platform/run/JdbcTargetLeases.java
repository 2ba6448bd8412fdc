package io.mqrunbooks.platform.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases in {@code run_target_lease} (V7), the target its primary key: two starts on one target, on two engine
 * nodes, collide in the database, and the second waits for the first's commit and then fails (or, after a
 * rollback, takes it).
 */
@Component
public class JdbcTargetLeases implements TargetLeases {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcTargetLeases(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public Optional<TargetLease> holder(String target) {
        return jdbc.query("SELECT * FROM run_target_lease WHERE target = :target",
                new MapSqlParameterSource("target", target), (rs, row) -> lease(rs)).stream().findFirst();
    }

    @Override
    public boolean take(TargetLease lease) {
        try {
            jdbc.update("INSERT INTO run_target_lease (target, run_id, root_run_id, process_key, business_key,"
                    + " initiator, taken_at) VALUES (:target, :runId, :rootRunId, :processKey, :businessKey,"
                    + " :initiator, :takenAt)", parameters(lease));
            return true;
        } catch (DuplicateKeyException | PessimisticLockingFailureException taken) {
            // Taken by a run that committed first, or still held by one whose start outlasted the lock wait.
            return false;
        }
    }

    @Override
    public boolean takeOver(TargetLease lease, String staleRunId) {
        try {
            return takeOverRow(lease, staleRunId);
        } catch (PessimisticLockingFailureException busy) {
            // another node's transaction holds the row (ending or starting its run): not taken now; the caller
            // reads the row again rather than failing (a node's start-up backfill must not stop the node)
            return false;
        }
    }

    private boolean takeOverRow(TargetLease lease, String staleRunId) {
        return jdbc.update("UPDATE run_target_lease SET run_id = :runId, root_run_id = :rootRunId,"
                + " process_key = :processKey, business_key = :businessKey, initiator = :initiator,"
                + " taken_at = :takenAt WHERE target = :target AND run_id = :staleRunId",
                parameters(lease).addValue("staleRunId", staleRunId)) == 1;
    }

    @Override
    public void release(String runId) {
        jdbc.update("DELETE FROM run_target_lease WHERE run_id = :runId", new MapSqlParameterSource("runId", runId));
    }

    private static MapSqlParameterSource parameters(TargetLease lease) {
        return new MapSqlParameterSource("target", lease.target()).addValue("runId", lease.runId())
                .addValue("rootRunId", lease.rootRunId()).addValue("processKey", lease.processKey())
                .addValue("businessKey", lease.businessKey()).addValue("initiator", lease.initiator())
                .addValue("takenAt", LocalDateTime.ofInstant(lease.takenAt(), ZoneOffset.UTC));
    }

    private static TargetLease lease(ResultSet rs) throws SQLException {
        return new TargetLease(rs.getString("target"), rs.getString("run_id"), rs.getString("root_run_id"),
                rs.getString("process_key"), rs.getString("business_key"), rs.getString("initiator"),
                rs.getObject("taken_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
