package io.mqrunbooks.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only evidence store. Each record is chained to the previous record of its run by a SHA-256
 * hash ({@link EvidenceHashing}); the run's head row in {@code evidence_run} is locked while appending (by
 * moving it on from the head this store last saw, else by reading it FOR UPDATE), so concurrent appends to one
 * run (two job executor threads, two nodes) get gapless sequences and an unbroken chain. There is deliberately no method that updates or deletes a record.
 * <p>
 * {@link #append} runs in its own transaction (REQUIRES_NEW): evidence of a command survives the rollback
 * of the engine transaction it ran in, and the head-row lock is never held for the length of a step.
 * An engine command's own records (steps, run start and end, gates) are held back to the end of the
 * command and joined to its commit ({@link #appendAllInTransaction}): one commit per step instead of one
 * per record; after a rollback they are written in a transaction of their own, as before.
 */
@Component
public class EvidenceStore {

    /** The pseudo run that commands executed outside any process instance are recorded under. */
    public static final String NO_RUN = "no-run";
    /** Longest string kept in a payload field; longer ones are cut with a visible marker. */
    public static final int MAX_FIELD_CHARS = 64 * 1024;

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private volatile HeldBack heldBack = runId -> List.of();
    private final TransactionTemplate ownTransaction;
    private final SecretScrubber scrubber;
    private final Clock clock;
    /**
     * The head this store last wrote or read for a run (the last few thousand runs): the next append to the run
     * moves the head on from it in one statement, if the row still holds it ({@link #moveHead}), and skips the
     * check that the row exists. It may be stale (another node appended, or the transaction that wrote it
     * rolled back); the head row decides.
     */
    private final Map<String, Head> lastHeads = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                    return size() > 4096;
                }
            });
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    public EvidenceStore(DataSource dataSource, SecretScrubber scrubber) {
        this(dataSource, scrubber, Clock.systemUTC());
    }

    public EvidenceStore(DataSource dataSource, SecretScrubber scrubber, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.scrubber = scrubber;
        this.clock = clock;
    }

    public EvidenceRecord append(NewEvidence evidence) {
        List<NewEvidence> records = new ArrayList<>(heldBack.take(evidence.runId()));
        records.add(evidence);
        List<EvidenceRecord> written = ownTransaction.execute(status -> inOwnTransaction(records, true));
        return written.get(written.size() - 1);
    }

    /**
     * Appends records in a transaction of their own, each run's in the order given; an engine command's
     * held-back records when it was rolled back (they are kept, as when each went alone).
     */
    public void appendAll(List<NewEvidence> records) {
        if (!records.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> inOwnTransaction(records, false));
        }
    }

    /**
     * Appends records within the transaction {@code connection} is in, without committing it: an engine
     * command's records join the command's own commit. The head-row lock is taken at the end of the
     * command, not at its start, so it is held for the commit only.
     */
    public void appendAllInTransaction(Connection connection, List<NewEvidence> records) {
        if (!records.isEmpty()) {
            try {
                appendAll(connection, records, false);
            } catch (SQLException e) {
                throw translated(e);
            }
        }
    }

    private List<EvidenceRecord> inOwnTransaction(List<NewEvidence> records, boolean withIds) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return appendAll(connection, records, withIds);
        } catch (SQLException e) {
            throw translated(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private RuntimeException translated(SQLException e) {
        DataAccessException translated = jdbc.getJdbcTemplate().getExceptionTranslator().translate("evidence append", null, e);
        return translated != null ? translated : new IllegalStateException("evidence append failed", e);
    }

    /** Whether {@code other} reaches the database this store writes to (through Spring's proxies, too). */
    public boolean writesTo(DataSource other) {
        DataSource target = other;
        while (target instanceof DelegatingDataSource delegating && target != dataSource) {
            target = delegating.getTargetDataSource();
        }
        return target == dataSource;
    }

    /**
     * Where records held back for a later commit (an engine command's, {@code EvidenceEnginePlugin}) are
     * taken from, so that anything else appended to or read from their run comes after them, as it would
     * have if they had been written at once.
     */
    public void holdBackWith(HeldBack heldBack) {
        this.heldBack = heldBack;
    }

    /** Records of a run not yet written; {@link #take} hands them over and forgets them. */
    @FunctionalInterface
    public interface HeldBack {
        List<NewEvidence> take(String runId);
    }

    /** Writes a run's held-back records (in their own transaction) before it is read. */
    private void writeHeldBack(String runId) {
        appendAll(heldBack.take(runId));
    }

    private static final String INSERT_RECORD = "INSERT INTO evidence_record (run_id, business_key, process_key, "
            + "sequence_in_run, recorded_at, kind, step_id, step_name, actor, payload, prev_hash, hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Runs are locked in the order of their ids, so two transactions appending to the same runs cannot
     * deadlock; within a run the records keep their order. Plain JDBC on one connection: this is on every
     * step's path, and the records of one command go to the database as one batch. Ids are read back only
     * when the caller wants the records ({@link #append}).
     */
    private List<EvidenceRecord> appendAll(Connection connection, List<NewEvidence> records, boolean withIds)
            throws SQLException {
        Map<String, List<NewEvidence>> byRun = new java.util.TreeMap<>();
        records.forEach(e -> byRun.computeIfAbsent(e.runId(), run -> new ArrayList<>()).add(e));
        Map<NewEvidence, EvidenceRecord> written = new java.util.IdentityHashMap<>();
        try (PreparedStatement insert = withIds
                ? connection.prepareStatement(INSERT_RECORD, new String[] {"id"})
                : connection.prepareStatement(INSERT_RECORD)) {
            for (Map.Entry<String, List<NewEvidence>> run : byRun.entrySet()) {
                List<EvidenceRecord> ofRun = chainOnLockedHead(connection, run.getKey(), run.getValue());
                for (int i = 0; i < ofRun.size(); i++) {
                    EvidenceRecord record = ofRun.get(i);
                    bind(insert, record);
                    if (withIds) {
                        insert.executeUpdate();
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            record = record.withId(keys.getLong(1));
                        }
                    } else {
                        insert.addBatch();
                    }
                    written.put(run.getValue().get(i), record);
                }
                if (!withIds) {
                    insert.executeBatch();
                }
            }
        }
        return records.stream().map(written::get).toList();
    }

    /**
     * Chains a run's new records on its head and moves the head row on to the last of them, which locks the row
     * to the end of the transaction. Usually one statement: the head this store last saw is moved on if the row
     * still holds it; else (another node or transaction appended since, or the run is new to this store) the row
     * is locked and read first, and the records chained on what it holds.
     */
    private List<EvidenceRecord> chainOnLockedHead(Connection connection, String runId, List<NewEvidence> added)
            throws SQLException {
        Head last = lastHeads.get(runId);
        if (last != null) {
            List<EvidenceRecord> chained = chain(added, last);
            if (moveHead(connection, added, chained, last)) {
                lastHeads.put(runId, last.movedTo(chained));
                return chained;
            }
        }
        Head locked = lockRun(connection, runId, true);
        List<EvidenceRecord> chained = chain(added, locked);
        if (!moveHead(connection, added, chained, null)) {
            throw new IllegalStateException("the evidence head row of run " + runId + " is missing after it was locked");
        }
        lastHeads.put(runId, locked.movedTo(chained));
        return chained;
    }

    private List<EvidenceRecord> chain(List<NewEvidence> added, Head head) {
        List<EvidenceRecord> chained = new ArrayList<>();
        for (NewEvidence e : added) {
            EvidenceRecord record = record(e, head);
            chained.add(record);
            head = head.after(record);
        }
        return chained;
    }

    /** What a run's head row holds of its chain; {@link #after} moves it on by one record. */
    private record Head(long lastSequence, String lastHash, String businessKey, String processKey) {
        Head after(EvidenceRecord record) {
            return new Head(record.sequence(), record.hash(), record.businessKey(), record.processKey());
        }

        /** What the head row holds after {@link #moveHead} wrote {@code written} on this head. */
        Head movedTo(List<EvidenceRecord> written) {
            EvidenceRecord last = written.get(written.size() - 1);
            return new Head(last.sequence(), last.hash(),
                    businessKey != null ? businessKey : firstNonNull(written, EvidenceRecord::businessKey),
                    processKey != null ? processKey : firstNonNull(written, EvidenceRecord::processKey));
        }
    }

    private static String firstNonNull(List<EvidenceRecord> records, java.util.function.Function<EvidenceRecord, String> field) {
        return records.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The run's head row, locked FOR UPDATE. A run's first record creates the row first in a transaction of its
     * own, committed before the lock: a locking read of a missing row takes a gap lock on MariaDB, and two
     * transactions each holding one and then inserting the row deadlock (seen with two threads appending).
     * Runs whose row this store has seen skip the check: rows are never deleted by the app, and if one was
     * (by hand) it is created again.
     */
    private Head lockRun(Connection connection, String runId, boolean mayCreate) throws SQLException {
        if (!lastHeads.containsKey(runId)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM evidence_run WHERE run_id = ?")) {
                exists.setString(1, runId);
                try (ResultSet rows = exists.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        createRunRow(runId);
                    }
                }
            }
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT last_sequence, last_hash, process_key, "
                + "business_key FROM evidence_run WHERE run_id = ? FOR UPDATE")) {
            lock.setString(1, runId);
            try (ResultSet rows = lock.executeQuery()) {
                if (rows.next()) {
                    return new Head(rows.getLong(1), rows.getString(2), rows.getString(4), rows.getString(3));
                }
            }
        }
        lastHeads.remove(runId);
        if (!mayCreate) {
            throw new IllegalStateException("the evidence head row of run " + runId + " is missing after it was created");
        }
        createRunRow(runId);
        return lockRun(connection, runId, false);
    }

    private void createRunRow(String runId) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                this.jdbc.update("INSERT INTO evidence_run (run_id, last_sequence) VALUES (:runId, 0)",
                        new MapSqlParameterSource("runId", runId));
            } catch (DuplicateKeyException anotherTransactionWasFirst) {
                // the row exists now, which is all this method promises
            }
        });
    }

    /** The record {@code e} becomes after the run's {@code head}: sequence, time, cleaned payload, hash. */
    private EvidenceRecord record(NewEvidence e, Head head) {
        long sequence = head.lastSequence() + 1;
        String prevHash = head.lastHash() == null ? EvidenceHashing.GENESIS_HASH : head.lastHash();
        String businessKey = e.businessKey() != null ? e.businessKey() : head.businessKey();
        String processKey = e.processKey() != null ? e.processKey() : head.processKey();
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String payload = toJson(e.runId(), clean(e.payload()));
        String stepName = clip(e.stepName(), 255);
        String actor = clip(e.actor(), 255);
        String hash = EvidenceHashing.sha256(EvidenceHashing.canonicalForm(e.runId(), sequence, recordedAt, e.kind(),
                businessKey, processKey, e.stepId(), stepName, actor, payload, prevHash));
        return new EvidenceRecord(0, e.runId(), businessKey, processKey, sequence, recordedAt, e.kind(), e.stepId(),
                stepName, actor, payload, prevHash, hash);
    }

    private static void bind(PreparedStatement insert, EvidenceRecord r) throws SQLException {
        insert.setString(1, r.runId());
        insert.setString(2, r.businessKey());
        insert.setString(3, r.processKey());
        insert.setLong(4, r.sequence());
        insert.setObject(5, LocalDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
        insert.setString(6, r.kind().name());
        insert.setString(7, r.stepId());
        insert.setString(8, r.stepName());
        insert.setString(9, r.actor());
        insert.setString(10, r.payload());
        insert.setString(11, r.prevHash());
        insert.setString(12, r.hash());
    }

    /**
     * Moves the head row on to the run's last new record, and keeps the summary the run list filters on from
     * the records that start or end the run. With {@code expected}, only if the row still holds that head (the
     * sequence and the hash, so a head another transaction wrote since never matches); false when it did not.
     */
    private boolean moveHead(Connection connection, List<NewEvidence> added, List<EvidenceRecord> written, Head expected)
            throws SQLException {
        EvidenceRecord last = written.get(written.size() - 1);
        StringBuilder sql = new StringBuilder("UPDATE evidence_run SET last_sequence = ?, last_hash = ?, "
                + "process_key = COALESCE(process_key, ?), business_key = COALESCE(business_key, ?)");
        List<Object> values = new ArrayList<>(List.of(last.sequence(), last.hash()));
        values.add(firstNonNull(written, EvidenceRecord::processKey));
        values.add(firstNonNull(written, EvidenceRecord::businessKey));
        int started = lastOfKind(added, EvidenceKind.RUN_STARTED);
        if (started >= 0) {
            EvidenceRecord r = written.get(started);
            sql.append(", started_by = ?, started_at = ?, queue_manager = ?, reason = ?");
            values.add(r.actor());
            values.add(LocalDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC));
            values.add(clip(text(added.get(started).payload().get("queueManager")), 48));
            values.add(clip(scrubber.scrub(text(added.get(started).payload().get("reason"))), 2000));
        }
        int ended = lastOfKind(added, EvidenceKind.RUN_ENDED);
        if (ended >= 0) {
            sql.append(", ended_at = ?, outcome = ?");
            values.add(LocalDateTime.ofInstant(written.get(ended).recordedAt(), ZoneOffset.UTC));
            values.add(clip(scrubber.scrub(text(added.get(ended).payload().get("outcome"))), MAX_FIELD_CHARS));
        }
        sql.append(" WHERE run_id = ?");
        values.add(last.runId());
        if (expected != null) {
            sql.append(" AND last_sequence = ?");
            values.add(expected.lastSequence());
            if (expected.lastHash() == null) {
                sql.append(" AND last_hash IS NULL");
            } else {
                sql.append(" AND last_hash = ?");
                values.add(expected.lastHash());
            }
        }
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                update.setObject(i + 1, values.get(i));
            }
            return update.executeUpdate() == 1;
        }
    }

    private static int lastOfKind(List<NewEvidence> records, EvidenceKind kind) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    /** The run's records in sequence order; empty when the run is unknown. */
    public List<EvidenceRecord> records(String runId) {
        writeHeldBack(runId);
        return jdbc.query("SELECT * FROM evidence_record WHERE run_id = :runId ORDER BY sequence_in_run",
                new MapSqlParameterSource("runId", runId), (rs, i) -> record(rs));
    }

    public Optional<RunSummary> run(String runId) {
        writeHeldBack(runId);
        return jdbc.query("SELECT * FROM evidence_run WHERE run_id = :runId",
                new MapSqlParameterSource("runId", runId), (rs, i) -> summary(rs)).stream().findFirst();
    }

    /** Whether {@code userId} completed a gate (approved or rejected) in the run, by its GATE records. */
    public boolean gateDecidedBy(String runId, String userId) {
        writeHeldBack(runId);
        Integer gates = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_record WHERE run_id = :runId "
                + "AND kind = 'GATE' AND actor = :actor", new MapSqlParameterSource("runId", runId)
                .addValue("actor", userId), Integer.class);
        return gates != null && gates > 0;
    }

    public RunPage findRuns(RunQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        filter(where, p, "process_key", "processKey", q.processKey());
        filter(where, p, "queue_manager", "queueManager", q.queueManager());
        filter(where, p, "outcome", "outcome", q.outcome());
        filter(where, p, "started_by", "startedBy", q.startedBy());
        if (q.gateDecidedBy() != null) {
            where.append(" AND run_id IN (SELECT run_id FROM evidence_record WHERE kind = 'GATE' AND actor = :decider)");
            p.addValue("decider", q.gateDecidedBy());
        }
        if (q.startedFrom() != null) {
            where.append(" AND started_at >= :from");
            p.addValue("from", LocalDateTime.ofInstant(q.startedFrom(), ZoneOffset.UTC));
        }
        if (q.startedBefore() != null) {
            where.append(" AND started_at < :before");
            p.addValue("before", LocalDateTime.ofInstant(q.startedBefore(), ZoneOffset.UTC));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM evidence_run" + where, p, Long.class);
        p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
        List<RunSummary> runs = jdbc.query("SELECT * FROM evidence_run" + where
                + " ORDER BY started_at DESC, run_id LIMIT :limit OFFSET :offset", p, (rs, i) -> summary(rs));
        return new RunPage(runs, q.page(), q.size(), total == null ? 0 : total);
    }

    /**
     * Re-computes every hash of the run and compares the chain with the head row, so a changed field, a
     * removed or re-ordered record, and a removed last record are all found.
     *
     * @throws UnknownRunException when nothing was ever recorded for the run
     */
    public ChainVerification verifyChain(String runId) {
        RunSummary head = run(runId).orElseThrow(() -> new UnknownRunException(runId));
        String expectedPrev = EvidenceHashing.GENESIS_HASH;
        long expectedSequence = 1;
        long checked = 0;
        for (EvidenceRecord r : records(runId)) {
            if (r.sequence() != expectedSequence) {
                return broken(runId, checked, expectedSequence, r.id(), "record " + expectedSequence
                        + " is missing (the next stored record is " + r.sequence() + ")", null, null);
            }
            if (!r.prevHash().equals(expectedPrev)) {
                return broken(runId, checked, r.sequence(), r.id(), "its prev_hash does not match the hash of record "
                        + (r.sequence() - 1), expectedPrev, r.prevHash());
            }
            String expected = EvidenceHashing.hash(r);
            if (!expected.equals(r.hash())) {
                return broken(runId, checked, r.sequence(), r.id(),
                        "its stored hash does not match its contents (a field was changed after it was written)",
                        expected, r.hash());
            }
            expectedPrev = r.hash();
            expectedSequence++;
            checked++;
        }
        if (head.recordCount() != checked) {
            return broken(runId, checked, checked + 1, 0, "the run's head says " + head.recordCount()
                    + " records were written but " + checked + " are stored", null, null);
        }
        return new ChainVerification(runId, true, checked, null);
    }

    private static ChainVerification broken(String runId, long checked, long sequence, long id, String problem,
                                             String expected, String stored) {
        return new ChainVerification(runId, false, checked,
                new ChainVerification.BrokenRecord(sequence, id, problem, expected, stored));
    }

    private static void filter(StringBuilder where, MapSqlParameterSource p, String column, String name, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = :").append(name);
            p.addValue(name, value);
        }
    }

    private Object clean(Object value) {
        if (value instanceof String s) {
            return clip(scrubber.scrub(s), MAX_FIELD_CHARS);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            map.forEach((k, v) -> cleaned.put(String.valueOf(k),
                    scrubber.isSecretName(String.valueOf(k)) && v != null ? SecretScrubber.REDACTED : clean(v)));
            return cleaned;
        }
        if (value instanceof Collection<?> list) {
            List<Object> cleaned = new ArrayList<>();
            list.forEach(v -> cleaned.add(clean(v)));
            return cleaned;
        }
        return value;
    }

    private String toJson(String runId, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Evidence payload of run " + runId + " cannot be written as JSON: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String clip(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        String marker = "\n[... cut by the evidence store at " + max + " characters]";
        return value.substring(0, Math.max(0, max - marker.length())) + marker;
    }

    private static EvidenceRecord record(ResultSet rs) throws SQLException {
        return new EvidenceRecord(rs.getLong("id"), rs.getString("run_id"), rs.getString("business_key"),
                rs.getString("process_key"), rs.getLong("sequence_in_run"), instant(rs, "recorded_at"),
                EvidenceKind.valueOf(rs.getString("kind")), rs.getString("step_id"), rs.getString("step_name"),
                rs.getString("actor"), rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getString("run_id"), rs.getString("process_key"), rs.getString("business_key"),
                rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("outcome"),
                rs.getString("queue_manager"), rs.getString("reason"), rs.getLong("last_sequence"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
