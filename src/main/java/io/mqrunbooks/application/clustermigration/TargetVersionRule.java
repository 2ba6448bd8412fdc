package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.mq.MqVersion;

/**
 * A migration moves a queue manager to a newer IBM MQ version. The target is given at the start and refused, before
 * the gate and before anything changes, when it is not newer than the version {@code dspmqver} shows on the host.
 */
public final class TargetVersionRule {

    private TargetVersionRule() {
    }

    /**
     * @param queueManager the queue manager, for the message
     * @param host         its host, for the message
     * @param target       the version given at the start
     * @param installed    what dspmqver shows on the host now
     * @throws MigrationRefusedException when the target is not a version or not newer than {@code installed}
     */
    public static MqVersion requireNewer(String queueManager, String host, String target, MqVersion installed) {
        MqVersion wanted;
        try {
            wanted = MqVersion.of(target == null ? "" : target.strip());
        } catch (IllegalArgumentException e) {
            throw new MigrationRefusedException("Target version: " + e.getMessage());
        }
        if (wanted.compareTo(installed) <= 0) {
            throw new MigrationRefusedException("the target version " + wanted + " is not newer than the version "
                    + queueManager + " runs on " + host + ", " + installed + " (dspmqver): a migration must move to a"
                    + " newer version. Nothing was changed; start the run again with a newer target version.");
        }
        return wanted;
    }
}
