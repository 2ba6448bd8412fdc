package io.mqrunbooks.application.clustermigration;

import io.mqrunbooks.application.port.out.control.EndMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cluster queue manager migration runbook ({@code mqrunbooks.cluster-migration.*}).
 *
 * @param trafficWatchPeriod     how long traffic to the suspended queue manager is watched (seed 002 step 1)
 * @param trafficSampleInterval  time between two traffic samples in that period
 * @param endMode                how endmqm stops it: {@code WAIT} (-w) or {@code IMMEDIATE} (-i)
 * @param statusPollInterval     time between two dspmq / channel status polls
 * @param statusPollLimit        polls before a wait is given up
 * @param monitoringPeriod       the close monitoring after RESUME (seed 002 step 14)
 * @param testQueuePrefix        the dedicated test queue of queue manager QM is {@code <prefix>QM}
 * @param testMessageWait        how long a test message may take to arrive
 */
@ConfigurationProperties("mqrunbooks.cluster-migration")
public record ClusterMigrationSettings(
        @DefaultValue("PT5M") Duration trafficWatchPeriod,
        @DefaultValue("PT1M") Duration trafficSampleInterval,
        @DefaultValue("WAIT") EndMode endMode,
        @DefaultValue("PT10S") Duration statusPollInterval,
        @DefaultValue("30") int statusPollLimit,
        @DefaultValue("PT30M") Duration monitoringPeriod,
        @DefaultValue("MQRB.TEST.") String testQueuePrefix,
        @DefaultValue("PT10S") Duration testMessageWait) {

    public ClusterMigrationSettings {
        if (endMode != EndMode.WAIT && endMode != EndMode.IMMEDIATE) {
            throw new IllegalArgumentException("mqrunbooks.cluster-migration.end-mode is " + endMode
                    + "; the migration stops a queue manager with WAIT (endmqm -w) or IMMEDIATE (endmqm -i)");
        }
        requirePositive("traffic-watch-period", trafficWatchPeriod);
        requirePositive("traffic-sample-interval", trafficSampleInterval);
        requirePositive("status-poll-interval", statusPollInterval);
        requirePositive("monitoring-period", monitoringPeriod);
        requirePositive("test-message-wait", testMessageWait);
        if (statusPollLimit < 1) {
            throw new IllegalArgumentException("mqrunbooks.cluster-migration.status-poll-limit is " + statusPollLimit
                    + "; it must be at least 1");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mqrunbooks.cluster-migration." + name + " is " + value
                    + "; it must be a positive duration such as PT1M");
        }
    }

    /** Samples taken in the watch period: one at its start and one after each interval. */
    public int trafficSamples() {
        return (int) Math.max(1, trafficWatchPeriod.toSeconds() / trafficSampleInterval.toSeconds()) + 1;
    }

    public static ClusterMigrationSettings defaults() {
        return new ClusterMigrationSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), EndMode.WAIT,
                Duration.ofSeconds(10), 30, Duration.ofMinutes(30), "MQRB.TEST.", Duration.ofSeconds(10));
    }
}
