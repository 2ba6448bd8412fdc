package io.mqrunbooks.application.baseline;

import java.time.Instant;

/** What a backup was given: a baseline applied to it, or recorded to be applied at its activation. */
public record BackupLevelRecord(long id, String queueManager, String backupQueueManager, String backupHost,
                                long baselineId, State state, Instant recordedAt, String approvedBy) {

    public enum State {
        /** Applied to the running backup with DEFINE ... REPLACE and verified. */
        APPLIED,
        /** The backup was stopped: to be applied when it is activated (the DR activation runbook does). */
        TO_APPLY_AT_ACTIVATION
    }
}
