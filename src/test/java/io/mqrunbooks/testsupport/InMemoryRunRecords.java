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
    private final Map<String, String> shown = new ConcurrentHashMap<>();

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
    public void recordShown(String runId, String taskId, String shownHash) {
        if (shown.putIfAbsent(taskId, shownHash) != null) {
            throw new IllegalStateException("Task " + taskId + " has what it showed recorded already");
        }
    }

    /**
     * Forgets what a gate showed, as for a gate that opened before that was kept (V6): tests of the steps' own
     * checks, the layer behind the gate's, use it.
     */
    public void forgetShown(String taskId) {
        shown.remove(taskId);
    }

    @Override
    public Optional<String> shown(String taskId) {
        return Optional.ofNullable(shown.get(taskId));
    }

    @Override
    public List<RunDecision> decisions(String runId) {
        List<RunDecision> of = new ArrayList<>();
        decisions.stream().filter(d -> d.runId().equals(runId)).forEach(of::add);
        return of;
    }
}
