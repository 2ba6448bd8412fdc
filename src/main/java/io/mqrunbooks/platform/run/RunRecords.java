package io.mqrunbooks.platform.run;

import java.util.List;
import java.util.Optional;

/** Where sealed runs and their gate decisions are kept. Append only: nothing here updates or deletes. */
public interface RunRecords {

    /** Stores the record; a second record for the same run is refused. */
    void seal(RunRecord record);

    Optional<RunRecord> find(String runId);

    void recordDecision(RunDecision decision);

    /** The run's decisions, oldest first. */
    List<RunDecision> decisions(String runId);

    /** Records the hash of what a gate's task showed its approver when it was created. */
    void recordShown(String runId, String taskId, String shownHash);

    /** What the gate's task showed when it was created, or empty for a task created before this was kept. */
    Optional<String> shown(String taskId);
}
