package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.application.port.out.control.MqVersion;

/**
 * A migration moves a queue manager to a newer IBM MQ version. A target that is not newer than the version it
 * ran before is refused when the operator enters it, before the queue manager is started at it.
 */
public final class TargetVersionRule {

    private TargetVersionRule() {
    }

    /**
     * @param queueManager the queue manager, for the message
     * @param target       the version the operator entered
     * @param before       the version dspmqver showed before the queue manager was stopped
     * @throws MigrationRefusedException when the target is not a version or not newer than {@code before}
     */
    public static MqVersion requireNewer(String queueManager, String target, String before) {
        MqVersion wanted;
        try {
            wanted = new MqVersion(target == null ? "" : target.strip());
        } catch (IllegalArgumentException e) {
            throw new MigrationRefusedException("Target version: " + e.getMessage());
        }
        MqVersion current = new MqVersion(before);
        if (wanted.compareTo(current) <= 0) {
            throw new MigrationRefusedException("The target version " + wanted + " is not newer than the version "
                    + queueManager + " runs, " + current + ": a migration must move to a newer version. Enter a"
                    + " newer version, or choose back out.");
        }
        return wanted;
    }
}
