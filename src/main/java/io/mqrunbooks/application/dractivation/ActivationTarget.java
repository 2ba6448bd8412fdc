package io.mqrunbooks.application.dractivation;

import io.mqrunbooks.estate.BackupLevel;
import io.mqrunbooks.estate.QueueManagerKind;

/**
 * What one DR activation acts on, resolved from the inventory: the primary and where it runs, the backup
 * (its own name and host: QM1 on mqwest1, or QM2_DR on mqwest2) and its level. The backup carries the
 * primary's listener definition (seed 000: the backup's objects are the primary's).
 */
public record ActivationTarget(String primaryQueueManager, QueueManagerKind primaryKind, String primaryHost,
                               String backupQueueManager, String backupHost, String backupAddress,
                               BackupLevel level, String listenerName, int listenerPort) {

    public boolean isHot() {
        return level == BackupLevel.HOT;
    }

    public String primaryLabel() {
        return primaryQueueManager + " on " + primaryHost;
    }

    public String backupLabel() {
        return backupQueueManager + " on " + backupHost;
    }
}
