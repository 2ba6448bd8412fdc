package io.mqrunbooks.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store's contract, run once on H2 and once on MariaDB by the two subclasses. */
abstract class EvidenceStoreContractTest {

    protected abstract DataSource dataSource();

    private EvidenceStore store;
    private JdbcTemplate jdbc;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T05:00:00.123456Z"));

    @BeforeEach
    void migrateCleanDatabase() {
        Flyway flyway = Flyway.configure().dataSource(dataSource()).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        store = new EvidenceStore(dataSource(), new SecretScrubber(), clock);
        jdbc = new JdbcTemplate(dataSource());
    }

    @Test
    void appendsNumberAndChainRecordsAndKeepTheRunSummary() {
        EvidenceRecord started = store.append(new NewEvidence("run-1", "DR-2026-001", "drActivationProcess",
                EvidenceKind.RUN_STARTED, null, null, "olivia",
                Map.of("reason", "Primary data centre flooded", "queueManager", "QM1")));
        clock.advance(Duration.ofMillis(1500));
        EvidenceRecord command = store.append(new NewEvidence("run-1", null, null, EvidenceKind.COMMAND,
                "serviceTask_startQueueManager", "Start the queue manager", "engine",
                Map.of("host", "drhost1", "commandLine", "strmqm QM1", "exitCode", 0,
                        "stdout", "IBM MQ queue manager 'QM1' started — ✓ café\n")));

        assertThat(started.sequence()).isEqualTo(1);
        assertThat(started.prevHash()).isEqualTo(EvidenceHashing.GENESIS_HASH);
        assertThat(command.sequence()).isEqualTo(2);
        assertThat(command.prevHash()).isEqualTo(started.hash());
        assertThat(command.businessKey()).isEqualTo("DR-2026-001");

        List<EvidenceRecord> stored = store.records("run-1");
        assertThat(stored).containsExactly(started, command);
        assertThat(stored.get(0).recordedAt()).isEqualTo(Instant.parse("2026-11-21T05:00:00.123Z"));
        assertThat(stored.get(1).payload()).contains("\"stdout\":\"IBM MQ queue manager 'QM1' started — ✓ café\\n\"");

        RunSummary run = store.run("run-1").orElseThrow();
        assertThat(run.startedBy()).isEqualTo("olivia");
        assertThat(run.reason()).isEqualTo("Primary data centre flooded");
        assertThat(run.queueManager()).isEqualTo("QM1");
        assertThat(run.processKey()).isEqualTo("drActivationProcess");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-21T05:00:00.123Z"));
        assertThat(run.recordCount()).isEqualTo(2);

        assertThat(store.verifyChain("run-1").describe()).isEqualTo("Evidence chain intact: 2 records verified.");
    }

    @Test
    void hashIsSha256OfTheDocumentedCanonicalForm() {
        EvidenceRecord r = store.append(new NewEvidence("run-h", "BK", "p", EvidenceKind.NOTE, null, null, "ann",
                Map.of("text", "hello")));
        assertThat(EvidenceHashing.canonicalForm("run-h", 1, r.recordedAt(), EvidenceKind.NOTE, "BK", "p", null, null,
                "ann", "{\"text\":\"hello\"}", EvidenceHashing.GENESIS_HASH))
                .isEqualTo("[\"mqrb-evidence-v1\",\"run-h\",1,\"2026-11-21T05:00:00.123Z\",\"NOTE\",\"BK\",\"p\","
                        + "null,null,\"ann\",\"{\\\"text\\\":\\\"hello\\\"}\",\"" + "0".repeat(64) + "\"]");
        assertThat(r.hash()).isEqualTo(EvidenceHashing.sha256(EvidenceHashing.canonicalForm("run-h", 1, r.recordedAt(),
                EvidenceKind.NOTE, "BK", "p", null, null, "ann", "{\"text\":\"hello\"}", EvidenceHashing.GENESIS_HASH)));
    }

    @Test
    void secretsInPayloadsAreScrubbedBeforeStoring() {
        store.append(new NewEvidence("run-s", null, null, EvidenceKind.COMMAND, "s", "S", "engine",
                Map.of("commandLine", "sshpass -p hunter2 ssh mqm@drhost1", "variables", Map.of("adminPassword", "x1"))));
        String payload = jdbc.queryForObject("SELECT payload FROM evidence_record WHERE run_id = 'run-s'", String.class);
        assertThat(payload).isEqualTo("{\"commandLine\":\"sshpass -p [REDACTED] ssh mqm@drhost1\","
                + "\"variables\":{\"adminPassword\":\"[REDACTED]\"}}");
    }

    @Test
    void aChangedPayloadIsFoundAndNamed() {
        appendNotes("run-t", 4);
        jdbc.update("UPDATE evidence_record SET payload = '{\"note\":\"all fine\"}' WHERE run_id = 'run-t' AND sequence_in_run = 3");

        ChainVerification result = store.verifyChain("run-t");

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(3);
        assertThat(result.describe()).isEqualTo("Evidence chain BROKEN at record 3: its stored hash does not match "
                + "its contents (a field was changed after it was written)");
        assertThat(result.firstBroken().storedHash()).isEqualTo(store.records("run-t").get(2).hash());
        assertThat(result.firstBroken().expectedHash()).isNotEqualTo(result.firstBroken().storedHash()).hasSize(64);
    }

    @Test
    void aRecomputedHashStillBreaksTheLinkToTheNextRecord() {
        appendNotes("run-r", 3);
        EvidenceRecord second = store.records("run-r").get(1);
        String forgedPayload = "{\"note\":\"forged\"}";
        String forgedHash = EvidenceHashing.sha256(EvidenceHashing.canonicalForm(second.runId(), 2, second.recordedAt(),
                second.kind(), second.businessKey(), second.processKey(), second.stepId(), second.stepName(),
                second.actor(), forgedPayload, second.prevHash()));
        jdbc.update("UPDATE evidence_record SET payload = ?, hash = ? WHERE id = ?", forgedPayload, forgedHash, second.id());

        assertThat(store.verifyChain("run-r").describe())
                .isEqualTo("Evidence chain BROKEN at record 3: its prev_hash does not match the hash of record 2");
    }

    @Test
    void removedRecordsAreFound() {
        appendNotes("run-d", 4);
        jdbc.update("DELETE FROM evidence_record WHERE run_id = 'run-d' AND sequence_in_run = 2");
        assertThat(store.verifyChain("run-d").describe())
                .isEqualTo("Evidence chain BROKEN at record 2: record 2 is missing (the next stored record is 3)");

        appendNotes("run-e", 3);
        jdbc.update("DELETE FROM evidence_record WHERE run_id = 'run-e' AND sequence_in_run = 3");
        assertThat(store.verifyChain("run-e").describe())
                .isEqualTo("Evidence chain BROKEN at record 3: the run's head says 3 records were written but 2 are stored");
    }

    @Test
    void unknownRunIsAClearError() {
        assertThatThrownBy(() -> store.verifyChain("nope"))
                .isInstanceOf(UnknownRunException.class).hasMessage("No evidence recorded for run 'nope'");
        assertThat(store.records("nope")).isEmpty();
    }

    @Test
    void twoThreadsAppendingToOneRunGetGaplessSequencesAndAnIntactChain() throws Exception {
        int perThread = 40;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (String thread : List.of("job-1", "job-2")) {
                Callable<List<Long>> work = () -> {
                    go.await();
                    List<Long> sequences = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(store.append(new NewEvidence("run-c", null, "p", EvidenceKind.NOTE, null, null,
                                thread, Map.of("i", i))).sequence());
                    }
                    return sequences;
                };
                futures.add(pool.submit(work));
            }
            go.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 2L * perThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.records("run-c")).extracting(EvidenceRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * perThread).boxed().toList());
        assertThat(store.verifyChain("run-c").describe()).isEqualTo("Evidence chain intact: 80 records verified.");
    }

    @Test
    void twoNodesAppendingToOneRunInTurnKeepOneChain() {
        EvidenceStore otherNode = new EvidenceStore(dataSource(), new SecretScrubber(), clock);
        List<EvidenceRecord> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EvidenceStore node = i % 3 == 2 ? otherNode : store;
            clock.advance(Duration.ofMillis(10));
            node.appendAll(List.of(new NewEvidence("run-n", "BK-N", "p", EvidenceKind.NOTE, null, null, "engine",
                    Map.of("i", i))));
            written.add(node.append(new NewEvidence("run-n", null, null, EvidenceKind.NOTE, null, null, "engine",
                    Map.of("after", i))));
        }

        List<EvidenceRecord> stored = store.records("run-n");
        assertThat(stored).extracting(EvidenceRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        assertThat(stored).extracting(EvidenceRecord::businessKey).containsOnly("BK-N");
        assertThat(written).extracting(EvidenceRecord::sequence).containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(store.verifyChain("run-n").describe()).isEqualTo("Evidence chain intact: 12 records verified.");
    }

    @Test
    void anAppendAfterARolledBackOneChainsOnWhatWasCommitted() throws Exception {
        store.append(new NewEvidence("run-b", "BK-B", "p", EvidenceKind.NOTE, null, null, "engine", Map.of("i", 1)));
        try (java.sql.Connection connection = dataSource().getConnection()) {
            connection.setAutoCommit(false);
            store.appendAllInTransaction(connection, List.of(
                    new NewEvidence("run-b", null, null, EvidenceKind.NOTE, null, null, "engine", Map.of("i", 2)),
                    new NewEvidence("run-b", null, null, EvidenceKind.NOTE, null, null, "engine", Map.of("i", 3))));
            connection.rollback();
        }
        clock.advance(Duration.ofMillis(10));

        EvidenceRecord next = store.append(new NewEvidence("run-b", null, null, EvidenceKind.NOTE, null, null, "engine",
                Map.of("i", 4)));

        assertThat(next.sequence()).isEqualTo(2);
        assertThat(next.prevHash()).isEqualTo(store.records("run-b").get(0).hash());
        assertThat(next.businessKey()).isEqualTo("BK-B");
        assertThat(store.verifyChain("run-b").describe()).isEqualTo("Evidence chain intact: 2 records verified.");
    }

    @Test
    void aLongOutcomeIsKeptWholeInTheRunList() {
        String outcome = "rejected: " + "The primary is back; facilities restored power at 05:40. ".repeat(8);
        startRun("r", "drActivationProcess", "QM1", "olivia", "2026-11-04T10:00:00Z", outcome);

        assertThat(store.run("r").orElseThrow().outcome()).isEqualTo(outcome).hasSizeGreaterThan(400);
        assertThat(ids(new RunQuery(null, null, outcome, null, null, null, 0, 10))).containsExactly("r");
    }

    @Test
    void theRunsInWhichAUserDecidedAGateAreFound() {
        startRun("g1", "drActivationProcess", "QM1", "olivia", "2026-11-05T10:00:00Z", "completed");
        startRun("g2", "drActivationProcess", "QM2", "olivia", "2026-11-06T10:00:00Z", "completed");
        store.append(new NewEvidence("g2", null, null, EvidenceKind.GATE, "userTask_declareDisaster", "Declare disaster",
                "carmen", Map.of("decision", "approve")));
        store.append(new NewEvidence("g1", null, null, EvidenceKind.USER_TASK, "userTask_confirmIsolation",
                "Confirm the primary is isolated", "carmen", Map.of()));

        assertThat(ids(RunQuery.all().withGateDecidedBy("carmen"))).containsExactly("g2");
        assertThat(store.gateDecidedBy("g2", "carmen")).isTrue();
        assertThat(store.gateDecidedBy("g1", "carmen")).isFalse();
        assertThat(store.gateDecidedBy("g2", "chris")).isFalse();
    }

    @Test
    void runsAreFilteredAndPaged() {
        startRun("a", "drActivationProcess", "QM1", "olivia", "2026-11-01T10:00:00Z", "COMPLETED");
        startRun("b", "drActivationProcess", "QM2", "omar", "2026-11-02T10:00:00Z", "TERMINATED");
        startRun("c", "rdqmSwitchoverProcess", "QM1", "olivia", "2026-11-03T10:00:00Z", "COMPLETED");

        assertThat(ids(new RunQuery("drActivationProcess", null, null, null, null, null, 0, 10))).containsExactly("b", "a");
        assertThat(ids(new RunQuery(null, "QM1", "COMPLETED", "olivia", null, null, 0, 10))).containsExactly("c", "a");
        assertThat(ids(new RunQuery(null, null, null, null, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"), 0, 10))).containsExactly("b");
        RunPage second = store.findRuns(new RunQuery(null, null, null, null, null, null, 1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.runs()).extracting(RunSummary::runId).containsExactly("a");
        assertThatThrownBy(() -> new RunQuery(null, null, null, null, null, null, 0, 500))
                .hasMessage("size must be between 1 and 200, was 500");
    }

    private List<String> ids(RunQuery q) {
        return store.findRuns(q).runs().stream().map(RunSummary::runId).toList();
    }

    private void startRun(String runId, String processKey, String qm, String who, String at, String outcome) {
        clock.set(Instant.parse(at));
        store.append(new NewEvidence(runId, "BK-" + runId, processKey, EvidenceKind.RUN_STARTED, null, null, who,
                Map.of("queueManager", qm, "reason", "test")));
        clock.advance(Duration.ofMinutes(5));
        store.append(new NewEvidence(runId, null, null, EvidenceKind.RUN_ENDED, null, null, "engine",
                Map.of("outcome", outcome)));
    }

    private void appendNotes(String runId, int count) {
        for (int i = 1; i <= count; i++) {
            clock.advance(Duration.ofMillis(7));
            store.append(new NewEvidence(runId, "BK", "p", EvidenceKind.NOTE, null, null, "ann", Map.of("note", "n" + i)));
        }
    }
}
