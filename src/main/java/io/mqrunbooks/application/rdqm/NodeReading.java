package io.mqrunbooks.application.rdqm;

import io.mqrunbooks.mq.DrStatus;
import io.mqrunbooks.mq.RdqmDrStatus;

/**
 * What {@code rdqmstatus -m QM} said on one node, or that the node could not be reached.
 *
 * @param host        the node, as the inventory names it
 * @param status      the status, or null when the node was unreachable
 * @param unreachable why the node could not be asked (SSH's message), or null
 */
public record NodeReading(String host, RdqmDrStatus status, String unreachable) {

    public static NodeReading of(String host, RdqmDrStatus status) {
        return new NodeReading(host, status, null);
    }

    public static NodeReading unreachable(String host, String why) {
        return new NodeReading(host, null, why);
    }

    public boolean reachable() {
        return status != null;
    }

    public boolean isPrimary() {
        return reachable() && status.primary();
    }

    public boolean drStatusIs(DrStatus expected) {
        return reachable() && status.drStatus() == expected;
    }

    /** One line for forms and logs: role, queue manager status, DR status and the numbers shown. */
    public String describe() {
        if (!reachable()) {
            return host + ": unreachable (" + unreachable + ")";
        }
        StringBuilder text = new StringBuilder(host).append(": DR role ")
                .append(status.primary() ? "Primary" : "Secondary")
                .append(", queue manager ").append(status.queueManagerStatus().mqWording())
                .append(", DR status ").append(status.drStatus().mqWording());
        if (status.outOfSyncBytes() != null) {
            text.append(", DR out of sync data ").append(Sizes.describe(status.outOfSyncBytes()));
        }
        if (status.syncProgressPercent() != null) {
            text.append(", synchronization progress ").append(Sizes.percent(status.syncProgressPercent()));
        }
        if (status.estimatedCompletion() != null) {
            text.append(", estimated completion ").append(status.estimatedCompletion());
        }
        return text.toString();
    }
}
