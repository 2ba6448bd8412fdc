package io.mqrunbooks.testsupport;

import io.mqrunbooks.platform.run.RunDecision;
import io.mqrunbooks.platform.run.RunRecord;
import io.mqrunbooks.platform.run.RunRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sealed runs for the engine tests, which run without the app's database tables. */
public final class InMemoryRunRecords implements RunRecords {

    private final Map<String, RunRecord> records = new ConcurrentHashMap<>();
    private final List<RunDecision> decisions = new CopyOnWriteArrayList<>();

    @Override
    public void seal(RunRecord record) {
        if (records.putIfAbsent(record.runId(), record) != null) {
            throw new IllegalStateException("Run " + record.runId() + " is sealed already");
        }
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return Optional.ofNullable(records.get(runId));
    }

    @Override
    public void recordDecision(RunDecision decision) {
        decisions.add(decision);
    }

    @Override
    public List<RunDecision> decisions(String runId) {
        List<RunDecision> of = new ArrayList<>();
        decisions.stream().filter(d -> d.runId().equals(runId)).forEach(of::add);
        return of;
    }
}
