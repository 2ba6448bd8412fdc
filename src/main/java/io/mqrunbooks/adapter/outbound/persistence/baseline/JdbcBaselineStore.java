package io.mqrunbooks.adapter.outbound.persistence.baseline;

import io.mqrunbooks.application.baseline.BackupLevelRecord;
import io.mqrunbooks.application.baseline.Baseline;
import io.mqrunbooks.application.baseline.BaselineStore;
import io.mqrunbooks.application.baseline.LevelPlanRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Baselines in the product's database (H2 or MariaDB), tables of V2__baselines.sql. Times are UTC. */
@Component
public class JdbcBaselineStore implements BaselineStore {

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcBaselineStore(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public Baseline save(String queueManager, String host, Instant takenAt, String sha256, int objectCount, String mqsc,
                         String runId) {
        Instant at = takenAt.truncatedTo(ChronoUnit.MILLIS);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("qm", queueManager).addValue("host", host).addValue("at", utc(at))
                .addValue("sha", sha256).addValue("count", objectCount).addValue("mqsc", mqsc).addValue("run", runId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO baseline_version (queue_manager, host, taken_at, sha256, object_count, mqsc, run_id) "
                + "VALUES (:qm, :host, :at, :sha, :count, :mqsc, :run)", p, key, new String[] {"id"});
        return new Baseline(key.getKey().longValue(), queueManager, host, at, sha256, objectCount, mqsc);
    }

    @Override
    public void recordCheck(String queueManager, Instant checkedAt, String sha256, long baselineId, boolean newVersion,
                            String runId) {
        jdbc.update("INSERT INTO baseline_check (queue_manager, checked_at, sha256, baseline_id, new_version, run_id) "
                        + "VALUES (:qm, :at, :sha, :id, :isNew, :run)",
                new MapSqlParameterSource().addValue("qm", queueManager)
                        .addValue("at", utc(checkedAt.truncatedTo(ChronoUnit.MILLIS))).addValue("sha", sha256)
                        .addValue("id", baselineId).addValue("isNew", newVersion).addValue("run", runId));
    }

    @Override
    public Optional<Baseline> latest(String queueManager) {
        return jdbc.query("SELECT * FROM baseline_version WHERE queue_manager = :qm ORDER BY id DESC LIMIT 1",
                new MapSqlParameterSource("qm", queueManager), (rs, i) -> baseline(rs, true)).stream().findFirst();
    }

    @Override
    public Optional<Baseline> find(long id) {
        return jdbc.query("SELECT * FROM baseline_version WHERE id = :id", new MapSqlParameterSource("id", id),
                (rs, i) -> baseline(rs, true)).stream().findFirst();
    }

    @Override
    public List<Baseline> list(Optional<String> queueManager) {
        String columns = "SELECT id, queue_manager, host, taken_at, sha256, object_count FROM baseline_version";
        if (queueManager.isPresent()) {
            return jdbc.query(columns + " WHERE queue_manager = :qm ORDER BY id DESC",
                    new MapSqlParameterSource("qm", queueManager.get()), (rs, i) -> baseline(rs, false));
        }
        return jdbc.query(columns + " ORDER BY queue_manager, id DESC", (rs, i) -> baseline(rs, false));
    }

    @Override
    public int checkCount(String queueManager) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM baseline_check WHERE queue_manager = :qm",
                new MapSqlParameterSource("qm", queueManager), Integer.class);
        return n == null ? 0 : n;
    }

    @Override
    public BackupLevelRecord recordBackupLevel(String queueManager, String backupQueueManager, String backupHost,
                                               long baselineId, BackupLevelRecord.State state, Instant recordedAt,
                                               String approvedBy, String runId) {
        Instant at = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO baseline_backup_level (queue_manager, backup_queue_manager, backup_host, baseline_id, "
                        + "state, recorded_at, approved_by, run_id) VALUES (:qm, :bqm, :bhost, :id, :state, :at, :by, :run)",
                new MapSqlParameterSource().addValue("qm", queueManager).addValue("bqm", backupQueueManager)
                        .addValue("bhost", backupHost).addValue("id", baselineId).addValue("state", state.name())
                        .addValue("at", utc(at)).addValue("by", approvedBy).addValue("run", runId),
                key, new String[] {"id"});
        return new BackupLevelRecord(key.getKey().longValue(), queueManager, backupQueueManager, backupHost, baselineId,
                state, at, approvedBy);
    }

    @Override
    public Optional<BackupLevelRecord> latestBackupLevel(String queueManager) {
        return jdbc.query("SELECT * FROM baseline_backup_level WHERE queue_manager = :qm ORDER BY id DESC LIMIT 1",
                new MapSqlParameterSource("qm", queueManager), (rs, i) -> new BackupLevelRecord(rs.getLong("id"),
                        rs.getString("queue_manager"), rs.getString("backup_queue_manager"), rs.getString("backup_host"),
                        rs.getLong("baseline_id"), BackupLevelRecord.State.valueOf(rs.getString("state")),
                        instant(rs, "recorded_at"), rs.getString("approved_by"))).stream().findFirst();
    }

    @Override
    public LevelPlanRecord savePlan(String queueManager, String backupQueueManager, long baselineId, Instant createdAt,
                                    String script, String summary, String runId) {
        Instant at = createdAt.truncatedTo(ChronoUnit.MILLIS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO baseline_level_plan (queue_manager, backup_queue_manager, baseline_id, created_at, "
                        + "script, summary, run_id) VALUES (:qm, :bqm, :id, :at, :script, :summary, :run)",
                new MapSqlParameterSource().addValue("qm", queueManager).addValue("bqm", backupQueueManager)
                        .addValue("id", baselineId).addValue("at", utc(at)).addValue("script", script)
                        .addValue("summary", summary).addValue("run", runId),
                key, new String[] {"id"});
        return new LevelPlanRecord(key.getKey().longValue(), queueManager, backupQueueManager, baselineId, at, script,
                summary);
    }

    @Override
    public Optional<LevelPlanRecord> findPlan(long id) {
        return jdbc.query("SELECT * FROM baseline_level_plan WHERE id = :id", new MapSqlParameterSource("id", id),
                (rs, i) -> new LevelPlanRecord(rs.getLong("id"), rs.getString("queue_manager"),
                        rs.getString("backup_queue_manager"), rs.getLong("baseline_id"), instant(rs, "created_at"),
                        rs.getString("script"), rs.getString("summary"))).stream().findFirst();
    }

    private static Baseline baseline(ResultSet rs, boolean withText) throws SQLException {
        return new Baseline(rs.getLong("id"), rs.getString("queue_manager"), rs.getString("host"),
                instant(rs, "taken_at"), rs.getString("sha256"), rs.getInt("object_count"),
                withText ? rs.getString("mqsc") : null);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
