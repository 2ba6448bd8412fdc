package io.mqrunbooks.platform.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sealed runs in {@code run_record} and {@code run_decision} (V3), what gates showed in {@code run_gate_shown}
 * (V6). Writes join the engine's transaction, so a run exists exactly when its record does and a gate is
 * completed exactly when its decision is recorded.
 * Records never change, so they are cached.
 */
@Component
public class JdbcRunRecords implements RunRecords {

    private static final int CACHED_RECORDS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, RunRecord> cache = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RunRecord> eldest) {
                    return size() > CACHED_RECORDS;
                }
            });

    public JdbcRunRecords(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public void seal(RunRecord record) {
        jdbc.update("INSERT INTO run_record (run_id, process_key, parent_run_id, initiator, started_at, parameters,"
                        + " scope_json, plan_hash) VALUES (:runId, :processKey, :parent, :initiator, :startedAt,"
                        + " :parameters, :scope, :planHash)",
                new MapSqlParameterSource("runId", record.runId())
                        .addValue("processKey", record.processKey())
                        .addValue("parent", record.parentRunId())
                        .addValue("initiator", record.initiator())
                        .addValue("startedAt", utc(record.startedAt()))
                        .addValue("parameters", write(record.parameters()))
                        .addValue("scope", write(Map.of("queueManagers", record.scope().queueManagers(),
                                "hosts", record.scope().hosts())))
                        .addValue("planHash", record.planHash()));
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        RunRecord cached = cache.get(runId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<RunRecord> found = jdbc.query("SELECT * FROM run_record WHERE run_id = :runId",
                new MapSqlParameterSource("runId", runId), (rs, row) -> record(rs));
        found.forEach(r -> cache.put(r.runId(), r));
        return found.stream().findFirst();
    }

    @Override
    public void recordDecision(RunDecision d) {
        jdbc.update("INSERT INTO run_decision (run_id, gate_id, gate_name, scope_id, task_id, decided_by, decision,"
                        + " approved, plan_hash, plan_variables, decided_at) VALUES (:runId, :gateId, :gateName,"
                        + " :scopeId, :taskId, :decidedBy, :decision, :approved, :planHash, :planVariables, :decidedAt)",
                new MapSqlParameterSource("runId", d.runId())
                        .addValue("gateId", d.gateId())
                        .addValue("gateName", d.gateName())
                        .addValue("scopeId", d.scopeId())
                        .addValue("taskId", d.taskId())
                        .addValue("decidedBy", d.decidedBy())
                        .addValue("decision", d.decision())
                        .addValue("approved", d.approved())
                        .addValue("planHash", d.planHash())
                        .addValue("planVariables", String.join(",", d.planVariables()))
                        .addValue("decidedAt", utc(d.decidedAt())));
    }

    @Override
    public List<RunDecision> decisions(String runId) {
        return jdbc.query("SELECT * FROM run_decision WHERE run_id = :runId ORDER BY id",
                new MapSqlParameterSource("runId", runId), (rs, row) -> new RunDecision(rs.getString("run_id"),
                        rs.getString("gate_id"), rs.getString("gate_name"), rs.getString("scope_id"),
                        rs.getString("task_id"), rs.getString("decided_by"), rs.getString("decision"),
                        rs.getBoolean("approved"), rs.getString("plan_hash"), names(rs.getString("plan_variables")),
                        instant(rs, "decided_at")));
    }

    @Override
    public void recordShown(String runId, String taskId, String shownHash) {
        jdbc.update("INSERT INTO run_gate_shown (task_id, run_id, shown_hash, shown_at) VALUES (:taskId, :runId,"
                        + " :shownHash, :shownAt)", new MapSqlParameterSource("taskId", taskId).addValue("runId", runId)
                        .addValue("shownHash", shownHash).addValue("shownAt", utc(Instant.now())));
    }

    @Override
    public Optional<String> shown(String taskId) {
        return jdbc.queryForList("SELECT shown_hash FROM run_gate_shown WHERE task_id = :taskId",
                new MapSqlParameterSource("taskId", taskId), String.class).stream().findFirst();
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static RunRecord record(ResultSet rs) throws SQLException {
        Map<String, String> parameters = read(rs.getString("parameters"), new TypeReference<>() { });
        Map<String, Set<String>> scope = read(rs.getString("scope_json"), new TypeReference<>() { });
        return new RunRecord(rs.getString("run_id"), rs.getString("process_key"), rs.getString("parent_run_id"),
                rs.getString("initiator"), instant(rs, "started_at"), parameters,
                new RunScope(scope.get("queueManagers"), scope.get("hosts")), rs.getString("plan_hash"));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a run record as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run record in the database is not the JSON expected", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
