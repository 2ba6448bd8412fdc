package io.mqrunbooks.application.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where baselines are kept (the product's database; V2__baselines.sql). */
public interface BaselineStore {

    Baseline save(String queueManager, String host, Instant takenAt, String sha256, int objectCount, String mqsc,
                  String runId);

    /** Records that an export was checked against {@code baselineId}, stored as a new version or not. */
    void recordCheck(String queueManager, Instant checkedAt, String sha256, long baselineId, boolean newVersion,
                     String runId);

    Optional<Baseline> latest(String queueManager);

    Optional<Baseline> find(long id);

    /** Versions, newest first; all queue managers when {@code queueManager} is empty. Without the MQSC text. */
    List<Baseline> list(Optional<String> queueManager);

    /** How many exports of the queue manager were checked. */
    int checkCount(String queueManager);

    BackupLevelRecord recordBackupLevel(String queueManager, String backupQueueManager, String backupHost,
                                        long baselineId, BackupLevelRecord.State state, Instant recordedAt,
                                        String approvedBy, String runId);

    Optional<BackupLevelRecord> latestBackupLevel(String queueManager);

    LevelPlanRecord savePlan(String queueManager, String backupQueueManager, long baselineId, Instant createdAt,
                             String script, String summary, String runId);

    Optional<LevelPlanRecord> findPlan(long id);
}
